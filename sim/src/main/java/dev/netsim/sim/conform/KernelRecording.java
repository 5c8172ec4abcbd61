package dev.netsim.sim.conform;

import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's transcript of one script over several runs: the first run's text, with each block that
 * differed between runs after normalisation marked unstable.
 */
public final class KernelRecording {
  private KernelRecording() {}

  /** Combines runs (at least one) of the same script. */
  public static Transcript of(List<Transcript> runs) {
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("no kernel run to record");
    }
    Transcript first = runs.get(0);
    List<List<Block>> normalised = runs.stream().map(t -> Normaliser.normalise(t).blocks()).toList();
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < first.blocks().size(); i++) {
      Block block = first.blocks().get(i);
      Block reference = normalised.get(0).get(i);
      boolean stable = true;
      for (List<Block> run : normalised) {
        stable &= i < run.size() && run.get(i).sameAs(reference);
      }
      blocks.add(stable ? block : block.markedUnstable());
    }
    return new Transcript(blocks);
  }

  /** Where the recording of {@code script} lives: {@code name.sh} → {@code name.kernel.txt}. */
  public static java.nio.file.Path pathFor(java.nio.file.Path script) {
    String name = script.getFileName().toString();
    String base = name.endsWith(".sh") ? name.substring(0, name.length() - 3) : name;
    return script.resolveSibling(base + ".kernel.txt");
  }
}
