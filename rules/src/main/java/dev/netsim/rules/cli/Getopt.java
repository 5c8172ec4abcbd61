package dev.netsim.rules.cli;

import dev.netsim.rules.ext.OptionSpec.Arg;
import java.util.List;

/**
 * GNU {@code getopt_long} as iptables calls it: optstring starting with {@code "-:"} (non-options are returned
 * in order, a missing argument is reported apart from an unknown option), long options given as a table that
 * grows while parsing (extensions add theirs), unique prefixes of long options accepted.
 */
final class Getopt {
  /** A long option in the table: its name, argument mode and who owns it. */
  record LongOption(String name, Arg arg, Object owner) {}

  /** What one call returns. */
  enum Kind {
    /** A short option: {@link Result#shortName}. */
    SHORT,
    /** A long option: {@link Result#longOption}. */
    LONG,
    /** A non-option argument (getopt's code 1), in {@link Result#optarg}. */
    NONOPTION,
    /** An unknown or ambiguous option (getopt's {@code '?'}); {@link Result#text} is how iptables names it. */
    UNKNOWN,
    /** A known option without its required argument (getopt's {@code ':'}). */
    MISSING_ARGUMENT,
    /** No more options. */
    END
  }

  record Result(Kind kind, char shortName, LongOption longOption, String optarg, String text) {}

  private final List<String> argv;
  private final String shortOptions;
  private int optind = 1;
  /** The rest of a cluster of short options being parsed ({@code "vL"} of {@code -nvL}), or null. */
  private String nextchar;

  /**
   * @param argv the arguments, argv[0] being the program name
   * @param shortOptions the short options as in a getopt optstring, without the leading {@code "-:"}
   */
  Getopt(List<String> argv, String shortOptions) {
    this.argv = argv;
    this.shortOptions = shortOptions;
  }

  int optind() {
    return optind;
  }

  /** Consumes argv[optind] (for options such as {@code -I CHAIN NUM} that take extra words). */
  String take() {
    return argv.get(optind++);
  }

  /** Whether argv[optind] exists and is a word for the current option (not starting with - or !). */
  boolean hasArgument() {
    if (optind >= argv.size()) {
      return false;
    }
    String next = argv.get(optind);
    return next.isEmpty() || (next.charAt(0) != '-' && next.charAt(0) != '!');
  }

  /** Steps back one word, so that the next call parses the same word again. */
  void rewind() {
    optind--;
    nextchar = null;
  }

  int argc() {
    return argv.size();
  }

  String arg(int index) {
    return argv.get(index);
  }

  Result next(List<LongOption> longOptions) {
    if (nextchar == null || nextchar.isEmpty()) {
      nextchar = null;
      if (optind >= argv.size()) {
        return new Result(Kind.END, '\0', null, null, null);
      }
      String word = argv.get(optind);
      if (word.equals("--")) {
        optind++;
        return new Result(Kind.END, '\0', null, null, null);
      }
      if (word.length() < 2 || word.charAt(0) != '-') {
        optind++;
        return new Result(Kind.NONOPTION, '\0', null, word, null);
      }
      if (word.startsWith("--")) {
        return longOption(word, longOptions);
      }
      nextchar = word.substring(1);
      optind++;
    }
    return shortOption();
  }

  private Result shortOption() {
    char c = nextchar.charAt(0);
    nextchar = nextchar.substring(1);
    int at = c == ':' ? -1 : shortOptions.indexOf(c);
    if (at < 0) {
      nextchar = null;
      return new Result(Kind.UNKNOWN, c, null, null, "-" + c);
    }
    boolean takesArg = at + 1 < shortOptions.length() && shortOptions.charAt(at + 1) == ':';
    boolean optional = takesArg && at + 2 < shortOptions.length() && shortOptions.charAt(at + 2) == ':';
    if (!takesArg) {
      return new Result(Kind.SHORT, c, null, null, null);
    }
    String optarg = null;
    if (!nextchar.isEmpty()) {
      optarg = nextchar;
    } else if (!optional) {
      if (optind >= argv.size()) {
        nextchar = null;
        return new Result(Kind.MISSING_ARGUMENT, c, null, null, "-" + c);
      }
      optarg = argv.get(optind++);
    }
    nextchar = null;
    return new Result(Kind.SHORT, c, null, optarg, null);
  }

  private Result longOption(String word, List<LongOption> longOptions) {
    optind++;
    int eq = word.indexOf('=');
    String name = eq < 0 ? word.substring(2) : word.substring(2, eq);
    LongOption found = null;
    boolean ambiguous = false;
    for (LongOption option : longOptions) {
      if (!option.name().startsWith(name)) {
        continue;
      }
      if (option.name().length() == name.length()) {
        found = option;
        ambiguous = false;
        break;
      }
      if (found == null) {
        found = option;
      } else if (!sameOption(found, option)) {
        ambiguous = true;
      }
    }
    if (found == null || ambiguous || name.isEmpty()) {
      return new Result(Kind.UNKNOWN, '\0', null, null, word);
    }
    String optarg = null;
    if (eq >= 0) {
      if (found.arg() == Arg.NONE) {
        return new Result(Kind.UNKNOWN, '\0', null, null, word);
      }
      optarg = word.substring(eq + 1);
    } else if (found.arg() == Arg.REQUIRED) {
      if (optind >= argv.size()) {
        return new Result(Kind.MISSING_ARGUMENT, '\0', found, null, word);
      }
      optarg = argv.get(optind++);
    }
    return new Result(Kind.LONG, '\0', found, optarg, null);
  }

  /** getopt treats two table entries as one option when they have the same argument mode and target. */
  private static boolean sameOption(LongOption a, LongOption b) {
    return a.arg() == b.arg() && a.owner().equals(b.owner());
  }
}
