package dev.netsim.sim.api;

/**
 * A setup step the simulated machine refused — a command that failed, rules {@code iptables-restore} rejected,
 * a script that does not parse — with the real tool's own message. A packet's fate is never an exception: it
 * is a {@link ProbeResult}.
 */
public final class NetsimException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception whose message is {@code message}, usually the refusing tool's words. */
  public NetsimException(String message) {
    super(message);
  }
}
