package dev.netsim.rules.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The rules of a chain: an immutable list whose "changed copies" ({@link #inserted}, {@link #removed},
 * {@link #replaced}, {@link #appendedAll}) share almost all of their structure with the original, so that
 * one {@code iptables -A} or {@code -D} on a chain of 50,000 rules copies a few hundred references, not
 * 50,000. Rules are kept in chunks of at most {@link #MAX_CHUNK}; {@code get} is a binary search over the
 * chunks (a few steps), iteration walks the chunks directly.
 */
public final class RuleList extends AbstractList<Rule> implements RandomAccess {
  /** Chunks are built this full and split when they reach {@link #MAX_CHUNK}. */
  static final int CHUNK = 256;
  static final int MAX_CHUNK = 2 * CHUNK;
  public static final RuleList EMPTY = new RuleList(new Rule[0][], new int[0]);

  private final Rule[][] chunks;
  /** ends[k]: the index just past chunk k. */
  private final int[] ends;

  private RuleList(Rule[][] chunks, int[] ends) {
    this.chunks = chunks;
    this.ends = ends;
  }

  /** The rules of {@code rules}, in order (the list itself when it already is a RuleList). */
  public static RuleList of(Collection<Rule> rules) {
    if (rules instanceof RuleList list) {
      return list;
    }
    return EMPTY.appendedAll(rules);
  }

  @Override
  public int size() {
    return ends.length == 0 ? 0 : ends[ends.length - 1];
  }

  /** The chunk holding {@code index}. */
  private int chunkOf(int index) {
    int low = 0;
    int high = ends.length - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (ends[middle] > index) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }

  private int start(int chunk) {
    return chunk == 0 ? 0 : ends[chunk - 1];
  }

  @Override
  public Rule get(int index) {
    Objects.checkIndex(index, size());
    int chunk = chunkOf(index);
    return chunks[chunk][index - start(chunk)];
  }

  @Override
  public Iterator<Rule> iterator() {
    return new Iterator<>() {
      private int chunk;
      private int offset;

      @Override
      public boolean hasNext() {
        while (chunk < chunks.length && offset == chunks[chunk].length) {
          chunk++;
          offset = 0;
        }
        return chunk < chunks.length;
      }

      @Override
      public Rule next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return chunks[chunk][offset++];
      }
    };
  }

  /** This list with {@code rule} at {@code index} (0..size), the rules from there on moved up by one. */
  public RuleList inserted(int index, Rule rule) {
    Objects.requireNonNull(rule, "rule");
    Objects.checkIndex(index, size() + 1);
    if (chunks.length == 0) {
      return new RuleList(new Rule[][] {{rule}}, new int[] {1});
    }
    int chunk = index == size() ? chunks.length - 1 : chunkOf(index);
    Rule[] old = chunks[chunk];
    int at = index - start(chunk);
    Rule[] grown = new Rule[old.length + 1];
    System.arraycopy(old, 0, grown, 0, at);
    grown[at] = rule;
    System.arraycopy(old, at, grown, at + 1, old.length - at);
    if (grown.length < MAX_CHUNK) {
      return withChunk(chunk, grown);
    }
    Rule[] first = Arrays.copyOfRange(grown, 0, grown.length / 2);
    Rule[] second = Arrays.copyOfRange(grown, grown.length / 2, grown.length);
    Rule[][] newChunks = new Rule[chunks.length + 1][];
    System.arraycopy(chunks, 0, newChunks, 0, chunk);
    newChunks[chunk] = first;
    newChunks[chunk + 1] = second;
    System.arraycopy(chunks, chunk + 1, newChunks, chunk + 2, chunks.length - chunk - 1);
    return new RuleList(newChunks, endsOf(newChunks));
  }

  /** This list without the rule at {@code index}. */
  public RuleList removed(int index) {
    Objects.checkIndex(index, size());
    int chunk = chunkOf(index);
    Rule[] old = chunks[chunk];
    int at = index - start(chunk);
    if (old.length == 1) {
      Rule[][] newChunks = new Rule[chunks.length - 1][];
      System.arraycopy(chunks, 0, newChunks, 0, chunk);
      System.arraycopy(chunks, chunk + 1, newChunks, chunk, chunks.length - chunk - 1);
      return new RuleList(newChunks, endsOf(newChunks));
    }
    Rule[] shrunk = new Rule[old.length - 1];
    System.arraycopy(old, 0, shrunk, 0, at);
    System.arraycopy(old, at + 1, shrunk, at, old.length - at - 1);
    return withChunk(chunk, shrunk);
  }

  /** This list with the rule at {@code index} replaced by {@code rule}. */
  public RuleList replaced(int index, Rule rule) {
    Objects.requireNonNull(rule, "rule");
    Objects.checkIndex(index, size());
    int chunk = chunkOf(index);
    Rule[] copy = chunks[chunk].clone();
    copy[index - start(chunk)] = rule;
    Rule[][] newChunks = chunks.clone();
    newChunks[chunk] = copy;
    return new RuleList(newChunks, ends);
  }

  /** This list followed by {@code more}. */
  public RuleList appendedAll(Collection<Rule> more) {
    if (more.isEmpty()) {
      return this;
    }
    Rule[] added = more.toArray(new Rule[0]);
    for (Rule rule : added) {
      Objects.requireNonNull(rule, "rule");
    }
    int keep = chunks.length;
    int from = 0;
    Rule[] last = null;
    if (keep > 0 && chunks[keep - 1].length < CHUNK) {
      keep--;
      Rule[] old = chunks[keep];
      int take = Math.min(CHUNK - old.length, added.length);
      last = Arrays.copyOf(old, old.length + take);
      System.arraycopy(added, 0, last, old.length, take);
      from = take;
    }
    int fresh = (added.length - from + CHUNK - 1) / CHUNK;
    Rule[][] newChunks = Arrays.copyOf(chunks, keep + (last != null ? 1 : 0) + fresh);
    int next = keep;
    if (last != null) {
      newChunks[next++] = last;
    }
    for (int i = from; i < added.length; i += CHUNK) {
      newChunks[next++] = Arrays.copyOfRange(added, i, Math.min(i + CHUNK, added.length));
    }
    return new RuleList(newChunks, endsOf(newChunks));
  }

  private RuleList withChunk(int chunk, Rule[] replacement) {
    Rule[][] newChunks = chunks.clone();
    newChunks[chunk] = replacement;
    int delta = replacement.length - chunks[chunk].length;
    if (delta == 0) {
      return new RuleList(newChunks, ends);
    }
    int[] newEnds = ends.clone();
    for (int k = chunk; k < newEnds.length; k++) {
      newEnds[k] += delta;
    }
    return new RuleList(newChunks, newEnds);
  }

  private static int[] endsOf(Rule[][] chunks) {
    int[] ends = new int[chunks.length];
    int total = 0;
    for (int k = 0; k < chunks.length; k++) {
      total += chunks[k].length;
      ends[k] = total;
    }
    return ends;
  }

  /** A copy as a plain list (for callers that want to build a changed list themselves). */
  public List<Rule> toMutableList() {
    List<Rule> copy = new java.util.ArrayList<>(size());
    for (Rule[] chunk : chunks) {
      copy.addAll(Arrays.asList(chunk));
    }
    return copy;
  }
}
