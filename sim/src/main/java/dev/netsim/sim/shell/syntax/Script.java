package dev.netsim.sim.shell.syntax;

import java.util.List;

/**
 * A parsed script: its blocks in order. A block is what a terminal shows as one prompt: one line of the
 * script, together with its here-document bodies and continuation lines.
 */
public record Script(List<Block> blocks) {
  public Script {
    blocks = List.copyOf(blocks);
  }

  /** Parses {@code text}; see {@link Parser}. */
  public static Script parse(String text) throws SyntaxError {
    return new Parser(text, 1).parseScript();
  }
}
