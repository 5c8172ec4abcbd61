package dev.netsim.sim.conntrack;

/** conntrack's view of a TCP connection, as {@code conntrack -L} names it. */
public enum TcpState {
  NONE,
  SYN_SENT,
  SYN_RECV,
  ESTABLISHED,
  FIN_WAIT,
  CLOSE_WAIT,
  LAST_ACK,
  TIME_WAIT,
  CLOSE,
  SYN_SENT2
}
