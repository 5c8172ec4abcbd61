package dev.netsim.sim.conntrack;

import dev.netsim.core.packet.Icmp;
import dev.netsim.core.packet.Ipv4Packet;
import dev.netsim.core.packet.OpaqueL4;
import dev.netsim.core.packet.Tcp;
import dev.netsim.core.packet.Udp;
import dev.netsim.core.value.Ipv4;

/**
 * A conntrack tuple: what identifies one direction of a connection.
 *
 * <p>For TCP and UDP {@code srcKey}/{@code dstKey} are the ports. For ICMP, as in the kernel, the source
 * key is the echo id and the destination key is {@code type << 8 | code}; inverting an echo request tuple
 * gives the echo reply tuple. Other protocols have keys 0.
 */
public record ConnTuple(int src, int dst, int protocol, int srcKey, int dstKey) {
  /** The tuple of {@code packet} as sent, or null when conntrack cannot track it (e.g. ICMP errors). */
  public static ConnTuple of(Ipv4Packet packet) {
    if (packet.l4() instanceof Tcp tcp) {
      return new ConnTuple(packet.src(), packet.dst(), 6, tcp.srcPort(), tcp.dstPort());
    }
    if (packet.l4() instanceof Udp udp) {
      return new ConnTuple(packet.src(), packet.dst(), 17, udp.srcPort(), udp.dstPort());
    }
    if (packet.l4() instanceof Icmp icmp) {
      if (icmp.isError()) {
        return null;
      }
      return new ConnTuple(packet.src(), packet.dst(), 1, icmp.id(), icmp.type() << 8 | icmp.code());
    }
    return new ConnTuple(packet.src(), packet.dst(), ((OpaqueL4) packet.l4()).protocol(), 0, 0);
  }

  /** The tuple a reply to this direction carries. */
  public ConnTuple invert() {
    if (protocol == 1) {
      int type = dstKey >>> 8;
      return new ConnTuple(dst, src, 1, srcKey, IcmpTypes.replyType(type) << 8 | (dstKey & 0xff));
    }
    return new ConnTuple(dst, src, protocol, dstKey, srcKey);
  }

  public int icmpType() {
    return dstKey >>> 8;
  }

  public int icmpCode() {
    return dstKey & 0xff;
  }

  public ConnTuple withSrc(int address, int key) {
    return new ConnTuple(address, dst, protocol, key, dstKey);
  }

  public ConnTuple withDst(int address, int key) {
    return new ConnTuple(src, address, protocol, srcKey, key);
  }

  /** Whether the protocol has ports that NAT can rewrite. */
  public boolean hasPorts() {
    return protocol == 6 || protocol == 17;
  }

  /**
   * The tuple as {@code conntrack -L} prints it: {@code src=A dst=B sport=P dport=Q} or, for ICMP,
   * {@code src=A dst=B type=8 code=0 id=N}.
   */
  public String format() {
    StringBuilder text = new StringBuilder(64);
    text.append("src=").append(Ipv4.format(src)).append(" dst=").append(Ipv4.format(dst));
    if (protocol == 1) {
      text.append(" type=").append(icmpType()).append(" code=").append(icmpCode()).append(" id=").append(srcKey);
    } else if (hasPorts()) {
      text.append(" sport=").append(srcKey).append(" dport=").append(dstKey);
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return format();
  }
}
