package dev.netsim.sim.shell.text;

import dev.netsim.sim.shell.Invocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reading a tool's inputs: named files through the script's file access, {@code -} for standard input. */
final class Inputs {
  private Inputs() {}

  /** The contents of {@code name}: standard input for {@code -}. */
  static String read(Invocation call, String name) throws IOException {
    return name.equals("-") ? call.stdin() : call.files().read(name);
  }

  /** The lines of {@code text}; a last line without a newline counts, an empty text has none. */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        lines.add(text.substring(start));
        break;
      }
      lines.add(text.substring(start, end));
      start = end + 1;
    }
    return lines;
  }

  /** {@code text} split after each newline, the pieces keeping their newline (a last piece may lack one). */
  static List<String> linesWithEnds(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      int next = end < 0 ? text.length() : end + 1;
      lines.add(text.substring(start, next));
      start = next;
    }
    return lines;
  }
}
