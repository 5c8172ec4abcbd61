package dev.netsim.sim.shell;

import java.util.List;

/**
 * How a script run ended.
 *
 * @param status 0 when the script ran to its end (or to a top-level {@code exit}), 2 when it could not be
 *     parsed (nothing ran), 127 when {@code --strict} stopped it at a command netsim does not simulate
 * @param diagnostic for a status other than 0, the message for the user
 *     ({@code FILE: line N: what is wrong}, without a {@code netsim: } prefix); otherwise null
 * @param blocks each block that ran, in order
 */
public record RunResult(int status, String diagnostic, List<BlockOutcome> blocks) {
  public RunResult {
    blocks = List.copyOf(blocks);
  }

  /**
   * One block that ran.
   *
   * @param line the line number of its first line
   * @param command its first line as written
   * @param status its exit status (the last command's)
   */
  public record BlockOutcome(int line, String command, int status) {}
}
