package dev.netsim.sim.engine;

import dev.netsim.core.packet.Icmp;
import dev.netsim.core.packet.Ipv4Packet;
import dev.netsim.core.packet.Tcp;
import dev.netsim.core.packet.Udp;
import dev.netsim.core.value.Ipv4;

/** One-line descriptions of packets for traces: what a learner needs to recognise the packet. */
public final class PacketText {
  private PacketText() {}

  /** e.g. {@code ICMP echo request 11.11.11.2 > 11.11.11.3 id 7 seq 1 ttl 64}. */
  public static String describe(Ipv4Packet packet) {
    String src = Ipv4.format(packet.src());
    String dst = Ipv4.format(packet.dst());
    String ttl = " ttl " + packet.ttl();
    if (packet.l4() instanceof Tcp tcp) {
      return "TCP " + src + ":" + tcp.srcPort() + " > " + dst + ":" + tcp.dstPort() + " [" + flags(tcp) + "]" + ttl;
    }
    if (packet.l4() instanceof Udp udp) {
      return "UDP " + src + ":" + udp.srcPort() + " > " + dst + ":" + udp.dstPort() + ttl;
    }
    if (packet.l4() instanceof Icmp icmp) {
      return "ICMP " + icmpName(icmp) + " " + src + " > " + dst
          + (icmp.isEcho() ? " id " + icmp.id() + " seq " + icmp.seq() : "") + ttl;
    }
    return "IP proto " + packet.protocol() + " " + src + " > " + dst + ttl;
  }

  /** Endpoints only, for NAT steps: {@code 11.11.11.2:40000 > 8.8.8.8:53} (addresses alone for ICMP). */
  public static String endpoints(Ipv4Packet packet) {
    String src = Ipv4.format(packet.src());
    String dst = Ipv4.format(packet.dst());
    if (packet.l4() instanceof Tcp tcp) {
      return src + ":" + tcp.srcPort() + " > " + dst + ":" + tcp.dstPort();
    }
    if (packet.l4() instanceof Udp udp) {
      return src + ":" + udp.srcPort() + " > " + dst + ":" + udp.dstPort();
    }
    return src + " > " + dst;
  }

  private static String flags(Tcp tcp) {
    StringBuilder text = new StringBuilder();
    if (tcp.has(Tcp.SYN)) {
      text.append('S');
    }
    if (tcp.has(Tcp.FIN)) {
      text.append('F');
    }
    if (tcp.has(Tcp.RST)) {
      text.append('R');
    }
    if (tcp.has(Tcp.PSH)) {
      text.append('P');
    }
    if (tcp.has(Tcp.ACK)) {
      text.append('.');
    }
    return text.toString();
  }

  /** The ICMP message in words, e.g. {@code port unreachable}. */
  public static String icmpName(Icmp icmp) {
    return switch (icmp.type()) {
      case Icmp.ECHO_REQUEST -> "echo request";
      case Icmp.ECHO_REPLY -> "echo reply";
      case Icmp.DEST_UNREACHABLE -> switch (icmp.code()) {
        case 0 -> "net unreachable";
        case 1 -> "host unreachable";
        case 2 -> "protocol unreachable";
        case 3 -> "port unreachable";
        case 9 -> "net prohibited";
        case 10 -> "host prohibited";
        case 13 -> "admin prohibited";
        default -> "destination unreachable code " + icmp.code();
      };
      case Icmp.TIME_EXCEEDED -> "time exceeded";
      default -> "type " + icmp.type() + " code " + icmp.code();
    };
  }
}
