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

  /**
   * A live run's transcript with every block the recording found unstable marked unstable too: a handful of
   * live runs can agree by chance on what is random (which of two random MACs is lower), and such a block
   * must not fail a live check because it happened to look stable this time.
   */
  public static Transcript withUnstableOf(Transcript live, Transcript recording) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < live.blocks().size(); i++) {
      Block block = live.blocks().get(i);
      boolean knownUnstable = i < recording.blocks().size() && recording.blocks().get(i).unstable()
          && recording.blocks().get(i).command().equals(block.command());
      blocks.add(knownUnstable && !block.unstable() ? block.markedUnstable() : block);
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
