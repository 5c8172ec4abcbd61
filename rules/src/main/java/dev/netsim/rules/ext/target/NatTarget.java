package dev.netsim.rules.ext.target;

import dev.netsim.rules.ext.Target;

/**
 * A target that sets up network address translation for a new connection. The evaluator returns
 * {@link dev.netsim.rules.eval.Verdict#NAT} when one decides; the engine reads what to do from here.
 */
public interface NatTarget extends Target {
  /** The kinds of translation. */
  enum Kind {
    /** Rewrite the destination to {@link #range()} (PREROUTING, OUTPUT). */
    DNAT,
    /** Rewrite the source to {@link #range()} (POSTROUTING, INPUT). */
    SNAT,
    /** Rewrite the source to the outgoing interface's primary address, ports from {@link #range()} if given. */
    MASQUERADE,
    /** Rewrite the destination to the incoming interface's primary address (127.0.0.1 for local packets). */
    REDIRECT,
    /** Map the address 1:1 into {@link #range()}'s network (source in POSTROUTING/INPUT, else destination). */
    NETMAP
  }

  Kind kind();

  /** Addresses and ports to map to; {@link NatRange#hasAddresses()} false when the kind implies them. */
  NatRange range();

  /** {@code --random}: randomise the source port choice. */
  boolean random();

  /** {@code --random-fully}. */
  boolean randomFully();

  /** {@code --persistent}: same mapping for a client across connections. */
  boolean persistent();
}
