package dev.netsim.sim.engine;

import dev.netsim.rules.eval.ConntrackView;
import dev.netsim.rules.eval.CtState;
import dev.netsim.sim.conntrack.ConnTuple;
import dev.netsim.sim.conntrack.Connection;
import dev.netsim.sim.conntrack.CtInfo;

/** A packet's connection as iptables matches see it: the entry plus what this packet is to it. Reused per namespace. */
final class CtView implements ConntrackView {
  private Connection connection;
  private CtInfo info;
  private long nowNanos;

  /** Points this reusable view at {@code connection} as {@code info} says this packet relates to it. */
  CtView set(Connection connection, CtInfo info, long nowNanos) {
    this.connection = connection;
    this.info = info;
    this.nowNanos = nowNanos;
    return this;
  }

  @Override
  public int state() {
    return switch (info) {
      case NEW -> CtState.NEW;
      case ESTABLISHED, ESTABLISHED_REPLY -> CtState.ESTABLISHED;
      case RELATED, RELATED_REPLY -> CtState.RELATED;
      case INVALID -> CtState.INVALID;
      case UNTRACKED -> CtState.UNTRACKED;
    };
  }

  @Override
  public int natState() {
    return (connection.isSourceNatted() ? CtState.SNAT : 0) | (connection.isDestinationNatted() ? CtState.DNAT : 0);
  }

  @Override
  public int status() {
    return (connection.seenReply() ? CtState.STATUS_SEEN_REPLY : 0)
        | (connection.isAssured() ? CtState.STATUS_ASSURED : 0)
        | (connection.isConfirmed() ? CtState.STATUS_CONFIRMED : 0);
  }

  @Override
  public boolean isReply() {
    return info.isReply();
  }

  @Override
  public int protocol() {
    return connection.protocol();
  }

  @Override
  public int origSrc() {
    return connection.original().src();
  }

  @Override
  public int origDst() {
    return connection.original().dst();
  }

  @Override
  public int origSrcPort() {
    return port(connection.original(), true);
  }

  @Override
  public int origDstPort() {
    return port(connection.original(), false);
  }

  @Override
  public int replySrc() {
    return connection.reply().src();
  }

  @Override
  public int replyDst() {
    return connection.reply().dst();
  }

  @Override
  public int replySrcPort() {
    return port(connection.reply(), true);
  }

  @Override
  public int replyDstPort() {
    return port(connection.reply(), false);
  }

  private static int port(ConnTuple tuple, boolean source) {
    return tuple.hasPorts() ? (source ? tuple.srcKey() : tuple.dstKey()) : 0;
  }

  @Override
  public long expiresInSeconds() {
    return connection.secondsLeft(nowNanos);
  }

  @Override
  public int mark() {
    return connection.mark();
  }

  @Override
  public void setMark(int mark) {
    connection.setMark(mark);
  }
}
