package dev.netsim.rules.eval.compiled;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CutTreeTest {
  private static final long[] FULL = {0xffff_ffffL, 0xffff_ffffL, 65535, 65535, 255};

  /** Random rules: prefixes on the addresses, ranges on the ports, an exact protocol, often wildcards. */
  private static long[][] randomRules(SplittableRandom random, int size) {
    long[] low = new long[CutTree.DIMENSIONS * size];
    long[] high = new long[CutTree.DIMENSIONS * size];
    for (int i = 0; i < size; i++) {
      for (int d = 0; d < CutTree.DIMENSIONS; d++) {
        int slot = d * size + i;
        if (random.nextInt(4) == 0) {
          low[slot] = 0;
          high[slot] = FULL[d];
        } else if (d < 2) {
          int length = 8 + random.nextInt(25);
          long base = random.nextLong(1L << 8) << 24 | random.nextLong(1L << 24);
          long hostMask = (1L << (32 - length)) - 1;
          low[slot] = base & ~hostMask & 0xffff_ffffL;
          high[slot] = low[slot] | hostMask;
        } else if (d == CutTree.PROTOCOL) {
          low[slot] = high[slot] = random.nextBoolean() ? 6 : 17;
        } else {
          long a = random.nextLong(FULL[d] + 1);
          long b = random.nextInt(3) == 0 ? a : random.nextLong(FULL[d] + 1);
          low[slot] = Math.min(a, b);
          high[slot] = Math.max(a, b);
        }
      }
    }
    return new long[][] {low, high};
  }

  @Test
  void everyRuleContainingThePacketIsACandidateExactlyOnce() {
    SplittableRandom random = new SplittableRandom(5);
    for (int round = 0; round < 20; round++) {
      int size = 50 + random.nextInt(2000);
      long[][] rules = randomRules(random, size);
      CutTree tree = new CutTree(rules[0], rules[1], size);
      long[] values = new long[CutTree.DIMENSIONS];
      long candidates = 0;
      for (int p = 0; p < 500; p++) {
        // half the packets inside a random rule, so that there is something to find
        int aimed = random.nextInt(size);
        for (int d = 0; d < CutTree.DIMENSIONS; d++) {
          int slot = d * size + aimed;
          values[d] = random.nextBoolean() ? rules[0][slot] + random.nextLong(rules[1][slot] - rules[0][slot] + 1)
              : random.nextLong(FULL[d] + 1);
        }
        int[] out = candidates(tree, values, size);
        candidates += out.length;
        BitSet found = new BitSet(size);
        for (int rule : out) {
          assertThat(found.get(rule)).as("rule %d found twice", rule).isFalse();
          found.set(rule);
        }
        for (int i = 0; i < size; i++) {
          boolean contains = true;
          for (int d = 0; d < CutTree.DIMENSIONS; d++) {
            contains &= rules[0][d * size + i] <= values[d] && values[d] <= rules[1][d * size + i];
          }
          if (contains) {
            assertThat(found.get(i)).as("rule %d contains %s but is no candidate", i, Arrays.toString(values))
                .isTrue();
          }
        }
      }
      // the tree narrows: far fewer candidates than rules
      assertThat(candidates / 500.0).isLessThan(size / 4.0);
    }
  }

  @Test
  void rulesWithAnEmptyRangeAreNeverCandidates() {
    long[] low = {5, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    long[] high = {4, 0xffff_ffffL, 0xffff_ffffL, 0xffff_ffffL, 65535, 65535, 65535, 65535, 255, 255};
    CutTree tree = new CutTree(low, high, 2);
    assertThat(candidates(tree, new long[] {4, 4, 80, 80, 6}, 2)).containsExactly(1);
  }

  /** The rules of the runs the tree reaches for {@code values}, run by run; checks each run increases. */
  private static int[] candidates(CutTree tree, long[] values, int size) {
    int[] runStart = new int[size];
    int[] runEnd = new int[size];
    int runs = tree.reach(values, runStart, runEnd, 0);
    int[] rules = tree.leafRules();
    int[] out = new int[size];
    int count = 0;
    for (int r = 0; r < runs; r++) {
      assertThat(runEnd[r]).as("run %d is empty", r).isGreaterThan(runStart[r]);
      for (int k = runStart[r]; k < runEnd[r]; k++) {
        if (k > runStart[r]) {
          assertThat(rules[k]).as("run %d increases", r).isGreaterThan(rules[k - 1]);
        }
        out[count++] = rules[k];
      }
    }
    return Arrays.copyOf(out, count);
  }
}
