package dev.netsim.sim.shell.text;

import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.NotSimulated;
import dev.netsim.sim.shell.Tool;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** coreutils {@code cat}: files and standard input ({@code -}), with {@code -n -b -s -E -T}. */
final class Cat implements Tool {
  private static final Map<String, String> LONG = Map.of(
      "number", "n", "number-nonblank", "b", "squeeze-blank", "s", "show-ends", "E", "show-tabs", "T",
      "show-all", "A", "show-nonprinting", "v", "help", "help", "version", "version");

  @Override
  public int run(Invocation call) {
    Getopt options;
    try {
      options = new Getopt(call.argv().subList(1, call.argv().size()), "nbsETAvetu", LONG, false);
    } catch (Getopt.UsageError e) {
      call.err().println("cat: " + e.getMessage());
      call.err().println("Try 'cat --help' for more information.");
      return 1;
    }
    boolean number = false;
    boolean nonBlank = false;
    boolean squeeze = false;
    boolean ends = false;
    boolean tabs = false;
    for (Getopt.Option option : options.options) {
      switch (option.name()) {
        case "n" -> number = true;
        case "b" -> nonBlank = true;
        case "s" -> squeeze = true;
        case "E" -> ends = true;
        case "T" -> tabs = true;
        case "u" -> { }
        default -> {
          return NotSimulated.report(call);
        }
      }
    }
    List<String> files = options.operands.isEmpty() ? List.of("-") : options.operands;
    int status = 0;
    int lineNumber = 0;
    boolean previousBlank = false;
    for (String file : files) {
      String text;
      try {
        text = Inputs.read(call, file);
      } catch (IOException e) {
        call.err().println("cat: " + file + ": " + e.getMessage());
        status = 1;
        continue;
      }
      if (!number && !nonBlank && !squeeze && !ends && !tabs) {
        call.out().print(text);
        continue;
      }
      StringBuilder out = new StringBuilder();
      for (String line : Inputs.linesWithEnds(text)) {
        boolean newline = line.endsWith("\n");
        String body = newline ? line.substring(0, line.length() - 1) : line;
        boolean blank = body.isEmpty() && newline;
        if (squeeze && blank && previousBlank) {
          continue;
        }
        previousBlank = blank;
        if (nonBlank ? !body.isEmpty() : number) {
          out.append(String.format("%6d\t", ++lineNumber));
        }
        out.append(tabs ? body.replace("\t", "^I") : body);
        if (newline) {
          out.append(ends ? "$\n" : "\n");
        }
      }
      call.out().print(out);
    }
    return status;
  }
}
