package dev.netsim.core.topo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * An immutable hash map whose updates copy only the path to the changed entry (a hash array mapped trie), so
 * a topology of 10,000 namespaces changes one namespace in O(log n) instead of copying them all.
 */
final class PersistentMap<K, V> {
  private static final PersistentMap<Object, Object> EMPTY = new PersistentMap<>(null, 0);
  private static final int BITS = 5;
  private static final int MASK = (1 << BITS) - 1;
  private static final int MAX_SHIFT = 30;

  private final Object root;
  private final int size;

  private PersistentMap(Object root, int size) {
    this.root = root;
    this.size = size;
  }

  @SuppressWarnings("unchecked")
  static <K, V> PersistentMap<K, V> empty() {
    return (PersistentMap<K, V>) EMPTY;
  }

  int size() {
    return size;
  }

  /** The value for {@code key}, or null. */
  @SuppressWarnings("unchecked")
  V get(K key) {
    int hash = spread(key.hashCode());
    Object node = root;
    int shift = 0;
    while (node != null) {
      if (node instanceof Leaf<?, ?> leaf) {
        return leaf.key.equals(key) ? (V) leaf.value : null;
      }
      if (node instanceof Collision<?, ?> collision) {
        for (Leaf<?, ?> leaf : collision.leaves) {
          if (leaf.key.equals(key)) {
            return (V) leaf.value;
          }
        }
        return null;
      }
      Branch branch = (Branch) node;
      int bit = 1 << ((hash >>> shift) & MASK);
      if ((branch.bitmap & bit) == 0) {
        return null;
      }
      node = branch.children[Integer.bitCount(branch.bitmap & (bit - 1))];
      shift += BITS;
    }
    return null;
  }

  PersistentMap<K, V> put(K key, V value) {
    Objects.requireNonNull(key);
    Objects.requireNonNull(value);
    boolean[] added = new boolean[1];
    Object newRoot = put(root, new Leaf<>(key, value, spread(key.hashCode())), 0, added);
    return new PersistentMap<>(newRoot, added[0] ? size + 1 : size);
  }

  PersistentMap<K, V> remove(K key) {
    if (get(key) == null) {
      return this;
    }
    Object newRoot = remove(root, key, spread(key.hashCode()), 0);
    return new PersistentMap<>(newRoot, size - 1);
  }

  /** Visits every entry, in no particular order. */
  @SuppressWarnings("unchecked")
  void forEach(BiConsumer<? super K, ? super V> action) {
    visit(root, (BiConsumer<Object, Object>) action);
  }

  /** Whether some entry satisfies {@code test}; stops at the first that does. */
  @SuppressWarnings("unchecked")
  boolean anyMatch(BiPredicate<? super K, ? super V> test) {
    return anyMatch(root, (BiPredicate<Object, Object>) test);
  }

  private static boolean anyMatch(Object node, BiPredicate<Object, Object> test) {
    if (node == null) {
      return false;
    }
    if (node instanceof Leaf<?, ?> leaf) {
      return test.test(leaf.key, leaf.value);
    }
    if (node instanceof Collision<?, ?> collision) {
      for (Leaf<?, ?> leaf : collision.leaves) {
        if (test.test(leaf.key, leaf.value)) {
          return true;
        }
      }
      return false;
    }
    for (Object child : ((Branch) node).children) {
      if (anyMatch(child, test)) {
        return true;
      }
    }
    return false;
  }

  /** The values, in no particular order. */
  List<V> values() {
    List<V> values = new ArrayList<>(size);
    forEach((k, v) -> values.add(v));
    return values;
  }

  private static void visit(Object node, BiConsumer<Object, Object> action) {
    if (node == null) {
      return;
    }
    if (node instanceof Leaf<?, ?> leaf) {
      action.accept(leaf.key, leaf.value);
    } else if (node instanceof Collision<?, ?> collision) {
      for (Leaf<?, ?> leaf : collision.leaves) {
        action.accept(leaf.key, leaf.value);
      }
    } else {
      for (Object child : ((Branch) node).children) {
        visit(child, action);
      }
    }
  }

  private static Object put(Object node, Leaf<?, ?> leaf, int shift, boolean[] added) {
    if (node == null) {
      added[0] = true;
      return leaf;
    }
    if (node instanceof Leaf<?, ?> existing) {
      if (existing.key.equals(leaf.key)) {
        return leaf;
      }
      added[0] = true;
      return merge(existing, leaf, shift);
    }
    if (node instanceof Collision<?, ?> collision) {
      List<Leaf<?, ?>> leaves = new ArrayList<>(collision.leaves);
      boolean replaced = leaves.removeIf(l -> l.key.equals(leaf.key));
      added[0] = !replaced;
      leaves.add(leaf);
      return new Collision<>(collision.hash, leaves);
    }
    Branch branch = (Branch) node;
    int bit = 1 << ((leaf.hash >>> shift) & MASK);
    int at = Integer.bitCount(branch.bitmap & (bit - 1));
    if ((branch.bitmap & bit) == 0) {
      Object[] children = new Object[branch.children.length + 1];
      System.arraycopy(branch.children, 0, children, 0, at);
      children[at] = leaf;
      System.arraycopy(branch.children, at, children, at + 1, branch.children.length - at);
      added[0] = true;
      return new Branch(branch.bitmap | bit, children);
    }
    Object[] children = branch.children.clone();
    children[at] = put(children[at], leaf, shift + BITS, added);
    return new Branch(branch.bitmap, children);
  }

  private static Object merge(Leaf<?, ?> a, Leaf<?, ?> b, int shift) {
    if (a.hash == b.hash || shift > MAX_SHIFT) {
      return new Collision<>(a.hash, List.of(a, b));
    }
    int bitA = 1 << ((a.hash >>> shift) & MASK);
    int bitB = 1 << ((b.hash >>> shift) & MASK);
    if (bitA == bitB) {
      return new Branch(bitA, new Object[] {merge(a, b, shift + BITS)});
    }
    Object[] children = Integer.compareUnsigned(bitA, bitB) < 0 ? new Object[] {a, b} : new Object[] {b, a};
    return new Branch(bitA | bitB, children);
  }

  private static Object remove(Object node, Object key, int hash, int shift) {
    if (node instanceof Leaf<?, ?>) {
      return null;
    }
    if (node instanceof Collision<?, ?> collision) {
      List<Leaf<?, ?>> leaves = new ArrayList<>(collision.leaves);
      leaves.removeIf(l -> l.key.equals(key));
      return leaves.size() == 1 ? leaves.get(0) : new Collision<>(collision.hash, leaves);
    }
    Branch branch = (Branch) node;
    int bit = 1 << ((hash >>> shift) & MASK);
    int at = Integer.bitCount(branch.bitmap & (bit - 1));
    Object child = remove(branch.children[at], key, hash, shift + BITS);
    if (child != null) {
      Object[] children = branch.children.clone();
      children[at] = child;
      return new Branch(branch.bitmap, children);
    }
    if (branch.children.length == 1) {
      return null;
    }
    Object[] children = new Object[branch.children.length - 1];
    System.arraycopy(branch.children, 0, children, 0, at);
    System.arraycopy(branch.children, at + 1, children, at, children.length - at);
    if (children.length == 1 && !(children[0] instanceof Branch)) {
      return children[0];
    }
    return new Branch(branch.bitmap & ~bit, children);
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  private record Leaf<K, V>(K key, V value, int hash) {}

  private record Collision<K, V>(int hash, List<Leaf<?, ?>> leaves) {}

  private record Branch(int bitmap, Object[] children) {}
}
