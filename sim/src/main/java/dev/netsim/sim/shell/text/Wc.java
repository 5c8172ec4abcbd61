package dev.netsim.sim.shell.text;

import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.NotSimulated;
import dev.netsim.sim.shell.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * coreutils {@code wc}: {@code -l -w -c -m -L}, files and standard input, GNU's column widths (a single
 * count of a single input unpadded; otherwise the width of the files' total size, at least 7 when
 * standard input — a pipe — is among them).
 */
final class Wc implements Tool {
  private static final Map<String, String> LONG = Map.of(
      "lines", "l", "words", "w", "bytes", "c", "chars", "m", "max-line-length", "L", "help", "help",
      "version", "version", "files0-from=", "files0-from", "total=", "total");

  @Override
  public int run(Invocation call) {
    Getopt options;
    try {
      options = new Getopt(call.argv().subList(1, call.argv().size()), "lwcmL", LONG, false);
    } catch (Getopt.UsageError e) {
      call.err().println("wc: " + e.getMessage());
      call.err().println("Try 'wc --help' for more information.");
      return 1;
    }
    boolean[] show = new boolean[5];
    for (Getopt.Option option : options.options) {
      int index = "lwmcL".indexOf(option.name());
      if (index < 0 || option.name().length() != 1) {
        return NotSimulated.report(call);
      }
      show[index] = true;
    }
    if (!show[0] && !show[1] && !show[2] && !show[3] && !show[4]) {
      show[0] = true;
      show[1] = true;
      show[3] = true;
    }
    boolean named = !options.operands.isEmpty();
    List<String> files = named ? options.operands : List.of("-");
    // Read everything first: GNU sizes the columns from all inputs, then reports each in order.
    List<long[]> counts = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    long regularBytes = 0;
    boolean pipe = false;
    for (String file : files) {
      try {
        long[] count = count(Inputs.read(call, file));
        counts.add(count);
        errors.add(null);
        if (file.equals("-")) {
          pipe = true;
        } else {
          regularBytes += count[3];
        }
      } catch (IOException e) {
        counts.add(null);
        errors.add("wc: " + file + ": " + e.getMessage());
      }
    }
    int shown = 0;
    for (boolean b : show) {
      shown += b ? 1 : 0;
    }
    int width = 1;
    if (!(shown == 1 && files.size() == 1) && counts.get(0) != null) {
      width = Math.max(String.valueOf(regularBytes).length(), pipe ? 7 : 1);
    }
    long[] total = new long[5];
    int status = 0;
    for (int i = 0; i < files.size(); i++) {
      long[] count = counts.get(i);
      if (count == null) {
        call.err().println(errors.get(i));
        status = 1;
        continue;
      }
      print(call, count, show, width, named ? files.get(i) : null);
      for (int k = 0; k < 5; k++) {
        total[k] = k == 4 ? Math.max(total[k], count[k]) : total[k] + count[k];
      }
    }
    if (files.size() > 1) {
      print(call, total, show, width, "total");
    }
    return status;
  }

  /** Lines, words, characters, bytes, longest line. */
  private static long[] count(String text) {
    long lines = 0;
    long words = 0;
    long chars = text.codePointCount(0, text.length());
    long bytes = text.getBytes(StandardCharsets.UTF_8).length;
    long longest = 0;
    long lineLength = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\n') {
        lines++;
        longest = Math.max(longest, lineLength);
        lineLength = 0;
      } else if (c == '\t') {
        lineLength += 8 - lineLength % 8;
      } else {
        lineLength++;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        inWord = false;
      } else if (!inWord) {
        inWord = true;
        words++;
      }
    }
    longest = Math.max(longest, lineLength);
    return new long[] {lines, words, chars, bytes, longest};
  }

  private static void print(Invocation call, long[] count, boolean[] show, int width, String name) {
    StringBuilder line = new StringBuilder();
    for (int k = 0; k < 5; k++) {
      if (show[k]) {
        if (line.length() > 0) {
          line.append(' ');
        }
        line.append(String.format("%" + width + "d", count[k]));
      }
    }
    if (name != null) {
      line.append(' ').append(name);
    }
    call.out().println(line);
  }
}
