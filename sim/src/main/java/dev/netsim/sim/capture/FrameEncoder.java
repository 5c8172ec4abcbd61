package dev.netsim.sim.capture;

import dev.netsim.core.packet.ArpPacket;
import dev.netsim.core.packet.EthernetFrame;
import dev.netsim.core.packet.Icmp;
import dev.netsim.core.packet.Ipv4Packet;
import dev.netsim.core.packet.L4;
import dev.netsim.core.packet.OpaqueL4;
import dev.netsim.core.packet.Payload;
import dev.netsim.core.packet.Tcp;
import dev.netsim.core.packet.TcpOptions;
import dev.netsim.core.packet.Udp;
import dev.netsim.core.value.Mac;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pcap4j.packet.EthernetPacket;
import org.pcap4j.packet.IcmpV4CommonPacket;
import org.pcap4j.packet.IpV4Packet;
import org.pcap4j.packet.IpV4Rfc791Tos;
import org.pcap4j.packet.Packet;
import org.pcap4j.packet.TcpMaximumSegmentSizeOption;
import org.pcap4j.packet.TcpNoOperationOption;
import org.pcap4j.packet.TcpPacket;
import org.pcap4j.packet.TcpSackPermittedOption;
import org.pcap4j.packet.TcpTimestampsOption;
import org.pcap4j.packet.TcpWindowScaleOption;
import org.pcap4j.packet.UdpPacket;
import org.pcap4j.packet.UnknownPacket;
import org.pcap4j.packet.namednumber.ArpHardwareType;
import org.pcap4j.packet.namednumber.ArpOperation;
import org.pcap4j.packet.namednumber.EtherType;
import org.pcap4j.packet.namednumber.IcmpV4Code;
import org.pcap4j.packet.namednumber.IcmpV4Type;
import org.pcap4j.packet.namednumber.IpNumber;
import org.pcap4j.packet.namednumber.IpVersion;
import org.pcap4j.packet.namednumber.TcpPort;
import org.pcap4j.packet.namednumber.UdpPort;
import org.pcap4j.util.MacAddress;

/**
 * The bytes of a simulated frame on the wire, built with pcap4j, which computes every length and checksum
 * (IPv4 header, TCP and UDP with their pseudo-headers, ICMP). Not for the hot path: a frame costs about a
 * microsecond and a few kilobytes of garbage, so only captures that write pcap files use it.
 *
 * <p>Conventions where the packet model is coarser than the wire: TCP options are laid out as Linux
 * writes them ({@link #tcpOptionKinds}); an ICMP message's second header word is {@code id << 16 | seq}
 * (the gateway of a redirect, the MTU of "fragmentation needed"); an ICMP error quotes at most
 * {@link Icmp#MAX_QUOTE} bytes of the offending packet, which keeps the checksums it had; payloads known
 * only by their length are zeros.
 */
public final class FrameEncoder {
  static final int OPT_NOP = 1;
  static final int OPT_MSS = 2;
  static final int OPT_WSCALE = 3;
  static final int OPT_SACK_PERMITTED = 4;
  static final int OPT_TIMESTAMPS = 8;

  private FrameEncoder() {}

  /** The frame as it is on the wire, without padding or FCS (as Linux veths and bridges carry it). */
  public static byte[] frameBytes(EthernetFrame frame) {
    EthernetPacket.Builder ethernet = new EthernetPacket.Builder()
        .srcAddr(mac(frame.src()))
        .dstAddr(mac(frame.dst()))
        .type(EtherType.getInstance((short) frame.etherType()))
        .pad(new byte[0])
        .paddingAtBuild(false);
    if (frame.payload() instanceof Ipv4Packet ip) {
      ethernet.payloadBuilder(ipv4Builder(ip));
    } else {
      ethernet.payloadBuilder(arpBuilder((ArpPacket) frame.payload()));
    }
    return ethernet.build().getRawData();
  }

  /** The network-layer bytes of the frame (what follows the link-layer header). */
  public static byte[] l3Bytes(EthernetFrame frame) {
    byte[] bytes = frameBytes(frame);
    return Arrays.copyOfRange(bytes, EthernetFrame.HEADER_LENGTH, bytes.length);
  }

  /** An IPv4 packet's bytes. */
  public static byte[] ipv4Bytes(Ipv4Packet packet) {
    return ipv4Builder(packet).build().getRawData();
  }

  /** The bytes after an IPv4 packet's header. */
  static byte[] transportBytes(Ipv4Packet packet) {
    byte[] bytes = ipv4Bytes(packet);
    return Arrays.copyOfRange(bytes, 20, bytes.length);
  }

  /**
   * The TCP option kinds in the order Linux's {@code tcp_options_write} lays them out: MSS; SACK-permitted
   * and timestamps together (or two NOPs and timestamps); NOP and window scale; NOP, NOP, SACK-permitted
   * when there are no timestamps.
   */
  static int[] tcpOptionKinds(TcpOptions options) {
    int[] kinds = new int[8];
    int n = 0;
    if (options.mss() >= 0) {
      kinds[n++] = OPT_MSS;
    }
    if (options.hasTimestamps()) {
      if (options.sackPermitted()) {
        kinds[n++] = OPT_SACK_PERMITTED;
      } else {
        kinds[n++] = OPT_NOP;
        kinds[n++] = OPT_NOP;
      }
      kinds[n++] = OPT_TIMESTAMPS;
    }
    if (options.windowScale() >= 0) {
      kinds[n++] = OPT_NOP;
      kinds[n++] = OPT_WSCALE;
    }
    if (options.sackPermitted() && !options.hasTimestamps()) {
      kinds[n++] = OPT_NOP;
      kinds[n++] = OPT_NOP;
      kinds[n++] = OPT_SACK_PERMITTED;
    }
    return Arrays.copyOf(kinds, n);
  }

  private static MacAddress mac(Mac mac) {
    byte[] bytes = new byte[6];
    for (int i = 0; i < 6; i++) {
      bytes[i] = (byte) mac.octet(i);
    }
    return MacAddress.getByAddress(bytes);
  }

  private static Inet4Address address(int bits) {
    try {
      return (Inet4Address) InetAddress.getByAddress(
          new byte[] {(byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits});
    } catch (UnknownHostException e) {
      throw new AssertionError("four bytes are always an IPv4 address", e);
    }
  }

  private static org.pcap4j.packet.ArpPacket.Builder arpBuilder(ArpPacket arp) {
    return new org.pcap4j.packet.ArpPacket.Builder()
        .hardwareType(ArpHardwareType.ETHERNET)
        .protocolType(EtherType.IPV4)
        .hardwareAddrLength((byte) 6)
        .protocolAddrLength((byte) 4)
        .operation(ArpOperation.getInstance((short) arp.op()))
        .srcHardwareAddr(mac(arp.senderMac()))
        .srcProtocolAddr(address(arp.senderIp()))
        .dstHardwareAddr(mac(arp.targetMac()))
        .dstProtocolAddr(address(arp.targetIp()));
  }

  private static IpV4Packet.Builder ipv4Builder(Ipv4Packet ip) {
    Inet4Address src = address(ip.src());
    Inet4Address dst = address(ip.dst());
    return new IpV4Packet.Builder()
        .version(IpVersion.IPV4)
        .ihl((byte) 5)
        .tos(IpV4Rfc791Tos.newInstance((byte) ip.tos()))
        .identification((short) ip.id())
        .dontFragmentFlag(ip.dontFragment())
        .moreFragmentFlag(ip.moreFragments())
        .fragmentOffset((short) ip.fragmentOffset())
        .ttl((byte) ip.ttl())
        .protocol(IpNumber.getInstance((byte) ip.protocol()))
        .srcAddr(src)
        .dstAddr(dst)
        .payloadBuilder(transportBuilder(ip.l4(), src, dst))
        .correctChecksumAtBuild(true)
        .correctLengthAtBuild(true);
  }

  private static Packet.Builder transportBuilder(L4 l4, Inet4Address src, Inet4Address dst) {
    if (l4 instanceof Tcp tcp) {
      return tcpBuilder(tcp, src, dst);
    }
    if (l4 instanceof Udp udp) {
      return new UdpPacket.Builder()
          .srcPort(UdpPort.getInstance((short) udp.srcPort()))
          .dstPort(UdpPort.getInstance((short) udp.dstPort()))
          .srcAddr(src)
          .dstAddr(dst)
          .payloadBuilder(raw(udp.payload()))
          .correctChecksumAtBuild(true)
          .correctLengthAtBuild(true);
    }
    if (l4 instanceof Icmp icmp) {
      return icmpBuilder(icmp);
    }
    return raw(((OpaqueL4) l4).payload());
  }

  private static TcpPacket.Builder tcpBuilder(Tcp tcp, Inet4Address src, Inet4Address dst) {
    TcpOptions options = tcp.options();
    List<TcpPacket.TcpOption> wire = new ArrayList<>();
    for (int kind : tcpOptionKinds(options)) {
      wire.add(switch (kind) {
        case OPT_NOP -> TcpNoOperationOption.getInstance();
        case OPT_MSS -> new TcpMaximumSegmentSizeOption.Builder()
            .maxSegSize((short) options.mss()).correctLengthAtBuild(true).build();
        case OPT_WSCALE -> new TcpWindowScaleOption.Builder()
            .shiftCount((byte) options.windowScale()).correctLengthAtBuild(true).build();
        case OPT_SACK_PERMITTED -> TcpSackPermittedOption.getInstance();
        case OPT_TIMESTAMPS -> new TcpTimestampsOption.Builder()
            .tsValue((int) options.tsVal()).tsEchoReply((int) options.tsEcr()).correctLengthAtBuild(true).build();
        default -> throw new IllegalStateException("option kind " + kind);
      });
    }
    int flags = tcp.flags();
    Payload payload = tcp.payload();
    return new TcpPacket.Builder()
        .srcPort(TcpPort.getInstance((short) tcp.srcPort()))
        .dstPort(TcpPort.getInstance((short) tcp.dstPort()))
        .sequenceNumber((int) tcp.seq())
        .acknowledgmentNumber((int) tcp.ack())
        // pcap4j keeps RFC 793's six reserved bits; CWR and ECE are the two lowest of them.
        .reserved((byte) (((flags & Tcp.CWR) != 0 ? 2 : 0) | ((flags & Tcp.ECE) != 0 ? 1 : 0)))
        .urg((flags & Tcp.URG) != 0)
        .ack((flags & Tcp.ACK) != 0)
        .psh((flags & Tcp.PSH) != 0)
        .rst((flags & Tcp.RST) != 0)
        .syn((flags & Tcp.SYN) != 0)
        .fin((flags & Tcp.FIN) != 0)
        .window((short) tcp.window())
        .options(wire)
        .paddingAtBuild(true)
        .srcAddr(src)
        .dstAddr(dst)
        .payloadBuilder(raw(payload))
        .correctChecksumAtBuild(true)
        .correctLengthAtBuild(true);
  }

  private static IcmpV4CommonPacket.Builder icmpBuilder(Icmp icmp) {
    byte[] body;
    if (icmp.quoted() != null) {
      byte[] quoted = ipv4Bytes(icmp.quoted());
      body = Arrays.copyOf(quoted, Math.min(quoted.length, Icmp.MAX_QUOTE));
    } else {
      body = icmp.payload().bytes();
    }
    byte[] rest = new byte[4 + body.length];
    rest[0] = (byte) (icmp.id() >>> 8);
    rest[1] = (byte) icmp.id();
    rest[2] = (byte) (icmp.seq() >>> 8);
    rest[3] = (byte) icmp.seq();
    System.arraycopy(body, 0, rest, 4, body.length);
    IcmpV4Type type = IcmpV4Type.getInstance((byte) icmp.type());
    return new IcmpV4CommonPacket.Builder()
        .type(type)
        .code(IcmpV4Code.getInstance(type.value(), (byte) icmp.code()))
        .payloadBuilder(raw(rest))
        .correctChecksumAtBuild(true);
  }

  private static UnknownPacket.Builder raw(byte[] bytes) {
    return new UnknownPacket.Builder().rawData(bytes);
  }

  /** A payload's bytes, or no payload packet at all when it is empty (pcap4j wants none then). */
  private static UnknownPacket.Builder raw(Payload payload) {
    return payload.length() == 0 ? null : raw(payload.bytes());
  }
}
