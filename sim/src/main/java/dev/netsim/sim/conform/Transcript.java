package dev.netsim.sim.conform;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transcript in the format of {@code netsim run --echo}: for each command a line {@code $ COMMAND}, what it
 * printed, and {@code [exit N]} when its status was not 0. Recorded kernel transcripts may also carry the
 * line {@value #UNSTABLE_MARK} right after a command line: that block differed between kernel runs.
 */
public record Transcript(List<Block> blocks) {
  /** The line that marks a recorded block as unstable; it follows the block's {@code $ } line. */
  public static final String UNSTABLE_MARK = "[unstable]";

  private static final Pattern EXIT = Pattern.compile("\\[exit (\\d+)]");

  public Transcript {
    blocks = List.copyOf(blocks);
  }

  /** Parses transcript text; text before the first {@code $ } line (there should be none) is ignored. */
  public static Transcript parse(String text) {
    List<Block> blocks = new ArrayList<>();
    String command = null;
    boolean unstable = false;
    List<String> output = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("$ ")) {
        if (command != null) {
          blocks.add(block(command, output, unstable));
        }
        command = line.substring(2);
        unstable = false;
        output = new ArrayList<>();
      } else if (command != null) {
        if (output.isEmpty() && !unstable && line.equals(UNSTABLE_MARK)) {
          unstable = true;
        } else {
          output.add(line);
        }
      }
    }
    if (command != null) {
      blocks.add(block(command, output, unstable));
    }
    return new Transcript(blocks);
  }

  private static Block block(String command, List<String> output, boolean unstable) {
    List<String> lines = new ArrayList<>(output);
    // The text after the final newline of the transcript is not a line.
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    int exit = 0;
    if (!lines.isEmpty()) {
      Matcher m = EXIT.matcher(lines.get(lines.size() - 1));
      if (m.matches()) {
        exit = Integer.parseInt(m.group(1));
        lines.remove(lines.size() - 1);
      }
    }
    return new Block(command, lines, exit, unstable);
  }

  /** The transcript as text, with unstable blocks marked; {@code parse(render())} gives it back. */
  public String render() {
    StringBuilder text = new StringBuilder();
    for (Block block : blocks) {
      text.append("$ ").append(block.command()).append('\n');
      if (block.unstable()) {
        text.append(UNSTABLE_MARK).append('\n');
      }
      for (String line : block.output()) {
        text.append(line).append('\n');
      }
      if (block.exit() != 0) {
        text.append("[exit ").append(block.exit()).append("]\n");
      }
    }
    return text.toString();
  }
}
