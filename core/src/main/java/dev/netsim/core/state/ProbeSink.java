package dev.netsim.core.state;

/**
 * Where a {@link NeighbourTable} sends the ARP requests its timers call for, and reports resolutions that
 * failed. The packet engine implements it: a probe that gets an answer comes back as
 * {@link NeighbourTable#confirm}. Calls happen inside {@link NeighbourTable#advance}.
 */
public interface ProbeSink {
  /** Probes nobody answers: what a table does before an engine is attached. */
  ProbeSink UNANSWERED = new ProbeSink() {
    @Override
    public void probe(NeighbourEntry entry, boolean unicast) {}
  };

  /**
   * Sends an ARP request for {@code entry.address()} on {@code entry.ifindex()}: broadcast while INCOMPLETE,
   * unicast to {@code entry.mac()} while PROBE.
   */
  void probe(NeighbourEntry entry, boolean unicast);

  /** The entry just became FAILED: packets waiting for it are lost ("Destination Host Unreachable"). */
  default void failed(NeighbourEntry entry) {}
}
