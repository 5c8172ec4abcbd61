package dev.netsim.sim.conntrack;

import dev.netsim.core.value.Protocol;

/**
 * One conntrack entry: the original and reply tuples (the reply tuple carries any NAT), status bits, the
 * TCP state, the timeout and the connection mark. Mutable simulation state, owned by a
 * {@link ConntrackTable}; an entry that is not yet confirmed belongs only to the packet that created it.
 */
public final class Connection {
  public static final int SEEN_REPLY = 1 << 1;
  public static final int ASSURED = 1 << 2;
  public static final int CONFIRMED = 1 << 3;
  public static final int SRC_NAT = 1 << 4;
  public static final int DST_NAT = 1 << 5;
  public static final int SRC_NAT_DONE = 1 << 7;
  public static final int DST_NAT_DONE = 1 << 8;

  private final long id;
  private final ConnTuple original;
  private ConnTuple reply;
  private int status;
  private long deadlineNanos;
  private int mark;
  private final int zone;

  // TCP tracking
  private TcpState tcpState = TcpState.NONE;
  private TcpTracker.Kind lastKind = TcpTracker.Kind.NONE;
  private Direction lastDir = Direction.ORIGINAL;
  private boolean closeInitiated;

  // UDP: a flow becomes a "stream" (longer timeout, ASSURED) once it has lasted this long with replies.
  private long udpStreamAfterNanos;

  Connection(long id, ConnTuple original, int zone, long nowNanos) {
    this.id = id;
    this.original = original;
    this.reply = original.invert();
    this.zone = zone;
    this.udpStreamAfterNanos = nowNanos + 2_000_000_000L;
  }

  public long id() {
    return id;
  }

  public ConnTuple original() {
    return original;
  }

  public ConnTuple reply() {
    return reply;
  }

  public ConnTuple tuple(Direction direction) {
    return direction == Direction.ORIGINAL ? original : reply;
  }

  void setReply(ConnTuple newReply) {
    if (isConfirmed()) {
      throw new IllegalStateException("the reply tuple of a confirmed connection cannot change");
    }
    reply = newReply;
  }

  public int protocol() {
    return original.protocol();
  }

  public boolean has(int statusBits) {
    return (status & statusBits) == statusBits;
  }

  void set(int statusBits) {
    status |= statusBits;
  }

  public int status() {
    return status;
  }

  public boolean isConfirmed() {
    return has(CONFIRMED);
  }

  public boolean isAssured() {
    return has(ASSURED);
  }

  public boolean seenReply() {
    return has(SEEN_REPLY);
  }

  public boolean isSourceNatted() {
    return has(SRC_NAT);
  }

  public boolean isDestinationNatted() {
    return has(DST_NAT);
  }

  public TcpState tcpState() {
    return tcpState;
  }

  void setTcpState(TcpState state) {
    this.tcpState = state;
  }

  TcpTracker.Kind lastKind() {
    return lastKind;
  }

  Direction lastDir() {
    return lastDir;
  }

  void setLast(TcpTracker.Kind kind, Direction dir) {
    this.lastKind = kind;
    this.lastDir = dir;
  }

  boolean closeInitiated() {
    return closeInitiated;
  }

  void setCloseInitiated() {
    closeInitiated = true;
  }

  long udpStreamAfterNanos() {
    return udpStreamAfterNanos;
  }

  /** The connection mark ({@code CONNMARK}, {@code -m connmark}). */
  public int mark() {
    return mark;
  }

  public void setMark(int mark) {
    this.mark = mark;
  }

  public int zone() {
    return zone;
  }

  long deadlineNanos() {
    return deadlineNanos;
  }

  void refresh(long nowNanos, int timeoutSeconds) {
    deadlineNanos = nowNanos + timeoutSeconds * 1_000_000_000L;
  }

  /** Whole seconds left before the entry expires, as {@code conntrack -L} prints them. */
  public long secondsLeft(long nowNanos) {
    return Math.max(0, (deadlineNanos - nowNanos) / 1_000_000_000L);
  }

  public boolean isExpired(long nowNanos) {
    return nowNanos >= deadlineNanos;
  }

  /**
   * The line {@code conntrack -L} prints for this entry, e.g.
   * {@code tcp      6 119 TIME_WAIT src=... [ASSURED] mark=0 use=1}.
   */
  public String format(long nowNanos) {
    String name = new Protocol(protocol()).name();
    StringBuilder line = new StringBuilder(200);
    line.append(String.format("%-8s %d %d ", name == null ? "unknown" : name, protocol(), secondsLeft(nowNanos)));
    if (protocol() == 6) {
      line.append(tcpState.name()).append(' ');
    }
    line.append(original.format()).append(' ');
    if (!seenReply()) {
      line.append("[UNREPLIED] ");
    }
    line.append(reply.format()).append(' ');
    if (isAssured()) {
      line.append("[ASSURED] ");
    }
    line.append("mark=").append(Integer.toUnsignedString(mark)).append(' ');
    if (zone != 0) {
      line.append("zone=").append(zone).append(' ');
    }
    line.append("use=1");
    return line.toString();
  }

  @Override
  public String toString() {
    return "Connection[" + original + " / " + reply + "]";
  }
}
