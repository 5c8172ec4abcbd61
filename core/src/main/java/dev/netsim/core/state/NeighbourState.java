package dev.netsim.core.state;

/** The states of a neighbour (ARP) cache entry, as {@code ip neigh} prints them ({@code NUD_*}). */
public enum NeighbourState {
  /** Resolution in progress: ARP requests are being broadcast, packets wait. */
  INCOMPLETE,
  /** The address was confirmed within the reachable time. */
  REACHABLE,
  /** Known address, not confirmed lately; the next use starts a check (DELAY). */
  STALE,
  /** Used while STALE: waiting {@code delay_first_probe_time} for a confirmation before probing. */
  DELAY,
  /** Sending unicast ARP probes to the known address. */
  PROBE,
  /** Resolution failed; packets to it are lost until the next attempt. */
  FAILED,
  /** Needs no resolution (e.g. loopback). */
  NOARP,
  /** Added by hand ({@code ip neigh add}); never expires. */
  PERMANENT;

  /** Whether the entry holds a usable link-layer address ({@code NUD_VALID}). */
  public boolean hasAddress() {
    return this != INCOMPLETE && this != FAILED;
  }

  /** Whether {@code ip neigh flush} leaves the entry alone. */
  public boolean isStatic() {
    return this == PERMANENT || this == NOARP;
  }
}
