package dev.netsim.core.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A hash map from primitive {@code long} keys to values, with open addressing and backward-shift deletion,
 * so the per-packet lookups of neighbour and FDB tables neither box keys nor allocate.
 */
final class LongKeyMap<V> {
  private long[] keys = new long[16];
  private Object[] values = new Object[16];
  private int size;

  int size() {
    return size;
  }

  @SuppressWarnings("unchecked")
  V get(long key) {
    int mask = keys.length - 1;
    for (int i = slot(key, mask); values[i] != null; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return (V) values[i];
      }
    }
    return null;
  }

  void put(long key, V value) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (values[i] != null) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
  }

  /** Removes {@code key}; returns whether it was there. */
  boolean remove(long key) {
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (values[i] != null && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (values[i] == null) {
      return false;
    }
    // shift later members of the probe chain back so lookups never meet a hole too early
    int hole = i;
    for (int j = (i + 1) & mask; values[j] != null; j = (j + 1) & mask) {
      int home = slot(keys[j], mask);
      boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
      if (movable) {
        keys[hole] = keys[j];
        values[hole] = values[j];
        hole = j;
      }
    }
    values[hole] = null;
    size--;
    return true;
  }

  /** The keys, in no particular order. */
  long[] keys() {
    long[] result = new long[size];
    int n = 0;
    for (int i = 0; i < keys.length; i++) {
      if (values[i] != null) {
        result[n++] = keys[i];
      }
    }
    return result;
  }

  void clear() {
    Arrays.fill(values, null);
    size = 0;
  }

  @SuppressWarnings("unchecked")
  List<V> values() {
    List<V> result = new ArrayList<>(size);
    for (Object value : values) {
      if (value != null) {
        result.add((V) value);
      }
    }
    return result;
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new Object[oldValues.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldValues[i] != null) {
        @SuppressWarnings("unchecked")
        V value = (V) oldValues[i];
        put(oldKeys[i], value);
      }
    }
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
