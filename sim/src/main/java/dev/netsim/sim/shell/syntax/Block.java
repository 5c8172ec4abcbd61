package dev.netsim.sim.shell.syntax;

import java.util.List;

/**
 * One block of a script: the commands that one script line (with its continuation lines and here-document
 * bodies) holds.
 *
 * @param line the line number of the block's first line
 * @param echoLines the lines a transcript shows for the block: the first line as written, then any
 *     continuation lines (here-document bodies are not shown)
 * @param commands the commands; empty for a line that holds only blanks or a comment
 */
public record Block(int line, List<String> echoLines, CommandList commands) {
  public Block {
    echoLines = List.copyOf(echoLines);
  }

  /** The block's first line exactly as written in the script. */
  public String firstLine() {
    return echoLines.get(0);
  }
}
