package dev.netsim.sim.shell.text;

import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.NotSimulated;
import dev.netsim.sim.shell.Tool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * coreutils {@code head} and {@code tail}: {@code -n N}, {@code -c N}, {@code -N}, {@code -q}, {@code -v};
 * head's {@code -n -N} (all but the last N) and tail's {@code -n +N} (from line N) and {@code +N}.
 */
final class HeadTail implements Tool {
  private static final Map<String, String> LONG = Map.of(
      "lines=", "n", "bytes=", "c", "quiet", "q", "silent", "q", "verbose", "v", "follow?", "f",
      "zero-terminated", "z", "help", "help", "version", "version");

  private final boolean head;
  private final String name;

  private HeadTail(boolean head) {
    this.head = head;
    this.name = head ? "head" : "tail";
  }

  static HeadTail head() {
    return new HeadTail(true);
  }

  static HeadTail tail() {
    return new HeadTail(false);
  }

  /** How much of each input to keep. */
  private record Count(long n, boolean bytes, boolean sign) {}

  @Override
  public int run(Invocation call) {
    List<String> args = new ArrayList<>(call.argv().subList(1, call.argv().size()));
    Count count = new Count(10, false, false);
    // tail's obsolete `+N`, as the only option before at most one file
    if (!head && !args.isEmpty() && args.get(0).matches("\\+[0-9]{1,18}") && args.size() <= 2) {
      count = new Count(Long.parseLong(args.remove(0).substring(1)), false, true);
    }
    Getopt options;
    try {
      options = new Getopt(args, head ? "n:c:qvz" : "n:c:qvzfFs:", LONG, true);
    } catch (Getopt.UsageError e) {
      call.err().println(name + ": " + e.getMessage());
      call.err().println("Try '" + name + " --help' for more information.");
      return 1;
    }
    boolean verbose = false;
    boolean quiet = false;
    for (Getopt.Option option : options.options) {
      switch (option.name()) {
        case "n", "#" -> count = count(call, option.value(), false);
        case "c" -> count = count(call, option.value(), true);
        case "q" -> quiet = true;
        case "v" -> verbose = true;
        default -> {
          return NotSimulated.report(call);
        }
      }
      if (count == null) {
        return 1;
      }
    }
    List<String> files = options.operands.isEmpty() ? List.of("-") : options.operands;
    boolean headers = verbose || (files.size() > 1 && !quiet);
    int status = 0;
    boolean first = true;
    for (String file : files) {
      String text;
      try {
        text = Inputs.read(call, file);
      } catch (IOException e) {
        if (e.getMessage().equals("Is a directory")) {
          call.err().println(name + ": error reading '" + file + "': Is a directory");
        } else {
          call.err().println(name + ": cannot open '" + file + "' for reading: " + e.getMessage());
        }
        status = 1;
        continue;
      }
      if (headers) {
        call.out().print((first ? "" : "\n") + "==> " + (file.equals("-") ? "standard input" : file) + " <==\n");
      }
      first = false;
      call.out().print(head ? head(text, count) : tail(text, count));
    }
    return status;
  }

  private Count count(Invocation call, String value, boolean bytes) {
    String digits = value;
    boolean sign = false;
    if (digits.startsWith("-") || digits.startsWith("+")) {
      sign = head ? digits.startsWith("-") : digits.startsWith("+");
      digits = digits.substring(1);
    }
    if (!digits.matches("[0-9]{1,18}")) {
      call.err().println(name + ": invalid number of " + (bytes ? "bytes" : "lines") + ": ‘" + value + "’");
      return null;
    }
    return new Count(Long.parseLong(digits), bytes, sign);
  }

  /** The first N lines or bytes; with the sign, all but the last N. */
  private static String head(String text, Count count) {
    if (count.bytes()) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      long keep = count.sign() ? bytes.length - count.n() : count.n();
      return new String(Arrays.copyOf(bytes, (int) Math.max(0, Math.min(keep, bytes.length))), StandardCharsets.UTF_8);
    }
    List<String> lines = Inputs.linesWithEnds(text);
    long keep = count.sign() ? lines.size() - count.n() : count.n();
    return String.join("", lines.subList(0, (int) Math.max(0, Math.min(keep, lines.size()))));
  }

  /** The last N lines or bytes; with the sign, from line (or byte) N on. */
  private static String tail(String text, Count count) {
    if (count.bytes()) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      long from = count.sign() ? Math.max(count.n() - 1, 0) : bytes.length - count.n();
      int start = (int) Math.max(0, Math.min(from, bytes.length));
      return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }
    List<String> lines = Inputs.linesWithEnds(text);
    long from = count.sign() ? Math.max(count.n() - 1, 0) : lines.size() - count.n();
    return String.join("", lines.subList((int) Math.max(0, Math.min(from, lines.size())), lines.size()));
  }
}
