package dev.netsim.sim.conform;

import java.util.List;

/**
 * One command of a transcript: the command line as echoed after {@code $ }, the lines it printed, its exit
 * status (0 when the transcript had no {@code [exit N]} line), and whether the kernel printed it differently
 * from run to run (an unstable block is shown but never counted).
 */
public record Block(String command, List<String> output, int exit, boolean unstable) {
  public Block {
    output = List.copyOf(output);
  }

  /** The same block with other output lines. */
  public Block withOutput(List<String> lines) {
    return new Block(command, lines, exit, unstable);
  }

  /** The same block marked unstable. */
  public Block markedUnstable() {
    return new Block(command, output, exit, true);
  }

  /** Whether command, output and exit status are equal (the unstable mark is not compared). */
  public boolean sameAs(Block other) {
    return command.equals(other.command) && output.equals(other.output) && exit == other.exit;
  }
}
