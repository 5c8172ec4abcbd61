package dev.netsim.core.topo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The namespace ids one namespace gave others ({@code ip netns list} prints them as "(id: N)"), and which
 * namespaces gave it one, so that deleting a namespace withdraws its ids everywhere. Immutable.
 */
final class NamespaceIds {
  static final NamespaceIds NONE = new NamespaceIds(PersistentMap.empty(), new long[0], PersistentMap.empty());

  private final PersistentMap<String, Integer> ids;
  private final long[] used;
  private final PersistentMap<String, Boolean> heldBy;

  private NamespaceIds(PersistentMap<String, Integer> ids, long[] used, PersistentMap<String, Boolean> heldBy) {
    this.ids = ids;
    this.used = used;
    this.heldBy = heldBy;
  }

  /** The id given to namespace {@code peer}, or -1. */
  int idOf(String peer) {
    Integer id = ids.get(peer);
    return id == null ? -1 : id;
  }

  /** Gives {@code peer} the lowest free id (the kernel's idr_alloc from 0). */
  NamespaceIds assign(String peer) {
    int id = 0;
    while (id < used.length * 64 && (used[id >>> 6] & (1L << id)) != 0) {
      id++;
    }
    long[] bits = Arrays.copyOf(used, Math.max(used.length, (id >>> 6) + 1));
    bits[id >>> 6] |= 1L << id;
    return new NamespaceIds(ids.put(peer, id), bits, heldBy);
  }

  /** Withdraws the id given to {@code peer} (it was deleted). */
  NamespaceIds withdraw(String peer) {
    Integer id = ids.get(peer);
    if (id == null) {
      return this;
    }
    long[] bits = used.clone();
    bits[id >>> 6] &= ~(1L << id);
    return new NamespaceIds(ids.remove(peer), bits, heldBy);
  }

  /** Records that {@code holder} gave this namespace an id. */
  NamespaceIds heldBy(String holder) {
    return new NamespaceIds(ids, used, heldBy.put(holder, Boolean.TRUE));
  }

  NamespaceIds notHeldBy(String holder) {
    return heldBy.get(holder) == null ? this : new NamespaceIds(ids, used, heldBy.remove(holder));
  }

  /** The namespaces that gave this one an id. */
  Iterable<String> holders() {
    List<String> names = new ArrayList<>();
    heldBy.forEach((name, unused) -> names.add(name));
    return names;
  }

  /** The namespaces this one gave an id. */
  Iterable<String> peers() {
    List<String> names = new ArrayList<>();
    ids.forEach((name, unused) -> names.add(name));
    return names;
  }
}
