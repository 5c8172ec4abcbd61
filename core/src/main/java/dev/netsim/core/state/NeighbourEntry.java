package dev.netsim.core.state;

import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Mac;

/**
 * One neighbour cache entry. Only its {@link NeighbourTable} changes it; readers see its current state.
 */
public final class NeighbourEntry {
  final int ifindex;
  final int address;
  final long created;
  Mac mac;
  NeighbourState state;
  long updated;
  long confirmed;
  long used;
  int probes;
  /** When the entry's timer fires, or -1 when it has none. */
  long timer = -1;

  NeighbourEntry(int ifindex, int address, long created, long reachableNanos) {
    this.ifindex = ifindex;
    this.address = address;
    this.created = created;
    this.updated = created;
    this.used = created;
    // the kernel backdates a new entry's confirmation by twice the base reachable time
    this.confirmed = created - 2 * reachableNanos;
  }

  /** The device the neighbour is reached through. */
  public int ifindex() {
    return ifindex;
  }

  /** The neighbour's IPv4 address. */
  public Ipv4 address() {
    return Ipv4.of(address);
  }

  /** The link-layer address, or null while unresolved. */
  public Mac mac() {
    return mac;
  }

  public NeighbourState state() {
    return state;
  }

  /** When the state last changed (virtual nanoseconds). */
  public long updated() {
    return updated;
  }

  /** When the neighbour last proved reachable. */
  public long confirmed() {
    return confirmed;
  }

  /** When a packet last used the entry. */
  public long used() {
    return used;
  }

  /** ARP requests sent for the current resolution (as {@code ip -s neigh} counts them). */
  public int probes() {
    return probes;
  }

  @Override
  public String toString() {
    return address() + " dev#" + ifindex + (mac == null ? "" : " lladdr " + mac) + " " + state;
  }
}
