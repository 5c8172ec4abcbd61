package dev.netsim.sim.shell;

import java.util.Objects;

/**
 * How to run a script.
 *
 * @param echo print {@code $ <line>} before each block and {@code [exit N]} after a failing one
 * @param trace print the traces probes hand over, after the command's output
 * @param strict stop at the first command netsim does not simulate
 * @param preset the name of the preset that initialises the machine first, or null
 * @param files which real files the script may read and write
 */
public record RunOptions(boolean echo, boolean trace, boolean strict, String preset, FilePolicy files) {
  public RunOptions {
    Objects.requireNonNull(files, "files");
  }

  /** No echo, no traces, not strict, no preset, no real files. */
  public static RunOptions defaults() {
    return new RunOptions(false, false, false, null, FilePolicy.off());
  }

  public RunOptions withEcho(boolean on) {
    return new RunOptions(on, trace, strict, preset, files);
  }

  public RunOptions withTrace(boolean on) {
    return new RunOptions(echo, on, strict, preset, files);
  }

  public RunOptions withStrict(boolean on) {
    return new RunOptions(echo, trace, on, preset, files);
  }

  public RunOptions withPreset(String name) {
    return new RunOptions(echo, trace, strict, name, files);
  }

  public RunOptions withFiles(FilePolicy policy) {
    return new RunOptions(echo, trace, strict, preset, policy);
  }
}
