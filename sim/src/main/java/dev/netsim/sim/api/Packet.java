package dev.netsim.sim.api;

import dev.netsim.core.packet.Icmp;
import dev.netsim.core.packet.Ipv4Packet;
import dev.netsim.core.packet.OpaqueL4;
import dev.netsim.core.packet.Payload;
import dev.netsim.core.packet.Tcp;
import dev.netsim.core.packet.TcpOptions;
import dev.netsim.core.packet.Udp;
import dev.netsim.core.value.Ipv4;
import dev.netsim.sim.engine.PacketText;
import java.util.Objects;

/**
 * A hand-built IPv4 packet for {@link Netns#send} and {@link Netns#inject}: any source, destination, protocol,
 * ports, TCP flags, ICMP type and code, TTL, TOS, IP id and fragment fields. Immutable: each {@code with...}
 * method returns a new packet. Starts from Linux's defaults (TTL 64, DF set).
 *
 * <pre>{@code
 * Packet syn = Packet.tcp("203.0.113.7", 40000, "192.0.2.10", 22).withTtl(3);
 * }</pre>
 */
public final class Packet {
  private final Ipv4Packet ip;

  private Packet(Ipv4Packet ip) {
    this.ip = ip;
  }

  /** A TCP SYN from {@code src:srcPort} to {@code dst:dstPort}. */
  public static Packet tcp(String src, int srcPort, String dst, int dstPort) {
    return new Packet(Ipv4Packet.of(address(src), address(dst),
        new Tcp(srcPort, dstPort, 1, 0, Tcp.SYN, 64240, TcpOptions.NONE, Payload.EMPTY)));
  }

  /** A UDP datagram without payload from {@code src:srcPort} to {@code dst:dstPort}. */
  public static Packet udp(String src, int srcPort, String dst, int dstPort) {
    return new Packet(Ipv4Packet.of(address(src), address(dst), new Udp(srcPort, dstPort, Payload.EMPTY)));
  }

  /** An ICMP echo request (id 1, sequence 1, 56 data bytes, as ping sends). */
  public static Packet icmpEcho(String src, String dst) {
    return new Packet(Ipv4Packet.of(address(src), address(dst), Icmp.echoRequest(1, 1, 56)));
  }

  /** An ICMP message of any type and code (without a quoted packet). */
  public static Packet icmp(String src, String dst, int type, int code) {
    return new Packet(Ipv4Packet.of(address(src), address(dst), new Icmp(type, code, 0, 0, Payload.EMPTY, null)));
  }

  /** A packet of IP protocol number {@code protocol} (e.g. 47 for GRE) whose payload netsim does not look into. */
  public static Packet ipProtocol(String src, String dst, int protocol) {
    return new Packet(Ipv4Packet.of(address(src), address(dst), new OpaqueL4(protocol, Payload.EMPTY)));
  }

  /** The same packet with TTL {@code ttl} (0-255). */
  public Packet withTtl(int ttl) {
    return new Packet(ip.withTtl(ttl));
  }

  /** The same packet with the TOS byte {@code tos} (0-255). */
  public Packet withTos(int tos) {
    return new Packet(new Ipv4Packet(ip.src(), ip.dst(), ip.ttl(), tos, ip.id(), ip.dontFragment(),
        ip.moreFragments(), ip.fragmentOffset(), ip.l4()));
  }

  /** The same packet with IP identification {@code id} (0-65535). */
  public Packet withId(int id) {
    return new Packet(ip.withId(id));
  }

  /**
   * The same packet with these fragment fields ({@code offset} in 8-byte units, 0-8191). A later fragment
   * ({@code offset > 0}) is what iptables' {@code -f} matches; port and ICMP matches and conntrack ignore its
   * transport header, as the kernel never sees one there.
   */
  public Packet withFragment(boolean dontFragment, boolean moreFragments, int offset) {
    return new Packet(new Ipv4Packet(ip.src(), ip.dst(), ip.ttl(), ip.tos(), ip.id(), dontFragment, moreFragments,
        offset, ip.l4()));
  }

  /**
   * The same TCP segment with these flags, as iptables' {@code --tcp-flags} names them, separated by commas:
   * {@code "SYN,ACK"}, {@code "RST"}, {@code "NONE"}. IllegalStateException when the packet is not TCP.
   */
  public Packet withTcpFlags(String flags) {
    if (!(ip.l4() instanceof Tcp tcp)) {
      throw new IllegalStateException("not a TCP packet: " + this);
    }
    int bits = 0;
    for (String flag : flags.split(",")) {
      bits |= switch (flag.trim()) {
        case "FIN" -> Tcp.FIN;
        case "SYN" -> Tcp.SYN;
        case "RST" -> Tcp.RST;
        case "PSH" -> Tcp.PSH;
        case "ACK" -> Tcp.ACK;
        case "URG" -> Tcp.URG;
        case "ECE" -> Tcp.ECE;
        case "CWR" -> Tcp.CWR;
        case "NONE" -> 0;
        default -> throw new IllegalArgumentException("unknown TCP flag `" + flag + "' in \"" + flags + "\"");
      };
    }
    return new Packet(ip.withL4(new Tcp(tcp.srcPort(), tcp.dstPort(), tcp.seq(), bits == Tcp.SYN ? 0 : tcp.ack(), bits,
        tcp.window(), tcp.options(), tcp.payload())));
  }

  /** The same packet carrying {@code bytes} bytes of payload (UDP, TCP, or the opaque payload of another protocol). */
  public Packet withPayloadLength(int bytes) {
    Payload payload = Payload.ofLength(bytes);
    if (ip.l4() instanceof Tcp tcp) {
      return new Packet(ip.withL4(new Tcp(tcp.srcPort(), tcp.dstPort(), tcp.seq(), tcp.ack(), tcp.flags(), tcp.window(),
          tcp.options(), payload)));
    }
    if (ip.l4() instanceof Udp udp) {
      return new Packet(ip.withL4(new Udp(udp.srcPort(), udp.dstPort(), payload)));
    }
    if (ip.l4() instanceof OpaqueL4 opaque) {
      return new Packet(ip.withL4(new OpaqueL4(opaque.protocol(), payload)));
    }
    throw new IllegalStateException("use Packet.icmpEcho for ICMP: " + this);
  }

  /** The packet as the simulator carries it. */
  Ipv4Packet ip() {
    return ip;
  }

  private static Ipv4 address(String text) {
    Objects.requireNonNull(text, "address");
    if (!Ipv4.isValid(text)) {
      throw new IllegalArgumentException("not an IPv4 address: `" + text + "'");
    }
    return Ipv4.parse(text);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Packet packet && packet.ip.equals(ip);
  }

  @Override
  public int hashCode() {
    return ip.hashCode();
  }

  /** The packet in a trace's words, e.g. {@code TCP 203.0.113.7:40000 > 192.0.2.10:22 [S] ttl 3}. */
  @Override
  public String toString() {
    return PacketText.describe(ip);
  }
}
