package dev.netsim.sim.conform;

import java.util.ArrayList;
import java.util.List;

/**
 * The block-by-block comparison of netsim's transcript of one script with the kernel's. Both are normalised
 * first; blocks the kernel marked unstable are not counted. Blocks are paired in order; a netsim block whose
 * command differs from the kernel's (or a missing one) is a disagreement.
 */
public record Comparison(String script, int agreeing, int stable, List<Disagreement> disagreements) {
  public Comparison {
    disagreements = List.copyOf(disagreements);
  }

  /** A stable kernel block that netsim printed differently ({@code netsim} is null when it printed none). */
  public record Disagreement(Block kernel, Block netsim) {}

  /** Compares {@code netsim} with {@code kernel} (a recording, possibly with unstable marks). */
  public static Comparison of(String script, Transcript kernel, Transcript netsim) {
    List<Block> expected = Normaliser.normalise(kernel).blocks();
    List<Block> actual = Normaliser.normalise(netsim).blocks();
    int agreeing = 0;
    int stable = 0;
    List<Disagreement> disagreements = new ArrayList<>();
    for (int i = 0; i < expected.size(); i++) {
      Block want = expected.get(i);
      if (want.unstable()) {
        continue;
      }
      stable++;
      Block got = i < actual.size() ? actual.get(i) : null;
      if (got != null && want.sameAs(got)) {
        agreeing++;
      } else {
        disagreements.add(new Disagreement(want, got));
      }
    }
    return new Comparison(script, agreeing, stable, disagreements);
  }

  /** Whether every stable block agrees. */
  public boolean agrees() {
    return disagreements.isEmpty();
  }

  /** The report: a summary line, then each disagreement with both outputs side by side. */
  public String report() {
    StringBuilder text = new StringBuilder();
    text.append(script).append(": agree ").append(agreeing).append('/').append(stable).append(" blocks\n");
    for (Disagreement d : disagreements) {
      text.append("  $ ").append(d.kernel().command()).append('\n');
      List<String> left = shown(d.kernel());
      List<String> right = d.netsim() == null ? List.of("(no such block)") : shown(d.netsim());
      if (d.netsim() != null && !d.netsim().command().equals(d.kernel().command())) {
        right = new ArrayList<>(right);
        right.add(0, "$ " + d.netsim().command());
      }
      int width = Math.max("kernel".length(), left.stream().mapToInt(String::length).max().orElse(0));
      text.append(String.format("    %-" + width + "s | %s%n", "kernel", "netsim"));
      for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
        String l = i < left.size() ? left.get(i) : "";
        String r = i < right.size() ? right.get(i) : "";
        text.append(String.format("  %s %-" + width + "s | %s%n", l.equals(r) ? " " : "!", l, r));
      }
    }
    return text.toString();
  }

  private static List<String> shown(Block block) {
    List<String> lines = new ArrayList<>(block.output());
    if (block.exit() != 0) {
      lines.add("[exit " + block.exit() + "]");
    }
    return lines;
  }

  /** The closing line over several scripts: {@code agree A/T blocks (P%)}. */
  public static String summary(List<Comparison> comparisons) {
    int agreeing = comparisons.stream().mapToInt(Comparison::agreeing).sum();
    int stable = comparisons.stream().mapToInt(Comparison::stable).sum();
    double percent = stable == 0 ? 100.0 : 100.0 * agreeing / stable;
    return String.format("agree %d/%d blocks (%.1f%%)", agreeing, stable, percent);
  }
}
