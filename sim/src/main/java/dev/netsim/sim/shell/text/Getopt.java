package dev.netsim.sim.shell.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GNU getopt_long as coreutils and grep use it: short options in clusters ({@code -vc}), option arguments
 * attached or separate ({@code -n5}, {@code -n 5}, {@code --lines=5}, {@code --lines 5}), unambiguous
 * prefixes of long options, options after operands (argument permutation), {@code --} ending options, and
 * optionally {@code -NUM} as an option named {@code "#"}.
 */
public final class Getopt {
  /** One option as given: its canonical name (a letter or the long name) and its argument or null. */
  public record Option(String name, String value) {}

  /** A usage error, with getopt's message (without the program name). */
  public static final class UsageError extends Exception {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message, null, false, false);
    }
  }

  public final List<Option> options = new ArrayList<>();
  public final List<String> operands = new ArrayList<>();

  /**
   * @param shortOptions option letters; a letter followed by ':' takes an argument
   * @param longOptions long names mapped to the short letter they mean (or to themselves); a trailing '='
   *     in the key marks one that takes an argument, a trailing '?' one whose argument is optional
   *     ({@code --color[=WHEN]})
   * @param numbers whether {@code -NUM} is an option
   */
  public Getopt(List<String> args, String shortOptions, Map<String, String> longOptions, boolean numbers) throws UsageError {
    int i = 0;
    while (i < args.size()) {
      String arg = args.get(i++);
      if (arg.equals("--")) {
        operands.addAll(args.subList(i, args.size()));
        return;
      }
      if (arg.startsWith("--")) {
        i = parseLong(arg, args, i, longOptions);
      } else if (arg.startsWith("-") && arg.length() > 1) {
        if (numbers && Character.isDigit(arg.charAt(1))) {
          int end = 1;
          while (end < arg.length() && Character.isDigit(arg.charAt(end))) {
            end++;
          }
          options.add(new Option("#", arg.substring(1, end)));
          if (end == arg.length()) {
            continue;
          }
          arg = "-" + arg.substring(end);
        }
        for (int k = 1; k < arg.length(); k++) {
          char c = arg.charAt(k);
          int at = shortOptions.indexOf(c);
          if (at < 0 || c == ':') {
            throw new UsageError("invalid option -- '" + c + "'");
          }
          boolean takesArgument = at + 1 < shortOptions.length() && shortOptions.charAt(at + 1) == ':';
          if (!takesArgument) {
            options.add(new Option(String.valueOf(c), null));
            continue;
          }
          if (k + 1 < arg.length()) {
            options.add(new Option(String.valueOf(c), arg.substring(k + 1)));
          } else if (i < args.size()) {
            options.add(new Option(String.valueOf(c), args.get(i++)));
          } else {
            throw new UsageError("option requires an argument -- '" + c + "'");
          }
          break;
        }
      } else {
        operands.add(arg);
      }
    }
  }

  private int parseLong(String arg, List<String> args, int next, Map<String, String> longOptions) throws UsageError {
    int eq = arg.indexOf('=');
    String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
    String match = null;
    for (String key : longOptions.keySet()) {
      String option = key.endsWith("=") || key.endsWith("?") ? key.substring(0, key.length() - 1) : key;
      if (option.equals(name)) {
        match = key;
        break;
      }
      if (option.startsWith(name)) {
        if (match != null && !longOptions.get(match).equals(longOptions.get(key))) {
          throw new UsageError("option '" + arg + "' is ambiguous");
        }
        match = key;
      }
    }
    if (match == null) {
      throw new UsageError("unrecognized option '" + arg + "'");
    }
    String canonical = longOptions.get(match);
    String fullName = match.endsWith("=") || match.endsWith("?") ? match.substring(0, match.length() - 1) : match;
    if (match.endsWith("?")) {
      options.add(new Option(canonical, eq >= 0 ? arg.substring(eq + 1) : null));
    } else if (match.endsWith("=")) {
      if (eq >= 0) {
        options.add(new Option(canonical, arg.substring(eq + 1)));
      } else if (next < args.size()) {
        options.add(new Option(canonical, args.get(next++)));
      } else {
        throw new UsageError("option '--" + fullName + "' requires an argument");
      }
    } else {
      if (eq >= 0) {
        throw new UsageError("option '--" + fullName + "' doesn't allow an argument");
      }
      options.add(new Option(canonical, null));
    }
    return next;
  }
}
