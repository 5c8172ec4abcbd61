package dev.netsim.core.time;

/**
 * The simulation's only clock, in nanoseconds since the simulated boot. Nothing in netsim reads the wall
 * clock: {@code sleep} in a script, ping intervals and timeouts advance this one, and every timer (neighbour
 * states, FDB ageing, conntrack timeouts) is measured against it, so runs are repeatable.
 */
public final class VirtualClock {
  private long nanos;

  public long nanos() {
    return nanos;
  }

  /** Moves time forward; time never goes back. */
  public void advance(long deltaNanos) {
    if (deltaNanos < 0) {
      throw new IllegalArgumentException("time cannot go back: " + deltaNanos);
    }
    nanos += deltaNanos;
  }

  /** Moves time forward to {@code atNanos} if that is later than now. */
  public void advanceTo(long atNanos) {
    if (atNanos > nanos) {
      nanos = atNanos;
    }
  }

  public long seconds() {
    return nanos / 1_000_000_000L;
  }
}
