package dev.netsim.core.topo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * One routing table of a namespace, immutable, in the order {@code ip route show} lists it (by destination
 * address, longer prefixes first for the same address, then by metric, then oldest first).
 *
 * <p>Lookups go through a longest-prefix-match index built on first use: one open-addressing hash per
 * prefix length that occurs, probed from the longest down. A lookup allocates nothing.
 */
public final class RouteTable {
  static final RouteTable EMPTY = new RouteTable(List.of());

  /** Dump order: destination address (unsigned), longer prefix first, lower metric first; stable otherwise. */
  static final Comparator<Route> DUMP_ORDER = Comparator
      .comparingLong((Route r) -> Integer.toUnsignedLong(r.destination().address()))
      .thenComparing(Comparator.comparingInt(Route::prefixLength).reversed())
      .thenComparing((a, b) -> Integer.compareUnsigned(a.metric(), b.metric()));

  private final List<Route> routes;
  private volatile Index index;

  private RouteTable(List<Route> routes) {
    this.routes = routes;
  }

  /** A table holding {@code routes}, which must already be in dump order. */
  static RouteTable ofSorted(List<Route> routes) {
    return routes.isEmpty() ? EMPTY : new RouteTable(Collections.unmodifiableList(new ArrayList<>(routes)));
  }

  /** The routes in dump order. */
  public List<Route> routes() {
    return routes;
  }

  public boolean isEmpty() {
    return routes.isEmpty();
  }

  /**
   * The route the kernel's {@code fib_table_lookup} picks for {@code destination}: the longest matching prefix
   * whose first alias (in metric order) has a scope at least {@code minScope} and, when {@code oif} is not 0,
   * goes out through device {@code oif}; shorter prefixes are tried when no alias of a prefix qualifies.
   * Reject routes (blackhole, unreachable, prohibit, throw) are returned like any other. Null when none
   * matches.
   */
  public Route lookup(int destination, int oif, Scope minScope) {
    Index current = index;
    if (current == null) {
      current = new Index(routes);
      index = current;
    }
    return current.lookup(destination, oif, minScope.value());
  }

  /** The longest-prefix-match index: per prefix length, an open-addressing table network -> aliases. */
  private static final class Index {
    private final int[] lengths;
    private final int[][] keys;
    private final Route[][][] values;

    Index(List<Route> routes) {
      boolean[] present = new boolean[33];
      for (Route route : routes) {
        present[route.prefixLength()] = true;
      }
      int count = 0;
      for (boolean p : present) {
        count += p ? 1 : 0;
      }
      lengths = new int[count];
      keys = new int[count][];
      values = new Route[count][][];
      int slot = 0;
      for (int length = 32; length >= 0; length--) {
        if (!present[length]) {
          continue;
        }
        lengths[slot] = length;
        List<List<Route>> groups = new ArrayList<>();
        List<Integer> networks = new ArrayList<>();
        for (Route route : routes) {
          if (route.prefixLength() != length) {
            continue;
          }
          int network = route.destination().address();
          int at = networks.indexOf(network);
          if (at < 0) {
            networks.add(network);
            groups.add(new ArrayList<>());
            at = networks.size() - 1;
          }
          groups.get(at).add(route);
        }
        int capacity = Integer.highestOneBit(Math.max(2, networks.size() * 2 - 1)) * 2;
        int[] tableKeys = new int[capacity];
        Route[][] tableValues = new Route[capacity][];
        for (int i = 0; i < networks.size(); i++) {
          int position = hash(networks.get(i)) & (capacity - 1);
          while (tableValues[position] != null) {
            position = (position + 1) & (capacity - 1);
          }
          tableKeys[position] = networks.get(i);
          tableValues[position] = groups.get(i).toArray(new Route[0]);
        }
        keys[slot] = tableKeys;
        values[slot] = tableValues;
        slot++;
      }
    }

    Route lookup(int destination, int oif, int minScope) {
      for (int slot = 0; slot < lengths.length; slot++) {
        int length = lengths[slot];
        int network = length == 0 ? 0 : destination & (-1 << (32 - length));
        int[] tableKeys = keys[slot];
        Route[][] tableValues = values[slot];
        int mask = tableKeys.length - 1;
        int position = hash(network) & mask;
        while (tableValues[position] != null) {
          if (tableKeys[position] == network) {
            for (Route route : tableValues[position]) {
              if (route.scope().value() >= minScope && (oif == 0 || route.device() == oif)) {
                return route;
              }
            }
            break;
          }
          position = (position + 1) & mask;
        }
      }
      return null;
    }

    private static int hash(int key) {
      int h = key * 0x9E3779B1;
      return h ^ (h >>> 16);
    }
  }

  @Override
  public String toString() {
    return Arrays.toString(routes.toArray());
  }
}
