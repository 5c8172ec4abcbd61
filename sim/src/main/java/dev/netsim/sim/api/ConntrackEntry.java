package dev.netsim.sim.api;

/**
 * One connection tracking entry after a probe.
 *
 * @param netns the namespace whose table holds it ({@link Netsim#HOST} for the host)
 * @param entry the line {@code conntrack -L} prints for it
 */
public record ConntrackEntry(String netns, String entry) {
  @Override
  public String toString() {
    return "[" + (netns.isEmpty() ? "host" : netns) + "] " + entry;
  }
}
