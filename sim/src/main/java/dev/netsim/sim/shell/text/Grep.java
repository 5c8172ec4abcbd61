package dev.netsim.sim.shell.text;

import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.NotSimulated;
import dev.netsim.sim.shell.Tool;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * GNU grep 3.8: basic, extended and fixed-string patterns ({@code -G -E -F}, several with {@code -e} or
 * {@code -f}), {@code -i -v -w -x -c -o -q -s -n -H -h -l -L -m NUM -A -B -C}, its output format, its
 * messages and its exit statuses (0 a line selected, 1 none, 2 an error). Matches for {@code -o} are
 * leftmost-longest, as POSIX regular expressions match.
 */
final class Grep implements Tool {
  private static final int LONGEST_MATCH_WINDOW = 4096;
  private static final String USAGE = "Usage: grep [OPTION]... PATTERNS [FILE]...";
  private static final Map<String, String> LONG = Map.ofEntries(
      Map.entry("extended-regexp", "E"), Map.entry("fixed-strings", "F"), Map.entry("basic-regexp", "G"),
      Map.entry("perl-regexp", "P"), Map.entry("regexp=", "e"), Map.entry("file=", "f"),
      Map.entry("ignore-case", "i"), Map.entry("no-ignore-case", "no-ignore-case"),
      Map.entry("invert-match", "v"), Map.entry("word-regexp", "w"), Map.entry("line-regexp", "x"),
      Map.entry("count", "c"), Map.entry("only-matching", "o"), Map.entry("quiet", "q"), Map.entry("silent", "q"),
      Map.entry("no-messages", "s"), Map.entry("line-number", "n"), Map.entry("with-filename", "H"),
      Map.entry("no-filename", "h"), Map.entry("files-with-matches", "l"), Map.entry("files-without-match", "L"),
      Map.entry("max-count=", "m"), Map.entry("after-context=", "A"), Map.entry("before-context=", "B"),
      Map.entry("context=", "C"), Map.entry("color?", "color"), Map.entry("colour?", "color"),
      Map.entry("line-buffered", "line-buffered"), Map.entry("text", "a"), Map.entry("binary", "U"),
      Map.entry("label=", "label"), Map.entry("byte-offset", "b"), Map.entry("recursive", "r"),
      Map.entry("dereference-recursive", "R"), Map.entry("null", "Z"), Map.entry("null-data", "z"),
      Map.entry("initial-tab", "T"), Map.entry("help", "help"), Map.entry("version", "V"));

  /** What the options asked for. */
  private static final class Settings {
    char syntax = 'G';
    boolean ignoreCase;
    boolean invert;
    boolean word;
    boolean line;
    boolean count;
    boolean only;
    boolean quiet;
    boolean noMessages;
    boolean numbers;
    Boolean withName;
    boolean filesWith;
    boolean filesWithout;
    long max = -1;
    int after;
    int before;
    String label = "(standard input)";
  }

  @Override
  public int run(Invocation call) {
    PrintStream err = call.err();
    Getopt options;
    try {
      options = new Getopt(call.argv().subList(1, call.argv().size()), "EFGPe:f:iyvwxcoqsnHhlLm:A:B:C:aUbrRZzTV",
          LONG, true);
    } catch (Getopt.UsageError e) {
      err.println("grep: " + e.getMessage());
      return usage(err);
    }
    Settings s = new Settings();
    List<String> patterns = null;
    for (Getopt.Option option : options.options) {
      String value = option.value();
      switch (option.name()) {
        case "E", "F", "G" -> s.syntax = option.name().charAt(0);
        case "e" -> {
          patterns = patterns == null ? new ArrayList<>() : patterns;
          patterns.addAll(List.of(value.split("\n", -1)));
        }
        case "f" -> {
          patterns = patterns == null ? new ArrayList<>() : patterns;
          try {
            patterns.addAll(Inputs.lines(Inputs.read(call, value)));
          } catch (IOException e) {
            err.println("grep: " + value + ": " + e.getMessage());
            return 2;
          }
        }
        case "i", "y" -> s.ignoreCase = true;
        case "no-ignore-case" -> s.ignoreCase = false;
        case "v" -> s.invert = true;
        case "w" -> s.word = true;
        case "x" -> s.line = true;
        case "c" -> s.count = true;
        case "o" -> s.only = true;
        case "q" -> s.quiet = true;
        case "s" -> s.noMessages = true;
        case "n" -> s.numbers = true;
        case "H" -> s.withName = true;
        case "h" -> s.withName = false;
        case "l" -> s.filesWith = true;
        case "L" -> s.filesWithout = true;
        case "label" -> s.label = value;
        case "color", "line-buffered", "a", "U" -> { }
        case "m" -> {
          if (!value.matches("-?[0-9]{1,18}")) {
            err.println("grep: invalid max count");
            return 2;
          }
          s.max = Long.parseLong(value) < 0 ? -1 : Long.parseLong(value);
        }
        case "A", "B", "C", "#" -> {
          if (!value.matches("[0-9]{1,9}")) {
            err.println("grep: " + value + ": invalid context length argument");
            return 2;
          }
          int n = Integer.parseInt(value);
          if (!option.name().equals("B")) {
            s.after = n;
          }
          if (!option.name().equals("A")) {
            s.before = n;
          }
        }
        default -> {
          return NotSimulated.report(call);
        }
      }
    }
    List<String> operands = new ArrayList<>(options.operands);
    if (patterns == null) {
      if (operands.isEmpty()) {
        return usage(err);
      }
      patterns = List.of(operands.remove(0).split("\n", -1));
    }
    List<Pattern> compiled = new ArrayList<>();
    for (String pattern : patterns) {
      String regex;
      if (s.syntax == 'F') {
        regex = Pattern.quote(pattern);
      } else {
        try {
          GnuRegex.Translation translation = GnuRegex.translate(pattern, s.syntax == 'E');
          translation.warnings().forEach(w -> err.println("grep: " + w));
          regex = translation.regex();
        } catch (GnuRegex.Invalid e) {
          err.println("grep: " + e.getMessage());
          return 2;
        }
      }
      if (s.line) {
        regex = "^(?:" + regex + ")$";
      } else if (s.word) {
        regex = "(?<!\\w)(?:" + regex + ")(?!\\w)";
      }
      try {
        compiled.add(Pattern.compile(regex, GnuRegex.flags(s.ignoreCase)));
      } catch (PatternSyntaxException e) {
        err.println("grep: Invalid regular expression");
        return 2;
      }
    }
    List<String> files = operands.isEmpty() ? List.of("-") : operands;
    boolean withName = s.withName != null ? s.withName : files.size() > 1;
    Output output = new Output(call.out(), !s.only && (s.after > 0 || s.before > 0));
    boolean selected = false;
    boolean error = false;
    for (String file : files) {
      String text;
      try {
        text = Inputs.read(call, file);
      } catch (IOException e) {
        if (!s.noMessages) {
          err.println("grep: " + file + ": " + e.getMessage());
        }
        error = true;
        continue;
      }
      String name = file.equals("-") ? s.label : file;
      long found = search(Inputs.lines(text), compiled, s, withName ? name : null, output);
      selected |= found > 0;
      if (s.quiet && found > 0) {
        return 0;
      }
      if (s.filesWith && found > 0 || s.filesWithout && found == 0) {
        call.out().println(name);
      }
    }
    return error ? 2 : selected ? 0 : 1;
  }

  private static int usage(PrintStream err) {
    err.println(USAGE);
    err.println("Try 'grep --help' for more information.");
    return 2;
  }

  /** Prints the selected lines (or counts) of one input; returns how many lines were selected. */
  private static long search(List<String> lines, List<Pattern> patterns, Settings s, String name, Output output) {
    long limit = s.max < 0 ? Long.MAX_VALUE : s.max;
    boolean printLines = !s.quiet && !s.count && !s.filesWith && !s.filesWithout;
    long found = 0;
    int afterLeft = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (found >= limit) {
        if (printLines && !s.only && afterLeft > 0) {
          output.line(name, i, '-', line, s.numbers);
          afterLeft--;
          continue;
        }
        break;
      }
      if (matches(line, patterns) == s.invert) {
        if (printLines && !s.only && afterLeft > 0) {
          output.line(name, i, '-', line, s.numbers);
          afterLeft--;
        }
        continue;
      }
      found++;
      if (s.quiet) {
        return found;
      }
      if (!printLines) {
        continue;
      }
      if (s.only) {
        if (!s.invert) {
          for (String match : matchesOf(line, patterns)) {
            output.line(name, i, ':', match, s.numbers);
          }
        }
        continue;
      }
      for (int k = Math.max(0, i - s.before); k < i; k++) {
        if (k > output.lastLine(name)) {
          output.line(name, k, '-', lines.get(k), s.numbers);
        }
      }
      output.line(name, i, ':', line, s.numbers);
      afterLeft = s.after;
    }
    if (s.count) {
      output.out.println((name == null ? "" : name + ":") + found);
    }
    return found;
  }

  private static boolean matches(String line, List<Pattern> patterns) {
    for (Pattern pattern : patterns) {
      if (pattern.matcher(line).find()) {
        return true;
      }
    }
    return false;
  }

  /** The non-empty matches in {@code line}, leftmost first, each as long as it can be. */
  private static List<String> matchesOf(String line, List<Pattern> patterns) {
    List<String> found = new ArrayList<>();
    int from = 0;
    while (from <= line.length()) {
      int start = -1;
      for (Pattern pattern : patterns) {
        Matcher m = pattern.matcher(line);
        if (m.find(from) && (start < 0 || m.start() < start)) {
          start = m.start();
        }
      }
      if (start < 0) {
        break;
      }
      int end = start;
      for (Pattern pattern : patterns) {
        Matcher m = pattern.matcher(line).useTransparentBounds(true).useAnchoringBounds(false);
        m.region(start, line.length());
        if (m.lookingAt()) {
          end = Math.max(end, m.end());
        }
        for (int e = Math.min(line.length(), start + LONGEST_MATCH_WINDOW); e > end; e--) {
          m.region(start, e);
          if (m.matches()) {
            end = e;
            break;
          }
        }
      }
      if (end == start) {
        from = start + 1;
        continue;
      }
      found.add(line.substring(start, end));
      from = end;
    }
    return found;
  }

  /** Output lines with grep's prefixes, and {@code --} between groups that are not adjacent. */
  private static final class Output {
    private final PrintStream out;
    private final boolean context;
    private String lastName;
    private int lastIndex = -1;
    private boolean any;

    Output(PrintStream out, boolean context) {
      this.out = out;
      this.context = context;
    }

    int lastLine(String name) {
      return Objects.equals(name, lastName) ? lastIndex : -1;
    }

    void line(String name, int index, char separator, String text, boolean numbers) {
      boolean adjacent = Objects.equals(name, lastName) && (index == lastIndex + 1 || index == lastIndex);
      if (context && any && !adjacent) {
        out.println("--");
      }
      any = true;
      lastName = name;
      lastIndex = index;
      StringBuilder prefix = new StringBuilder();
      if (name != null) {
        prefix.append(name).append(separator);
      }
      if (numbers) {
        prefix.append(index + 1).append(separator);
      }
      out.println(prefix + text);
    }
  }
}
