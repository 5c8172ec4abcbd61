package dev.netsim.sim.conntrack;

import dev.netsim.core.packet.Icmp;
import dev.netsim.core.packet.Ipv4Packet;
import dev.netsim.core.packet.Tcp;

/**
 * Connection tracking of one namespace, as {@code nf_conntrack_in} does it at the first hook a packet
 * meets: find or create the packet's connection, classify the packet (NEW, ESTABLISHED, RELATED,
 * INVALID), run the protocol's state machine and refresh the timeout. New connections stay unconfirmed
 * until {@link ConntrackTable#confirm} at the packet's last hook.
 */
public final class Conntrack {
  private final ConntrackTable table;
  private ConntrackTimeouts timeouts = ConntrackTimeouts.DEFAULTS;

  public Conntrack(ConntrackTable table) {
    this.table = table;
  }

  public ConntrackTable table() {
    return table;
  }

  public void setTimeouts(ConntrackTimeouts timeouts) {
    this.timeouts = timeouts;
  }

  /** Where tracking puts its answer for one packet (the engine's per-packet state implements it). */
  public interface Slot {
    void setConnection(Connection connection, CtInfo info);
  }

  /** Tracks {@code packet} and reports its connection and state through {@code slot}. */
  public void track(Ipv4Packet packet, int zone, long nowNanos, Slot slot) {
    if (packet.isLaterFragment()) {
      // The kernel reassembles before conntrack; netsim never fragments, so a stray fragment is invalid.
      slot.setConnection(null, CtInfo.INVALID);
      return;
    }
    if (packet.l4() instanceof Icmp icmp && icmp.isError()) {
      trackIcmpError(icmp, nowNanos, slot);
      return;
    }
    ConnTuple tuple = ConnTuple.of(packet);
    Connection connection = table.find(tuple, nowNanos);
    if (connection == null) {
      if (!mayOpen(packet)) {
        slot.setConnection(null, CtInfo.INVALID);
        return;
      }
      connection = table.create(tuple, zone, nowNanos);
      if (!update(connection, Direction.ORIGINAL, packet, nowNanos)) {
        slot.setConnection(null, CtInfo.INVALID);
        return;
      }
      slot.setConnection(connection, CtInfo.NEW);
      return;
    }
    Direction dir = connection.original().equals(tuple) ? Direction.ORIGINAL : Direction.REPLY;
    if (!update(connection, dir, packet, nowNanos)) {
      slot.setConnection(null, CtInfo.INVALID);
      return;
    }
    if (dir == Direction.REPLY) {
      // Set after the protocol's update, as the kernel does: "the first reply" matters to TCP and UDP.
      connection.set(Connection.SEEN_REPLY);
    }
    CtInfo info = dir == Direction.REPLY
        ? CtInfo.ESTABLISHED_REPLY
        : connection.seenReply() ? CtInfo.ESTABLISHED : CtInfo.NEW;
    slot.setConnection(connection, info);
  }

  private void trackIcmpError(Icmp icmp, long nowNanos, Slot slot) {
    ConnTuple quoted = icmp.quoted() == null ? null : ConnTuple.of(icmp.quoted());
    // The error travels against the packet it quotes, so it carries the inverse of that packet's tuple.
    ConnTuple errorTuple = quoted == null ? null : quoted.invert();
    Connection connection = errorTuple == null ? null : table.find(errorTuple, nowNanos);
    if (connection == null) {
      slot.setConnection(null, CtInfo.INVALID);
      return;
    }
    boolean original = connection.original().equals(errorTuple);
    slot.setConnection(connection, original ? CtInfo.RELATED : CtInfo.RELATED_REPLY);
  }

  private static boolean mayOpen(Ipv4Packet packet) {
    if (packet.l4() instanceof Tcp tcp) {
      return TcpTracker.mayOpen(tcp);
    }
    if (packet.l4() instanceof Icmp icmp) {
      return IcmpTypes.isRequest(icmp.type());
    }
    return true;
  }

  /** Runs the protocol's state machine; false when the packet is invalid for the connection. */
  private boolean update(Connection connection, Direction dir, Ipv4Packet packet, long nowNanos) {
    switch (packet.protocol()) {
      case 6 -> {
        return updateTcp(connection, dir, (Tcp) packet.l4(), nowNanos);
      }
      case 17 -> updateUdp(connection, nowNanos);
      case 1 -> connection.refresh(nowNanos, timeouts.icmp());
      default -> connection.refresh(nowNanos, timeouts.generic());
    }
    return true;
  }

  private void updateUdp(Connection connection, long nowNanos) {
    if (!connection.seenReply()) {
      connection.refresh(nowNanos, timeouts.udp());
      return;
    }
    boolean stream = nowNanos > connection.udpStreamAfterNanos();
    connection.refresh(nowNanos, stream ? timeouts.udpStream() : timeouts.udp());
    if (stream) {
      connection.set(Connection.ASSURED);
    }
  }

  private boolean updateTcp(Connection connection, Direction dir, Tcp tcp, long nowNanos) {
    if (!TcpTracker.validFlags(tcp)) {
      return false;
    }
    TcpTracker.Kind kind = TcpTracker.kindOf(tcp);
    TcpState old = connection.tcpState();
    switch (TcpTracker.outcome(dir, kind, old)) {
      case INVALID -> {
        return false;
      }
      case IGNORED -> {
        connection.setLast(kind, dir);
        return true;
      }
      case NEXT -> {}
    }
    TcpState next = TcpTracker.next(dir, kind, old);
    if (next == TcpState.SYN_SENT && old.compareTo(TcpState.TIME_WAIT) >= 0
        && (connection.closeInitiated() || connection.lastDir() == dir && connection.lastKind() == TcpTracker.Kind.RST)) {
      // A SYN reopening a closed connection: the kernel kills the old entry and looks again.
      table.remove(connection);
      return false;
    }
    connection.setLast(kind, dir);
    connection.setTcpState(next);
    if (old != next && next == TcpState.FIN_WAIT) {
      connection.setCloseInitiated();
    }
    int timeout = kind == TcpTracker.Kind.RST ? timeouts.tcp(TcpState.CLOSE) : timeouts.tcp(next);
    if (!connection.seenReply()) {
      if (kind == TcpTracker.Kind.RST) {
        // Only a reset came back: the kernel drops the entry at once.
        table.remove(connection);
        connection.refresh(nowNanos, 0);
        return true;
      }
      if (kind == TcpTracker.Kind.SYN && old == TcpState.SYN_SENT) {
        return true; // a retransmitted SYN does not renew the timeout
      }
      if (next == TcpState.ESTABLISHED) {
        timeout = Math.min(timeout, timeouts.tcpUnacknowledged());
      }
    } else if (!connection.isAssured() && (old == TcpState.SYN_RECV || old == TcpState.ESTABLISHED)
        && next == TcpState.ESTABLISHED) {
      connection.set(Connection.ASSURED);
    }
    connection.refresh(nowNanos, timeout);
    return true;
  }
}
