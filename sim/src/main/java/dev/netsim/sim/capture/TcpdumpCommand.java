package dev.netsim.sim.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code tcpdump} command line, read as tcpdump 4.99 reads it with GNU getopt: options may be bundled
 * ({@code -nne}), take their argument attached or as the next word ({@code -c5}, {@code -c 5}), and appear
 * anywhere until {@code --}; the words that are not options form the filter expression.
 *
 * @param device {@code -i}; null when not given (tcpdump then picks the first interface that is up)
 * @param format {@code -n}, {@code -e}, {@code -S}, {@code -t}..., {@code -#}
 * @param count {@code -c}; 0 when not given
 * @param writeFile {@code -w}, or null
 * @param readFile {@code -r}, or null
 * @param direction {@code -Q}
 * @param promiscuous false with {@code -p}
 * @param snapshotLength {@code -s} (0 means the default, 262144)
 * @param expression the filter words joined by spaces ("" for none)
 * @param action what to do: capture, or print the version or the help text
 */
public record TcpdumpCommand(
    String device, FormatOptions format, long count, String writeFile, String readFile, CaptureDirection direction,
    boolean promiscuous, int snapshotLength, String expression, Action action) {
  /** What the command line asks for. */
  public enum Action { CAPTURE, VERSION, HELP }

  /** Options that change nothing in a simulation (buffering, buffer size, optimisation, privileges). */
  private static final String NO_OP_FLAGS = "lKNOU";
  private static final String NO_OP_WITH_ARGUMENT = "BZ";
  /** Valid tcpdump options netsim does not simulate. */
  private static final String UNSIMULATED_FLAGS = "AbdDfHIJLquvxX";
  private static final String UNSIMULATED_WITH_ARGUMENT = "CEFGjmMTVWyz";
  private static final Set<String> LONG_NO_OP = Set.of("immediate-mode");

  public TcpdumpCommand {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(action, "action");
  }

  /** A command line tcpdump refuses or netsim does not simulate: what to print to stderr, and the status. */
  public static final class Refusal extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    Refusal(String text, int status) {
      super(text);
      this.status = status;
    }

    /** tcpdump's standard error output (whole lines, each ending in a newline). */
    public String text() {
      return getMessage();
    }

    /** The exit status: 1 as tcpdump's, 127 for something netsim does not simulate. */
    public int status() {
      return status;
    }
  }

  /** tcpdump's version lines, as {@code --version} prints them. */
  public static String versionText() {
    return resource("tcpdump-version.txt");
  }

  /** The version lines and the usage summary, as {@code -h} prints them. */
  public static String helpText() {
    return versionText() + resource("tcpdump-usage.txt");
  }

  private static String resource(String name) {
    try (InputStream in = TcpdumpCommand.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Refusal usage(String problem) {
    return new Refusal("tcpdump: " + problem + "\n" + helpText(), 1);
  }

  private static Refusal error(String message) {
    return new Refusal("tcpdump: " + message + "\n", 1);
  }

  /** The message for a valid option netsim does not simulate. */
  static Refusal notSimulated(List<String> argv) {
    return new Refusal("netsim: not simulated: " + String.join(" ", argv) + "\n", 127);
  }

  /** Parses {@code argv} (program name first). */
  public static TcpdumpCommand parse(List<String> argv) throws Refusal {
    Builder command = new Builder();
    List<String> words = new ArrayList<>();
    boolean optionsEnded = false;
    for (int i = 1; i < argv.size(); i++) {
      String arg = argv.get(i);
      if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
        words.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        optionsEnded = true;
        continue;
      }
      if (arg.startsWith("--")) {
        i = longOption(command, argv, i);
        continue;
      }
      for (int j = 1; j < arg.length(); j++) {
        char option = arg.charAt(j);
        if ("BcCEFGijmMQrsTVwWyzZ".indexOf(option) >= 0) {
          String value;
          if (j + 1 < arg.length()) {
            value = arg.substring(j + 1);
          } else if (i + 1 < argv.size()) {
            value = argv.get(++i);
          } else {
            throw usage("option requires an argument -- '" + option + "'");
          }
          withArgument(command, option, value, argv);
          break;
        }
        flag(command, option, argv);
      }
    }
    if (command.tees > 5) {
      throw error("only -t, -tt, -ttt, -tttt and -ttttt are supported");
    }
    return command.build(String.join(" ", words));
  }

  private static int longOption(Builder command, List<String> argv, int i) throws Refusal {
    String arg = argv.get(i);
    String name = arg.substring(2);
    String value = null;
    int equals = name.indexOf('=');
    if (equals >= 0) {
      value = name.substring(equals + 1);
      name = name.substring(0, equals);
    }
    switch (name) {
      case "version" -> command.action = Action.VERSION;
      case "help" -> command.action = Action.HELP;
      case "number" -> command.numbered = true;
      case "interface" -> {
        if (value == null) {
          if (i + 1 >= argv.size()) {
            throw usage("option '--interface' requires an argument");
          }
          value = argv.get(++i);
        }
        command.device = value;
      }
      case "count", "print", "micro", "nano", "time-stamp-precision", "list-interfaces", "list-time-stamp-types",
          "direction", "relinquish-privileges", "snapshot-length" -> throw notSimulated(argv);
      default -> {
        if (!LONG_NO_OP.contains(name)) {
          throw usage("unrecognized option '" + arg + "'");
        }
      }
    }
    return i;
  }

  private static void flag(Builder command, char option, List<String> argv) throws Refusal {
    if (NO_OP_FLAGS.indexOf(option) >= 0) {
      return;
    }
    if (UNSIMULATED_FLAGS.indexOf(option) >= 0) {
      throw notSimulated(argv);
    }
    switch (option) {
      case 'n' -> command.numeric = true;
      case 'e' -> command.linkHeader = true;
      case 'S' -> command.absoluteSequence = true;
      case 't' -> command.tees++;
      case '#' -> command.numbered = true;
      case 'p' -> command.promiscuous = false;
      case 'h' -> command.action = Action.HELP;
      default -> throw usage("invalid option -- '" + option + "'");
    }
  }

  private static void withArgument(Builder command, char option, String value, List<String> argv) throws Refusal {
    if (NO_OP_WITH_ARGUMENT.indexOf(option) >= 0) {
      return;
    }
    if (UNSIMULATED_WITH_ARGUMENT.indexOf(option) >= 0) {
      throw notSimulated(argv);
    }
    switch (option) {
      case 'i' -> command.device = value;
      case 'c' -> {
        long count = parseLong(value);
        if (count <= 0) {
          throw error("invalid packet count " + value);
        }
        command.count = count;
      }
      case 'w' -> command.writeFile = value;
      case 'r' -> command.readFile = value;
      case 'Q' -> command.direction = switch (value) {
        case "in" -> CaptureDirection.IN;
        case "out" -> CaptureDirection.OUT;
        case "inout" -> CaptureDirection.INOUT;
        default -> throw error("unknown capture direction `" + value + "'");
      };
      case 's' -> {
        long length = parseLong(value);
        if (length < 0 || length > PcapWriter.SNAPSHOT_LENGTH) {
          throw error("invalid snaplen " + value + " (must be >= 0 and <= " + PcapWriter.SNAPSHOT_LENGTH + ")");
        }
        command.snapshotLength = (int) length;
      }
      default -> throw new IllegalStateException("option -" + option);
    }
  }

  /** A whole decimal number, or -1 when the text is not one. */
  private static long parseLong(String text) {
    if (text.isEmpty() || text.length() > 18) {
      return -1;
    }
    for (int i = text.startsWith("-") ? 1 : 0; i < text.length(); i++) {
      if (!Character.isDigit(text.charAt(i))) {
        return -1;
      }
    }
    return text.equals("-") ? -1 : Long.parseLong(text);
  }

  /** The snapshot length to record: tcpdump's default for 0. */
  public int effectiveSnapshotLength() {
    return snapshotLength == 0 ? PcapWriter.SNAPSHOT_LENGTH : snapshotLength;
  }

  private static final class Builder {
    String device;
    boolean numeric;
    boolean linkHeader;
    boolean absoluteSequence;
    int tees;
    boolean numbered;
    long count;
    String writeFile;
    String readFile;
    CaptureDirection direction = CaptureDirection.INOUT;
    boolean promiscuous = true;
    int snapshotLength;
    Action action = Action.CAPTURE;

    TcpdumpCommand build(String expression) {
      FormatOptions format = new FormatOptions(AddressNames.of(numeric), linkHeader, absoluteSequence,
          TimestampStyle.ofFlagCount(tees), numbered);
      return new TcpdumpCommand(device, format, count, writeFile, readFile, direction, promiscuous, snapshotLength,
          expression, action);
    }
  }
}
