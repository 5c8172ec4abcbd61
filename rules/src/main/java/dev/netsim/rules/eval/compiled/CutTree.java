package dev.netsim.rules.eval.compiled;

import java.util.Arrays;

/**
 * A decision structure over the header fields rules constrain (source, destination, source port, destination
 * port, protocol), in the spirit of HiCuts: a node cuts the part of one field its rules occupy (clustered
 * addresses such as kube-proxy's ClusterIPs occupy little of it) into up to 2^k equal pieces; a rule goes into
 * every piece its range overlaps, except that rules spanning that whole part go into a separate subtree (built
 * on the other fields) instead of being copied into every piece. A
 * lookup visits, at each node, the spanning subtree and the one piece holding the packet, and returns the leaves
 * it reaches: runs of increasing rule numbers, together a superset of the rules whose indexed fields match, each
 * rule in at most one of them (the caller merges the runs into rule order).
 *
 * <p>It only narrows: every candidate is still checked in full, in rule order, so first-match semantics stay
 * exact however the tree was cut.
 */
final class CutTree {
  static final int SOURCE = 0;
  static final int DESTINATION = 1;
  static final int SOURCE_PORT = 2;
  static final int DESTINATION_PORT = 3;
  static final int PROTOCOL = 4;
  static final int DIMENSIONS = 5;
  /** log2 of each field's full range. */
  private static final int[] WIDTH_BITS = {32, 32, 16, 16, 8};
  /** A node with at most this many rules is a leaf. */
  private static final int LEAF_SIZE = 8;
  /** At most this many bits are cut at one node (256 pieces). */
  private static final int MAX_CUT_BITS = 8;
  /** The rules a node stores in its pieces may be at most this many times its own. */
  private static final int SPACE_FACTOR = 2;

  /** Per node: the field cut, or -1 for a leaf. */
  private int[] dimension;
  /** Per internal node: where its first piece starts in the cut field. */
  private long[] low;
  /** Per internal node: log2 of one piece's width: piece = (value - low) >>> shift. */
  private int[] shift;
  /** Per internal node: how many pieces it has (values past the last one meet no rule of the pieces). */
  private int[] fanout;
  /** Per internal node: where its pieces start in {@link #pieces}; per leaf: where its rules start in {@link #rules}. */
  private int[] start;
  /** Per leaf: where its rules end; per internal node: the spanning subtree, or -1. */
  private int[] endOrSpan;
  private int nodeCount;
  /** The pieces of all internal nodes: a node id, or -1 for an empty piece. */
  private int[] pieces = new int[64];
  private int pieceCount;
  /** The rule numbers (0-based) of all leaves, each leaf's in increasing order. */
  private int[] rules = new int[64];
  private int ruleCount;

  private final long[] ruleLow;
  private final long[] ruleHigh;
  private final int size;
  /** Once the leaves hold this many rule copies, the tree stops cutting. */
  private final int copyBudget;

  /**
   * Builds the tree of {@code size} rules whose range in field d is [{@code ruleLow[d * size + i]},
   * {@code ruleHigh[d * size + i]}] (an empty range: the rule never matches and is left out).
   */
  CutTree(long[] ruleLow, long[] ruleHigh, int size) {
    this.ruleLow = ruleLow;
    this.ruleHigh = ruleHigh;
    this.size = size;
    this.copyBudget = 16 * size + 1024;
    int initialNodes = Math.max(16, size / 2);
    dimension = new int[initialNodes];
    low = new long[initialNodes];
    shift = new int[initialNodes];
    fanout = new int[initialNodes];
    start = new int[initialNodes];
    endOrSpan = new int[initialNodes];
    int[] all = new int[size];
    int count = 0;
    for (int i = 0; i < size; i++) {
      if (!empty(i)) {
        all[count++] = i;
      }
    }
    long[] boxLow = new long[DIMENSIONS];
    long[] boxHigh = new long[DIMENSIONS];
    for (int d = 0; d < DIMENSIONS; d++) {
      boxHigh[d] = (1L << WIDTH_BITS[d]) - 1;
    }
    build(all, count, boxLow, boxHigh);
  }

  private boolean empty(int rule) {
    for (int d = 0; d < DIMENSIONS; d++) {
      if (ruleLow[d * size + rule] > ruleHigh[d * size + rule]) {
        return true;
      }
    }
    return false;
  }

  /** An estimate of the tree's size in bytes. */
  long bytes() {
    return (long) nodeCount * (4 + 8 + 4 + 4 + 4 + 4) + 4L * pieceCount + 4L * ruleCount;
  }

  /** The rule numbers of all leaves, each leaf's increasing: the runs {@link #reach} points into. */
  int[] leafRules() {
    return rules;
  }

  /**
   * Writes the runs of {@link #leafRules()} that hold the candidate rules for a packet with field values
   * {@code values}: a superset of the rules whose indexed fields contain the packet, each in exactly one run,
   * each run increasing. Run {@code r} is [{@code runStart[r]}, {@code runEnd[r]}), written from {@code at}
   * (empty runs are left out); returns the new end. The arrays must have room for as many runs as there are rules.
   */
  int reach(long[] values, int[] runStart, int[] runEnd, int at) {
    return reach(0, values, runStart, runEnd, at);
  }

  private int reach(int node, long[] values, int[] runStart, int[] runEnd, int at) {
    while (true) {
      int d = dimension[node];
      if (d < 0) {
        int from = start[node];
        int end = endOrSpan[node];
        if (end == from) {
          return at;
        }
        runStart[at] = from;
        runEnd[at] = end;
        return at + 1;
      }
      int span = endOrSpan[node];
      if (span >= 0) {
        at = reach(span, values, runStart, runEnd, at);
      }
      long offset = values[d] - low[node];
      long piece = offset >>> shift[node];
      if (offset < 0 || piece >= fanout[node]) {
        return at;
      }
      int next = pieces[start[node] + (int) piece];
      if (next < 0) {
        return at;
      }
      node = next;
    }
  }

  private int newNode() {
    if (nodeCount == dimension.length) {
      int grown = nodeCount * 2;
      dimension = Arrays.copyOf(dimension, grown);
      low = Arrays.copyOf(low, grown);
      shift = Arrays.copyOf(shift, grown);
      fanout = Arrays.copyOf(fanout, grown);
      start = Arrays.copyOf(start, grown);
      endOrSpan = Arrays.copyOf(endOrSpan, grown);
    }
    return nodeCount++;
  }

  private int leaf(int[] members, int count) {
    int node = newNode();
    dimension[node] = -1;
    if (ruleCount + count > rules.length) {
      rules = Arrays.copyOf(rules, Math.max(rules.length * 2, ruleCount + count));
    }
    System.arraycopy(members, 0, rules, ruleCount, count);
    start[node] = ruleCount;
    ruleCount += count;
    endOrSpan[node] = ruleCount;
    return node;
  }

  /**
   * The part of field {@code d} of the box that the members do not all cover: [clip[0], clip[1]], the bounding
   * range of the members' ranges within the box, narrowed past the rules that cover the box or that range.
   * Those covering it are "spanning": they match whatever the packet's value in the range.
   */
  private long[] clip(int[] members, int count, long[] boxLow, long[] boxHigh, int d) {
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    for (int k = 0; k < count; k++) {
      int rule = members[k];
      long ruleLo = ruleLow[d * size + rule];
      long ruleHi = ruleHigh[d * size + rule];
      if (ruleLo > boxLow[d] || ruleHi < boxHigh[d]) {
        from = Math.min(from, Math.max(ruleLo, boxLow[d]));
        to = Math.max(to, Math.min(ruleHi, boxHigh[d]));
      }
    }
    return new long[] {from, to};
  }

  private boolean spans(int rule, int d, long from, long to) {
    return ruleLow[d * size + rule] <= from && ruleHigh[d * size + rule] >= to;
  }

  /** Builds the subtree of {@code members} (increasing rule numbers) inside the box; returns its node. */
  private int build(int[] members, int count, long[] boxLow, long[] boxHigh) {
    if (count <= LEAF_SIZE || ruleCount >= copyBudget) {
      return leaf(members, count);
    }
    int bestDimension = -1;
    int bestBits = 0;
    long bestCost = count;
    long bestTotal = Long.MAX_VALUE;
    int[] pieceCounts = new int[(1 << MAX_CUT_BITS) + 1];
    for (int d = 0; d < DIMENSIONS; d++) {
      long[] range = clip(members, count, boxLow, boxHigh, d);
      long from = range[0];
      long to = range[1];
      if (from > to) {
        continue;
      }
      int spanning = 0;
      for (int k = 0; k < count; k++) {
        if (spans(members[k], d, from, to)) {
          spanning++;
        }
      }
      int widthBits = 64 - Long.numberOfLeadingZeros(to - from);
      if (spanning == count || widthBits == 0) {
        continue;
      }
      // the most pieces that keep the copies within the space factor
      for (int bits = Math.min(MAX_CUT_BITS, widthBits); bits >= 1; bits--) {
        int pieceShift = widthBits - bits;
        long total = spanning;
        int largest = 0;
        int fanout = (int) ((to - from) >>> pieceShift) + 1;
        Arrays.fill(pieceCounts, 0, fanout + 1, 0);
        for (int k = 0; k < count; k++) {
          int rule = members[k];
          if (spans(rule, d, from, to)) {
            continue;
          }
          int first = (int) ((Math.max(ruleLow[d * size + rule], from) - from) >>> pieceShift);
          int last = (int) ((Math.min(ruleHigh[d * size + rule], to) - from) >>> pieceShift);
          pieceCounts[first]++;
          pieceCounts[last + 1]--;
          total += last - first + 1;
        }
        int running = 0;
        for (int p = 0; p < fanout; p++) {
          running += pieceCounts[p];
          largest = Math.max(largest, running);
        }
        if (total > (long) SPACE_FACTOR * count + fanout && bits > 1) {
          continue;
        }
        long cost = Math.max(spanning, largest);
        if (cost < bestCost || cost == bestCost && total < bestTotal && bestDimension >= 0) {
          bestCost = cost;
          bestTotal = total;
          bestDimension = d;
          bestBits = bits;
        }
        break;
      }
    }
    if (bestDimension < 0) {
      return leaf(members, count);
    }
    return cut(members, count, boxLow, boxHigh, bestDimension, bestBits);
  }

  private int cut(int[] members, int count, long[] boxLow, long[] boxHigh, int d, int bits) {
    long[] range = clip(members, count, boxLow, boxHigh, d);
    long from = range[0];
    long to = range[1];
    int pieceShift = 64 - Long.numberOfLeadingZeros(to - from) - bits;
    int fanoutHere = (int) ((to - from) >>> pieceShift) + 1;
    int node = newNode();
    dimension[node] = d;
    low[node] = from;
    shift[node] = pieceShift;
    fanout[node] = fanoutHere;
    if (pieceCount + fanoutHere > pieces.length) {
      pieces = Arrays.copyOf(pieces, Math.max(pieces.length * 2, pieceCount + fanoutHere));
    }
    int firstPiece = pieceCount;
    start[node] = firstPiece;
    pieceCount += fanoutHere;

    int[] spanning = new int[count];
    int spanningCount = 0;
    for (int k = 0; k < count; k++) {
      if (spans(members[k], d, from, to)) {
        spanning[spanningCount++] = members[k];
      }
    }
    // built before the store: building may grow (replace) the node arrays
    int spanTree = spanningCount == 0 ? -1 : build(spanning, spanningCount, boxLow, boxHigh);
    endOrSpan[node] = spanTree;

    // one pass: each other rule into the pieces its range overlaps (counting sort keeps rule order)
    int[] firstOf = new int[count];
    int[] lastOf = new int[count];
    int[] offsets = new int[fanoutHere + 1];
    for (int k = 0; k < count; k++) {
      int rule = members[k];
      if (spans(rule, d, from, to)) {
        firstOf[k] = 1;
        lastOf[k] = 0;
        continue;
      }
      firstOf[k] = (int) ((Math.max(ruleLow[d * size + rule], from) - from) >>> pieceShift);
      lastOf[k] = (int) ((Math.min(ruleHigh[d * size + rule], to) - from) >>> pieceShift);
      for (int p = firstOf[k]; p <= lastOf[k]; p++) {
        offsets[p + 1]++;
      }
    }
    for (int p = 0; p < fanoutHere; p++) {
      offsets[p + 1] += offsets[p];
    }
    int[] byPiece = new int[offsets[fanoutHere]];
    int[] fill = Arrays.copyOf(offsets, fanoutHere);
    for (int k = 0; k < count; k++) {
      for (int p = firstOf[k]; p <= lastOf[k]; p++) {
        byPiece[fill[p]++] = members[k];
      }
    }
    long savedLow = boxLow[d];
    long savedHigh = boxHigh[d];
    for (int p = 0; p < fanoutHere; p++) {
      int inCount = offsets[p + 1] - offsets[p];
      int child = -1;
      if (inCount > 0) {
        boxLow[d] = from + ((long) p << pieceShift);
        boxHigh[d] = Math.min(to, boxLow[d] + (1L << pieceShift) - 1);
        child = build(Arrays.copyOfRange(byPiece, offsets[p], offsets[p + 1]), inCount, boxLow, boxHigh);
        boxLow[d] = savedLow;
        boxHigh[d] = savedHigh;
      }
      pieces[firstPiece + p] = child;
    }
    return node;
  }
}
