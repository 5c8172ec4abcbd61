package dev.netsim.sim.conform;

import java.nio.file.Path;

/**
 * Produces netsim's {@code run --echo} transcript of a script: what the script runner prints for it, with
 * {@code $ } lines and {@code [exit N]} lines, exactly as {@code ./netsim run --echo FILE} would.
 */
@FunctionalInterface
public interface NetsimTranscripts {
  /**
   * Runs {@code scriptText} in a fresh simulated machine; {@code scriptDir} is the folder the script's
   * relative file reads resolve against. Returns the transcript text.
   */
  String transcript(String scriptText, Path scriptDir);
}
