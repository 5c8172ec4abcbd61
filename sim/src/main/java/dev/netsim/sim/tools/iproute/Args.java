package dev.netsim.sim.tools.iproute;

import java.io.PrintStream;
import java.util.List;

/** A cursor over a command's words with iproute2's helpers (NEXT_ARG, invarg, duparg). */
final class Args {
  private final List<String> words;
  private final PrintStream err;
  private int position;

  Args(List<String> words, int start, PrintStream err) {
    this.words = words;
    this.position = start;
    this.err = err;
  }

  boolean more() {
    return position < words.size();
  }

  String peek() {
    return words.get(position);
  }

  /** The current word, moving past it. */
  String take() {
    return words.get(position++);
  }

  /** NEXT_ARG: the value after a keyword; "Command line is not complete" (255) when there is none. */
  String value() {
    if (!more()) {
      err.print("Command line is not complete. Try option \"help\"\n");
      throw new ToolExit(255);
    }
    return take();
  }

  int remaining() {
    return words.size() - position;
  }

  List<String> rest() {
    return words.subList(position, words.size());
  }

  /** iproute2's {@code invarg}: {@code Error: argument "ARG" is wrong: MESSAGE} and exit 255. */
  RuntimeException invalid(String message, String argument) {
    err.print("Error: argument \"" + argument + "\" is wrong: " + message + "\n");
    return new ToolExit(255);
  }

  /** iproute2's {@code duparg}. */
  RuntimeException duplicate(String key, String argument) {
    err.print("Error: duplicate \"" + key + "\": \"" + argument + "\" is the second value.\n");
    return new ToolExit(255);
  }

  /** iproute2's {@code duparg2}. */
  RuntimeException duplicateOrGarbage(String key, String argument) {
    err.print("Error: either \"" + key + "\" is duplicate, or \"" + argument + "\" is a garbage.\n");
    return new ToolExit(255);
  }

  /** iproute2's {@code matches(word, keyword)}: {@code word} is a non-empty prefix of {@code keyword}. */
  static boolean matches(String word, String keyword) {
    return !word.isEmpty() && keyword.startsWith(word);
  }
}
