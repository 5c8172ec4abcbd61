package dev.netsim.sim.conntrack;

/** Which way a packet travels relative to the packet that opened its connection. */
public enum Direction {
  ORIGINAL,
  REPLY;

  public Direction opposite() {
    return this == ORIGINAL ? REPLY : ORIGINAL;
  }
}
