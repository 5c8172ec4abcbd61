package dev.netsim.rules.eval;

/**
 * What rules can see of the conntrack entry a packet belongs to. The engine's conntrack entry implements it;
 * CONNMARK writes the connection mark through {@link #setMark}.
 *
 * <p>Tuples are the original direction (as the first packet was seen) and the reply direction (as replies are
 * expected, i.e. with NAT applied). Addresses are IPv4 ints; ports are 0 for protocols without ports.
 */
public interface ConntrackView {
  /** One of {@link CtState#NEW}, {@link CtState#ESTABLISHED}, {@link CtState#RELATED} for this packet. */
  int state();

  /** {@link CtState#SNAT} and/or {@link CtState#DNAT} when the connection is NATed, else 0. */
  int natState();

  /** The {@code IPS_*} status bits ({@link CtState#STATUS_ASSURED}, ...). */
  int status();

  /** Whether this packet travels in the reply direction. */
  boolean isReply();

  int protocol();

  int origSrc();

  int origDst();

  int origSrcPort();

  int origDstPort();

  int replySrc();

  int replyDst();

  int replySrcPort();

  int replyDstPort();

  /** Seconds until the entry expires. */
  long expiresInSeconds();

  /** The connection mark ({@code ct mark}). */
  int mark();

  void setMark(int mark);
}
