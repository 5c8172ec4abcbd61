package dev.netsim.core.state;

import dev.netsim.core.topo.Link;
import dev.netsim.core.topo.Namespace;
import dev.netsim.core.value.Mac;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The forwarding database of one bridge: stations learned from the source address of frames arriving on a
 * port, aged out {@code ageing_time} after they were last seen (300 s by default). The bridge's own and its
 * ports' addresses ("local", "permanent" entries) follow the topology and are set with {@link #setLocal}.
 *
 * <p>Mutable. {@link #forward} and {@link #learn} allocate nothing unless they learn a new station.
 */
public final class BridgeFdb {
  /** {@link #forward}'s answer for an unknown destination: flood to every other forwarding port. */
  public static final int FLOOD = -1;
  /** {@link #forward}'s answer for the bridge's own addresses: deliver to the bridge's IP stack. */
  public static final int LOCAL = 0;

  private static final class Station {
    final long created;
    int port;
    long updated;
    long used;

    Station(int port, long now) {
      this.created = now;
      this.port = port;
      this.updated = now;
      this.used = now;
    }
  }

  private final LongKeyMap<Station> stations = new LongKeyMap<>();
  private final LongKeyMap<Integer> local = new LongKeyMap<>();
  private long ageingNanos = 300_000_000_000L;

  /** How long a station lives without frames from it ({@code ageing_time}). */
  public void setAgeingTime(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("negative ageing time: " + nanos);
    }
    this.ageingNanos = nanos;
  }

  /**
   * The bridge's local ("permanent") addresses in {@code ns}: each port's MAC owned by that port, and the
   * bridge's own MAC owned by the bridge unless a port has the same one (the kernel keeps one entry, the
   * port's). An all-zero bridge MAC has no entry. In port order, then the bridge.
   */
  public static Map<Mac, Integer> localAddresses(Namespace ns, Link bridge) {
    Map<Mac, Integer> owners = new LinkedHashMap<>();
    for (Link port : ns.portsOf(bridge.index())) {
      owners.putIfAbsent(port.mac(), port.index());
    }
    if (!bridge.mac().equals(Mac.ZERO)) {
      owners.putIfAbsent(bridge.mac(), bridge.index());
    }
    return owners;
  }

  /** The local addresses (MAC to owning ifindex: a port or the bridge itself), from the topology. */
  public void setLocal(Map<Mac, Integer> owners) {
    local.clear();
    owners.forEach((mac, owner) -> local.put(mac.bits(), Objects.requireNonNull(owner)));
  }

  /**
   * A frame from {@code source} arrived on {@code port} at {@code now} ({@code br_fdb_update}): the station is
   * learned or refreshed, and moves if it appears on another port. Group addresses and the bridge's own are not
   * learned.
   */
  public void learn(int port, Mac source, long now) {
    long key = source.bits();
    if (source.isMulticast() || key == 0 || local.get(key) != null) {
      return;
    }
    Station station = stations.get(key);
    if (station == null || now - station.updated > ageingNanos) {
      stations.put(key, new Station(port, now));
      return;
    }
    station.port = port;
    station.updated = now;
  }

  /**
   * Where a frame to {@code destination} goes at {@code now}: {@link #LOCAL} for the bridge's own addresses, the
   * learned port's ifindex for a known station, else {@link #FLOOD} (unknown, aged out, broadcast, multicast).
   */
  public int forward(Mac destination, long now) {
    long key = destination.bits();
    if (destination.isMulticast()) {
      return FLOOD;
    }
    if (local.get(key) != null) {
      return LOCAL;
    }
    Station station = stations.get(key);
    if (station == null || now - station.updated > ageingNanos) {
      return FLOOD;
    }
    station.used = now;
    return station.port;
  }

  /** Drops stations not heard from for longer than the ageing time. */
  public void expire(long now) {
    for (FdbEntry entry : snapshot()) {
      if (now - entry.updated() > ageingNanos) {
        stations.remove(entry.mac().bits());
      }
    }
  }

  /** Forgets the stations learned on {@code port} (it left the bridge or stopped forwarding). */
  public void forgetPort(int port) {
    for (FdbEntry entry : snapshot()) {
      if (entry.port() == port) {
        stations.remove(entry.mac().bits());
      }
    }
  }

  /** The learned stations alive at {@code now}, newest first, as {@code bridge fdb show} lists them per port. */
  public List<FdbEntry> learned(long now) {
    expire(now);
    List<FdbEntry> entries = snapshot();
    entries.sort(Comparator.comparingLong(FdbEntry::created).reversed());
    return entries;
  }

  private List<FdbEntry> snapshot() {
    List<FdbEntry> entries = new ArrayList<>();
    for (long key : stations.keys()) {
      Station station = stations.get(key);
      entries.add(new FdbEntry(new Mac(key), station.port, station.created, station.updated, station.used));
    }
    return entries;
  }
}
