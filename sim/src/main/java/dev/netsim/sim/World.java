package dev.netsim.sim;

import dev.netsim.core.time.VirtualClock;

/**
 * The simulated machine: every network namespace with its interfaces, addresses, routes and sysctls (the
 * current {@code Topology} snapshot), the virtual clock, and the mutable state packets leave behind
 * (neighbour caches, bridge FDBs, iptables rule sets and counters, conntrack, sockets).
 *
 * <p>Commands replace the topology snapshot whole, so a command that fails leaves it untouched.
 */
public final class World {
  private final VirtualClock clock = new VirtualClock();

  public VirtualClock clock() {
    return clock;
  }
}
