package dev.netsim.core.state;

/**
 * A device's neighbour settings ({@code net.ipv4.neigh.DEV.*}), in nanoseconds where they are times.
 *
 * @param reachableNanos how long a confirmation keeps an entry REACHABLE. The kernel draws it at random between
 *     half and one and a half times {@code base_reachable_time_ms}; netsim uses the base value itself so runs
 *     repeat
 * @param delayFirstProbeNanos {@code delay_first_probe_time}: how long DELAY waits before probing
 * @param retransNanos {@code retrans_time_ms}: the interval between ARP requests
 * @param unicastProbes {@code ucast_solicit}
 * @param multicastProbes {@code mcast_solicit}: broadcast requests before an unresolved entry fails
 * @param applicationProbes {@code app_solicit}
 * @param multicastReprobes {@code mcast_resolicit}
 * @param gcStaleNanos {@code gc_stale_time}
 */
public record NeighbourParams(
    long reachableNanos,
    long delayFirstProbeNanos,
    long retransNanos,
    int unicastProbes,
    int multicastProbes,
    int applicationProbes,
    int multicastReprobes,
    long gcStaleNanos) {
  /** Linux's defaults: 30 s, 5 s, 1 s, 3 unicast and 3 broadcast probes, 60 s. */
  public static final NeighbourParams DEFAULTS =
      new NeighbourParams(30_000_000_000L, 5_000_000_000L, 1_000_000_000L, 3, 3, 0, 0, 60_000_000_000L);

  /** The kernel's {@code neigh_max_probes} for an entry in {@code state}. */
  int maxProbes(NeighbourState state) {
    return unicastProbes + applicationProbes + (state == NeighbourState.PROBE ? multicastReprobes : multicastProbes);
  }
}
