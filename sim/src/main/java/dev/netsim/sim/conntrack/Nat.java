package dev.netsim.sim.conntrack;

import dev.netsim.core.packet.Icmp;
import dev.netsim.core.packet.Ipv4Packet;
import dev.netsim.core.packet.L4;
import dev.netsim.core.packet.Tcp;
import dev.netsim.core.packet.Udp;

/**
 * Network address translation on top of conntrack, as nf_nat does it: a NAT target (or, when none fires,
 * a null binding) rewrites the reply tuple of a connection's first packet once per manipulation type; every
 * packet of the connection is then rewritten at the NAT hooks from the two tuples alone.
 */
public final class Nat {
  /** Which end of the packet a hook rewrites: DNAT at PREROUTING/OUTPUT, SNAT at POSTROUTING/INPUT. */
  public enum Manip {
    SRC,
    DST
  }

  private Nat() {}

  /** Whether the connection's {@code manip} binding is already set (then the nat table is not consulted). */
  public static boolean isInitialized(Connection connection, Manip manip) {
    return connection.has(manip == Manip.SRC ? Connection.SRC_NAT_DONE : Connection.DST_NAT_DONE);
  }

  /**
   * Binds {@code manip} of an unconfirmed connection to {@code range}, choosing a tuple no other connection
   * uses (keeping the port when it is free and allowed, else the first free port of the range). Returns
   * false when every candidate is taken: the kernel then drops the packet.
   */
  public static boolean bind(ConntrackTable table, Connection connection, Manip manip, NatRange range, long nowNanos) {
    // The connection's original tuple as the other NAT type has mangled it so far.
    ConnTuple current = connection.reply().invert();
    ConnTuple chosen = uniqueTuple(table, current, manip, range, nowNanos);
    if (chosen == null) {
      return false;
    }
    connection.setReply(chosen.invert());
    if (!chosen.equals(current)) {
      connection.set(manip == Manip.SRC ? Connection.SRC_NAT : Connection.DST_NAT);
    }
    connection.set(manip == Manip.SRC ? Connection.SRC_NAT_DONE : Connection.DST_NAT_DONE);
    return true;
  }

  /** The binding the kernel sets up when the nat table leaves a new connection untouched. */
  public static boolean bindNull(ConntrackTable table, Connection connection, Manip manip, long nowNanos) {
    ConnTuple reply = connection.reply();
    int address = manip == Manip.SRC ? reply.dst() : reply.src();
    return bind(table, connection, manip, NatRange.address(address), nowNanos);
  }

  private static ConnTuple uniqueTuple(
      ConntrackTable table, ConnTuple current, Manip manip, NatRange range, long nowNanos) {
    int address = chooseAddress(current, manip, range);
    ConnTuple candidate = manip == Manip.SRC
        ? current.withSrc(address, current.srcKey())
        : current.withDst(address, current.dstKey());
    boolean portAllowed = !range.hasPorts() || range.minPort() <= key(candidate, manip)
        && key(candidate, manip) <= range.maxPort();
    if (portAllowed && !table.inUse(candidate.invert(), nowNanos)) {
      return candidate;
    }
    if (!candidate.hasPorts() && candidate.protocol() != 1) {
      return null;
    }
    if (manip == Manip.DST && !range.hasPorts() && candidate.protocol() != 1) {
      return null; // DNAT without ports never changes the destination port
    }
    int min;
    int max;
    if (range.hasPorts()) {
      min = range.minPort();
      max = range.maxPort();
    } else if (candidate.protocol() == 1) {
      min = 0;
      max = 65535;
    } else {
      int port = key(candidate, manip);
      // Without a port range the kernel keeps a port in its class: <512, 512..1023, >=1024.
      min = port < 1024 ? (port <= 511 ? 1 : 600) : 1024;
      max = port < 1024 ? (port <= 511 ? 511 : 1023) : 65535;
    }
    int span = max - min + 1;
    int start = Math.floorMod(key(candidate, manip) - min, span);
    for (int i = 0; i < span; i++) {
      int port = min + (start + i) % span;
      ConnTuple next = manip == Manip.SRC ? candidate.withSrc(address, port) : candidate.withDst(address, port);
      if (!table.inUse(next.invert(), nowNanos)) {
        return next;
      }
    }
    return null;
  }

  private static int key(ConnTuple tuple, Manip manip) {
    // ICMP keeps its id in the source key whichever end is rewritten.
    return manip == Manip.SRC || tuple.protocol() == 1 ? tuple.srcKey() : tuple.dstKey();
  }

  private static int chooseAddress(ConnTuple current, Manip manip, NatRange range) {
    if (!range.hasAddress()) {
      return manip == Manip.SRC ? current.src() : current.dst();
    }
    long count = range.addressCount();
    if (count == 1) {
      return range.minAddress();
    }
    // Spread connections over the range by their endpoints, deterministically.
    long hash = Integer.toUnsignedLong(current.src() * 0x9e3779b1 ^ current.dst());
    return (int) (Integer.toUnsignedLong(range.minAddress()) + hash % count);
  }

  /**
   * Rewrites {@code packet} for the hook's {@code manip}, as {@code nf_nat_packet} does: a packet in either
   * direction is made to carry the tuple the other direction expects. Returns the packet itself when there
   * is nothing to rewrite.
   */
  public static Ipv4Packet apply(Connection connection, CtInfo info, Manip manip, Ipv4Packet packet) {
    Direction dir = info.direction();
    int bit = manip == Manip.SRC ? Connection.SRC_NAT : Connection.DST_NAT;
    if (dir == Direction.REPLY) {
      bit = bit == Connection.SRC_NAT ? Connection.DST_NAT : Connection.SRC_NAT;
    }
    if (!connection.has(bit)) {
      return packet;
    }
    ConnTuple target = connection.tuple(dir.opposite()).invert();
    if (info.isRelated()) {
      return translateIcmpError(connection, dir, manip, packet, target);
    }
    return rewrite(packet, manip, target);
  }

  private static Ipv4Packet rewrite(Ipv4Packet packet, Manip manip, ConnTuple target) {
    if (manip == Manip.SRC) {
      return packet.withSrc(target.src()).withL4(withSourceKey(packet.l4(), target.srcKey()));
    }
    L4 l4 = packet.l4();
    L4 rewritten = l4 instanceof Tcp tcp ? tcp.withPorts(tcp.srcPort(), target.dstKey())
        : l4 instanceof Udp udp ? udp.withPorts(udp.srcPort(), target.dstKey())
        : l4;
    return packet.withDst(target.dst()).withL4(rewritten);
  }

  private static L4 withSourceKey(L4 l4, int key) {
    if (l4 instanceof Tcp tcp) {
      return tcp.withPorts(key, tcp.dstPort());
    }
    if (l4 instanceof Udp udp) {
      return udp.withPorts(key, udp.dstPort());
    }
    if (l4 instanceof Icmp icmp && icmp.isEcho()) {
      return new Icmp(icmp.type(), icmp.code(), key, icmp.seq(), icmp.payload(), null);
    }
    return l4;
  }

  /**
   * An ICMP error about a NATed connection: the quoted packet is un-NATed like a packet of the opposite
   * direction, and the outer header like a packet of the error's own direction.
   */
  private static Ipv4Packet translateIcmpError(
      Connection connection, Direction dir, Manip manip, Ipv4Packet packet, ConnTuple target) {
    Icmp icmp = (Icmp) packet.l4();
    Ipv4Packet quoted = icmp.quoted();
    // The quoted packet travelled the other way: its other end is set from the other direction's tuple.
    Manip quotedManip = manip == Manip.SRC ? Manip.DST : Manip.SRC;
    Ipv4Packet fixedQuote = rewrite(quoted, quotedManip, connection.tuple(dir.opposite()));
    Icmp fixed = new Icmp(icmp.type(), icmp.code(), icmp.id(), icmp.seq(), icmp.payload(), fixedQuote);
    Ipv4Packet outer = packet.withL4(fixed);
    return manip == Manip.SRC ? outer.withSrc(target.src()) : outer.withDst(target.dst());
  }
}
