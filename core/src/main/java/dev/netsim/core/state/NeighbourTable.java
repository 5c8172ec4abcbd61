package dev.netsim.core.state;

import dev.netsim.core.topo.Errno;
import dev.netsim.core.topo.KernelException;
import dev.netsim.core.value.Mac;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * The IPv4 neighbour (ARP) cache of one namespace, driven by the virtual clock with the kernel's state machine
 * ({@code net/core/neighbour.c}): INCOMPLETE while resolving (a broadcast request each {@code retrans_time}, FAILED
 * after {@code mcast_solicit} of them), REACHABLE for the reachable time after a confirmation, then STALE; a STALE
 * entry that is used goes to DELAY, and after {@code delay_first_probe_time} without confirmation to PROBE
 * (unicast requests), then back to REACHABLE when answered or to FAILED.
 *
 * <p>Mutable. Every method that takes {@code now} first runs the timers due by then. Lookups and
 * {@link #resolve} allocate nothing unless they create an entry or start a timer.
 */
public final class NeighbourTable {
  /** What {@link #resolve} tells the sender. */
  public enum Resolution {
    /** The link-layer address is known: send now to {@link NeighbourTable#lookup}'s MAC. */
    READY,
    /** Resolution just started (the entry is INCOMPLETE): the caller broadcasts the ARP request; the packet waits. */
    SOLICIT,
    /** Resolution is already in progress: the packet waits. */
    QUEUED
  }

  /** The kernel garbage-collects only when the table holds at least this many entries ({@code gc_thresh1}). */
  static final int GC_THRESHOLD = 128;

  private final LongKeyMap<NeighbourEntry> entries = new LongKeyMap<>();
  private final PriorityQueue<Timer> timers = new PriorityQueue<>(Comparator.comparingLong(Timer::at));
  private final IntFunction<NeighbourParams> params;
  private ProbeSink sink = ProbeSink.UNANSWERED;
  private long nextGc;
  private boolean advancing;

  /** A table whose per-device settings come from {@code params} (ifindex to settings). */
  public NeighbourTable(IntFunction<NeighbourParams> params) {
    this.params = Objects.requireNonNull(params);
  }

  /** Where timer-driven ARP requests go; by default nobody answers them. */
  public void setProbeSink(ProbeSink sink) {
    this.sink = Objects.requireNonNull(sink);
  }

  private record Timer(long at, NeighbourEntry entry) {}

  private static long key(int ifindex, int address) {
    return (long) ifindex << 32 | (address & 0xffff_ffffL);
  }

  /** The entry for {@code address} on device {@code ifindex}, or null. Changes nothing. */
  public NeighbourEntry lookup(int ifindex, int address) {
    return entries.get(key(ifindex, address));
  }

  /**
   * A packet is about to leave through {@code ifindex} for next hop {@code address} (the kernel's
   * {@code neigh_event_send}): a missing or FAILED entry starts resolution (SOLICIT), an INCOMPLETE one keeps
   * waiting (QUEUED), a STALE one goes to DELAY, and the rest are READY. Marks the entry used.
   */
  public Resolution resolve(int ifindex, int address, long now) {
    advance(now);
    NeighbourEntry entry = entries.get(key(ifindex, address));
    if (entry == null) {
      create(ifindex, address, now).used = now;
      return Resolution.SOLICIT;
    }
    entry.used = now;
    switch (entry.state) {
      case INCOMPLETE:
        return Resolution.QUEUED;
      case FAILED:
        startResolution(entry, now);
        return Resolution.SOLICIT;
      case STALE:
        entry.state = NeighbourState.DELAY;
        entry.updated = now;
        schedule(entry, now + params(entry).delayFirstProbeNanos());
        return Resolution.READY;
      default:
        return Resolution.READY;
    }
  }

  private NeighbourEntry create(int ifindex, int address, long now) {
    NeighbourEntry entry = new NeighbourEntry(ifindex, address, now, params.apply(ifindex).reachableNanos());
    entry.state = NeighbourState.FAILED;
    entries.put(key(ifindex, address), entry);
    startResolution(entry, now);
    return entry;
  }

  private void startResolution(NeighbourEntry entry, long now) {
    NeighbourParams p = params(entry);
    entry.state = NeighbourState.INCOMPLETE;
    entry.updated = now;
    entry.probes = p.unicastProbes() + 1;
    schedule(entry, now + p.retransNanos());
  }

  /**
   * A reply from {@code address} with {@code mac} arrived on {@code ifindex} (an ARP reply to us): the entry, if
   * there is one, becomes REACHABLE. Unsolicited replies create nothing, as the kernel's default
   * {@code arp_accept=0}. Returns whether an entry was updated.
   */
  public boolean confirm(int ifindex, int address, Mac mac, long now) {
    advance(now);
    NeighbourEntry entry = entries.get(key(ifindex, address));
    if (entry == null || entry.state.isStatic()) {
      return false;
    }
    if (entry.state != NeighbourState.REACHABLE || !mac.equals(entry.mac)) {
      entry.updated = now;
    }
    entry.mac = mac;
    entry.state = NeighbourState.REACHABLE;
    entry.confirmed = now;
    schedule(entry, now + params(entry).reachableNanos());
    return true;
  }

  /**
   * An ARP request from {@code address}/{@code mac} for one of our addresses arrived on {@code ifindex} (the
   * kernel's {@code neigh_event_ns}): creates the entry STALE, or makes an unresolved or differently addressed
   * one STALE with this MAC; a valid entry with the same MAC keeps its state.
   */
  public void learnFromRequest(int ifindex, int address, Mac mac, long now) {
    advance(now);
    NeighbourEntry entry = entries.get(key(ifindex, address));
    if (entry == null) {
      entry = new NeighbourEntry(ifindex, address, now, params.apply(ifindex).reachableNanos());
      entries.put(key(ifindex, address), entry);
    } else if (entry.state.isStatic() || (entry.state.hasAddress() && mac.equals(entry.mac))) {
      return;
    }
    entry.mac = mac;
    entry.state = NeighbourState.STALE;
    entry.updated = now;
    entry.timer = -1;
  }

  /**
   * {@code ip neigh add|replace|change ADDRESS lladdr MAC dev DEV [nud STATE]} (default PERMANENT). EEXIST when
   * adding over an existing entry; ENOENT when changing a missing one.
   */
  public void set(int ifindex, int address, Mac mac, NeighbourState state, boolean create, boolean replace,
      long now) {
    advance(now);
    NeighbourEntry entry = entries.get(key(ifindex, address));
    if (entry != null && !replace) {
      throw new KernelException(Errno.EEXIST);
    }
    if (entry == null && !create) {
      throw new KernelException(Errno.ENOENT);
    }
    if (entry == null) {
      entry = new NeighbourEntry(ifindex, address, now, params.apply(ifindex).reachableNanos());
      entries.put(key(ifindex, address), entry);
    }
    entry.mac = mac;
    entry.state = state;
    entry.updated = now;
    entry.timer = -1;
    switch (state) {
      case REACHABLE -> {
        entry.confirmed = now;
        schedule(entry, now + params(entry).reachableNanos());
      }
      case DELAY -> schedule(entry, now + params(entry).delayFirstProbeNanos());
      case INCOMPLETE, PROBE -> schedule(entry, now + params(entry).retransNanos());
      default -> { }
    }
  }

  /** {@code ip neigh del}: ENOENT when there is no such entry. */
  public void delete(int ifindex, int address) {
    if (!entries.remove(key(ifindex, address))) {
      throw new KernelException(Errno.ENOENT);
    }
  }

  /** {@code ip neigh flush}: removes the non-static entries {@code which} accepts; returns how many. */
  public int flush(Predicate<NeighbourEntry> which) {
    int removed = 0;
    for (NeighbourEntry entry : entries.values()) {
      if (!entry.state.isStatic() && which.test(entry)) {
        entries.remove(key(entry.ifindex, entry.address));
        removed++;
      }
    }
    return removed;
  }

  /**
   * Forgets a device's entries: all of them when it went down or away ({@code neigh_ifdown}), only the dynamic
   * ones when it merely lost carrier ({@code arp_evict_nocarrier}).
   */
  public void forgetDevice(int ifindex, boolean includeStatic) {
    for (NeighbourEntry entry : entries.values()) {
      if (entry.ifindex == ifindex && (includeStatic || !entry.state.isStatic())) {
        entries.remove(key(entry.ifindex, entry.address));
      }
    }
  }

  /** Every entry, newest first (the kernel lists its hash order, which differs from boot to boot). */
  public List<NeighbourEntry> entries() {
    List<NeighbourEntry> all = entries.values();
    all.sort(Comparator.comparingLong((NeighbourEntry e) -> e.created).reversed()
        .thenComparingInt(e -> e.ifindex).thenComparingInt(e -> e.address));
    return all;
  }

  public int size() {
    return entries.size();
  }

  /** Runs every timer due by {@code now}, in time order, each at its own time. */
  public void advance(long now) {
    if (advancing) {
      return;
    }
    advancing = true;
    try {
      while (!timers.isEmpty() && timers.peek().at() <= now) {
        Timer timer = timers.poll();
        NeighbourEntry entry = timer.entry();
        if (entry.timer != timer.at() || entries.get(key(entry.ifindex, entry.address)) != entry) {
          continue;
        }
        entry.timer = -1;
        fire(entry, timer.at());
      }
      if (now >= nextGc) {
        collectGarbage(now);
        nextGc = now + NeighbourParams.DEFAULTS.reachableNanos() / 2;
      }
    } finally {
      advancing = false;
    }
  }

  /** The kernel's {@code neigh_timer_handler} for one entry at time {@code at}. */
  private void fire(NeighbourEntry entry, long at) {
    NeighbourParams p = params(entry);
    switch (entry.state) {
      case REACHABLE -> {
        if (at < entry.confirmed + p.reachableNanos()) {
          schedule(entry, entry.confirmed + p.reachableNanos());
        } else if (at <= entry.used + p.delayFirstProbeNanos()) {
          entry.state = NeighbourState.DELAY;
          entry.updated = at;
          schedule(entry, at + p.delayFirstProbeNanos());
        } else {
          entry.state = NeighbourState.STALE;
          entry.updated = at;
        }
      }
      case DELAY -> {
        if (at <= entry.confirmed + p.delayFirstProbeNanos()) {
          entry.state = NeighbourState.REACHABLE;
          entry.updated = at;
          schedule(entry, entry.confirmed + p.reachableNanos());
        } else {
          entry.state = NeighbourState.PROBE;
          entry.updated = at;
          entry.probes = 0;
          probe(entry, at, p);
        }
      }
      case INCOMPLETE, PROBE -> {
        if (entry.probes >= p.maxProbes(entry.state)) {
          entry.state = NeighbourState.FAILED;
          entry.updated = at;
          sink.failed(entry);
        } else {
          probe(entry, at, p);
        }
      }
      default -> { }
    }
  }

  private void probe(NeighbourEntry entry, long at, NeighbourParams p) {
    schedule(entry, at + p.retransNanos());
    entry.probes++;
    sink.probe(entry, entry.state == NeighbourState.PROBE);
  }

  /** The periodic collection, which only runs once the table is big ({@code gc_thresh1}). */
  private void collectGarbage(long now) {
    if (entries.size() < GC_THRESHOLD) {
      return;
    }
    for (NeighbourEntry entry : entries.values()) {
      if (!entry.state.isStatic() && entry.timer < 0
          && (entry.state == NeighbourState.FAILED || now - entry.used > params(entry).gcStaleNanos())) {
        entries.remove(key(entry.ifindex, entry.address));
      }
    }
  }

  private void schedule(NeighbourEntry entry, long at) {
    entry.timer = at;
    timers.add(new Timer(at, entry));
  }

  private NeighbourParams params(NeighbourEntry entry) {
    return params.apply(entry.ifindex);
  }
}
