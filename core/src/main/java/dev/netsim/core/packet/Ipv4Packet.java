package dev.netsim.core.packet;

import dev.netsim.core.value.Ipv4;
import java.util.Objects;

/**
 * An IPv4 datagram: the header fields the simulator reads and writes, and its transport. Addresses are
 * kept as ints (see {@link Ipv4}) because the rule matchers compare them millions of times a second.
 *
 * <p>Immutable: NAT, TTL decrement and the like make a new packet. Only unfragmented packets and first
 * fragments carry a transport header; later fragments carry {@link OpaqueL4}-like bytes under
 * {@code fragmentOffset > 0}, which is what iptables' {@code -f} matches.
 */
public record Ipv4Packet(
    int src, int dst, int ttl, int tos, int id, boolean dontFragment, boolean moreFragments,
    int fragmentOffset, L4 l4) implements L3 {
  public static final int DEFAULT_TTL = 64;

  public Ipv4Packet {
    if ((ttl | tos) >>> 8 != 0 || id >>> 16 != 0 || fragmentOffset < 0 || fragmentOffset > 8191) {
      throw new IllegalArgumentException("IPv4 header field out of range");
    }
    Objects.requireNonNull(l4, "l4");
  }

  /** A new unfragmented packet with Linux's defaults (TTL 64, DF set as Linux sets it for PMTU discovery). */
  public static Ipv4Packet of(Ipv4 src, Ipv4 dst, L4 l4) {
    return new Ipv4Packet(src.bits(), dst.bits(), DEFAULT_TTL, 0, 0, true, false, 0, l4);
  }

  public int protocol() {
    return l4.protocol();
  }

  public int totalLength() {
    return 20 + l4.length();
  }

  public Ipv4 srcAddress() {
    return Ipv4.of(src);
  }

  public Ipv4 dstAddress() {
    return Ipv4.of(dst);
  }

  /** Whether this is a non-first fragment (iptables {@code -f}). */
  public boolean isLaterFragment() {
    return fragmentOffset != 0;
  }

  public Ipv4Packet withSrc(int newSrc) {
    return new Ipv4Packet(newSrc, dst, ttl, tos, id, dontFragment, moreFragments, fragmentOffset, l4);
  }

  public Ipv4Packet withDst(int newDst) {
    return new Ipv4Packet(src, newDst, ttl, tos, id, dontFragment, moreFragments, fragmentOffset, l4);
  }

  public Ipv4Packet withTtl(int newTtl) {
    return new Ipv4Packet(src, dst, newTtl, tos, id, dontFragment, moreFragments, fragmentOffset, l4);
  }

  public Ipv4Packet withId(int newId) {
    return new Ipv4Packet(src, dst, ttl, tos, newId, dontFragment, moreFragments, fragmentOffset, l4);
  }

  public Ipv4Packet withL4(L4 newL4) {
    return new Ipv4Packet(src, dst, ttl, tos, id, dontFragment, moreFragments, fragmentOffset, newL4);
  }

  @Override
  public int etherType() {
    return EthernetFrame.ETHERTYPE_IPV4;
  }

  @Override
  public String toString() {
    return "Ipv4Packet[" + Ipv4.format(src) + " > " + Ipv4.format(dst) + " ttl " + ttl + " " + l4 + "]";
  }
}
