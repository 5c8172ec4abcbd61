package dev.netsim.rules.cli;

import dev.netsim.rules.ext.CNumbers;
import dev.netsim.rules.ext.ExtensionRegistry;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.OptionSpec.Arg;
import dev.netsim.rules.model.Chain;
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.Policy;
import dev.netsim.rules.model.Table;
import dev.netsim.rules.model.TableName;
import dev.netsim.rules.state.IptablesState;
import dev.netsim.rules.state.KernelRefusal;
import dev.netsim.rules.state.Transaction;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code iptables-restore} program (1.8.9, nf_tables): reads an iptables-save dump and applies each table
 * atomically at its COMMIT line; a table that fails leaves the rules it would have replaced as they were
 * (tables committed before it stay). Without {@code --noflush} a table is replaced whole.
 */
public final class IptablesRestore {
  /** Reads a file named on the command line. */
  @FunctionalInterface
  public interface InputFiles {
    /**
     * The file's text.
     *
     * @throws IOException when it cannot be opened; the message is why, in strerror's words
     *     ("No such file or directory", "Permission denied")
     */
    String read(String name) throws IOException;
  }

  /** No file at all: every name is not found. */
  public static final InputFiles NO_FILES = name -> {
    throw new IOException("No such file or directory");
  };

  private static final String PROGRAM = "iptables-restore";

  private final IptablesState state;
  private final ExtensionRegistry registry;
  private final InputFiles files;
  /** The first jump to a missing chain in the current table, reported at its COMMIT as iptables-nft does. */

  /**
   * @param files reads the file named on the command line
   */
  public IptablesRestore(IptablesState state, InputFiles files) {
    this(state, ExtensionRegistry.standard(), files);
  }

  public IptablesRestore(IptablesState state, ExtensionRegistry registry, InputFiles files) {
    this.state = state;
    this.registry = registry;
    this.files = files;
  }

  /** Options of one run. */
  private record Options(boolean counters, boolean noflush, boolean test, boolean verbose, String onlyTable) {}

  /** Runs {@code iptables-restore ARGS} on {@code stdin} (or the named file). Returns the exit status. */
  public int run(List<String> argv, String stdin, PrintStream out, PrintStream err) {
    boolean counters = false;
    boolean noflush = false;
    boolean test = false;
    boolean verbose = false;
    String onlyTable = null;
    Getopt getopt = new Getopt(argv, "bcvVthnM:T:wW");
    List<Getopt.LongOption> longOptions = List.of(
        new Getopt.LongOption("binary", Arg.NONE, 'b'),
        new Getopt.LongOption("counters", Arg.NONE, 'c'),
        new Getopt.LongOption("verbose", Arg.NONE, 'v'),
        new Getopt.LongOption("version", Arg.NONE, 'V'),
        new Getopt.LongOption("test", Arg.NONE, 't'),
        new Getopt.LongOption("help", Arg.NONE, 'h'),
        new Getopt.LongOption("noflush", Arg.NONE, 'n'),
        new Getopt.LongOption("modprobe", Arg.REQUIRED, 'M'),
        new Getopt.LongOption("table", Arg.REQUIRED, 'T'),
        new Getopt.LongOption("wait", Arg.OPTIONAL, 'w'),
        new Getopt.LongOption("wait-interval", Arg.OPTIONAL, 'W'));
    boolean parsing = true;
    while (parsing) {
      Getopt.Result result = getopt.next(longOptions);
      switch (result.kind()) {
        case END -> parsing = false;
        case NONOPTION -> {
          getopt.rewind();
          parsing = false;
        }
        case UNKNOWN -> {
          err.print(result.text().startsWith("--") ? PROGRAM + ": unrecognized option '" + result.text() + "'\n"
              : PROGRAM + ": invalid option -- '" + result.shortName() + "'\n");
          err.print("Try `" + PROGRAM + " -h' for more information.\n");
          return 1;
        }
        case MISSING_ARGUMENT -> {
          err.print(result.text().startsWith("--")
              ? PROGRAM + ": option '" + result.text() + "' requires an argument\n"
              : PROGRAM + ": option requires an argument -- '" + result.shortName() + "'\n");
          err.print("Try `" + PROGRAM + " -h' for more information.\n");
          return 1;
        }
        default -> {
          char letter = result.kind() == Getopt.Kind.SHORT ? result.shortName()
              : (Character) result.longOption().owner();
          switch (letter) {
            case 'c' -> counters = true;
            case 'v' -> verbose = true;
            case 't' -> test = true;
            case 'n' -> noflush = true;
            case 'T' -> onlyTable = result.optarg();
            case 'V' -> {
              out.print(PROGRAM + " v" + Help.VERSION + "\n");
              return 0;
            }
            case 'h' -> {
              out.print(Help.restoreText());
              return 0;
            }
            case 'w', 'W' -> {
              // accepted and ignored; like iptables, a following word that is not an option is their value
              if (result.optarg() == null && getopt.hasArgument()) {
                getopt.take();
              }
            }
            default -> {
              // -b and -M are accepted and have no effect
            }
          }
        }
      }
    }
    String input = stdin;
    if (getopt.optind() < getopt.argc()) {
      if (getopt.argc() - getopt.optind() > 1) {
        err.print("Unknown arguments found on commandline\n");
        return 1;
      }
      String name = getopt.arg(getopt.optind());
      try {
        input = files.read(name);
      } catch (IOException e) {
        err.print("Can't open " + name + ": " + e.getMessage() + "\n");
        return 1;
      }
    }
    return restore(input, new Options(counters, noflush, test, verbose, onlyTable), out, err);
  }

  /**
   * What one table of the input has pending: the first jump to a chain that did not exist when its rule was
   * read (the kernel only refuses it when the table is committed, so the error is reported at COMMIT), and
   * the first command iptables-nft or the kernel could not carry out ("Index of insertion too big.", "Bad
   * rule ...", ELOOP), found only when the batch is prepared and sent at COMMIT, after every line has parsed,
   * but reported with the command's line.
   */
  private static final class Pending {
    IptablesException missingJump;
    /** An {@link IptablesException} or a {@link KernelRefusal}. */
    RuntimeException failed;
    int failedLine;
  }

  private int restore(String input, Options options, PrintStream out, PrintStream err) {
    Pending pending = new Pending();
    String[] lines = input.split("\n", -1);
    int count = input.endsWith("\n") ? lines.length - 1 : lines.length;
    Transaction tx = null;
    TableName table = null;
    boolean skipping = false;
    int number = 0;
    try {
      for (int i = 0; i < count; i++) {
        number = i + 1;
        String line = lines[i];
        if (line.isEmpty() || line.charAt(0) == '#') {
          if (options.verbose() && !line.isEmpty()) {
            out.print(line + "\n");
          }
          continue;
        }
        boolean inTable = tx != null || skipping;
        if (inTable && line.equals("COMMIT")) {
          // The kernel finds a jump to a missing chain only when the batch is sent; -t never sends it. That
          // error comes before those of commands that could not be carried out.
          if (pending.missingJump != null && !options.test()) {
            throw pending.missingJump;
          }
          if (pending.failed != null) {
            tx.abort();
            return pending.failed instanceof KernelRefusal refusal
                ? ErrorPrinter.print(err, PROGRAM, refusal, pending.failedLine)
                : ErrorPrinter.print(err, PROGRAM, (IptablesException) pending.failed, pending.failedLine);
          }
          pending.missingJump = null;
          if (tx != null) {
            if (options.test()) {
              tx.abort();
            } else {
              tx.commit();
            }
          }
          tx = null;
          skipping = false;
          continue;
        }
        if (!inTable && line.charAt(0) == '*') {
          String name = firstWord(line.substring(1));
          if (name == null) {
            throw IptablesException.parameter(PROGRAM + ": line " + number + " table name invalid");
          }
          table = TableName.byId(name);
          if (table == null) {
            throw IptablesException.parameter(PROGRAM + ": line " + number + " table name '" + name + "' invalid");
          }
          if (options.onlyTable() != null && !options.onlyTable().equals(name)) {
            skipping = true;
            continue;
          }
          tx = state.begin();
          // with --noflush the table is created by the first line that needs it: an empty section creates none
          if (!options.noflush()) {
            if (options.verbose()) {
              flushMessages(table, out);
            }
            tx.replaceTable(table);
          }
          continue;
        }
        if (skipping) {
          continue;
        }
        if (tx == null) {
          err.print(PROGRAM + ": line " + number + " failed\n");
          return 1;
        }
        if (line.charAt(0) == ':') {
          try {
            chainLine(line, number, table, tx, options);
          } catch (IptablesException error) {
            // like a rule's command, a chain line that cannot be carried out ("Bad policy name.") fails at COMMIT
            if (error.kind() != IptablesException.Kind.STRERROR) {
              throw error;
            }
            if (pending.failed == null) {
              pending.failed = error;
              pending.failedLine = number;
            }
          }
          continue;
        }
        ruleLine(line, number, table, tx, options, pending, out, err);
      }
    } catch (IptablesException error) {
      if (tx != null) {
        tx.abort();
      }
      return ErrorPrinter.print(err, PROGRAM, error, number);
    } catch (KernelRefusal refusal) {
      tx.abort();
      return ErrorPrinter.print(err, PROGRAM, refusal, number);
    }
    if (tx != null || skipping) {
      if (tx != null) {
        tx.abort();
      }
      err.print(PROGRAM + ": COMMIT expected at line " + (count + 1) + "\n");
      return 1;
    }
    return 0;
  }

  private void flushMessages(TableName name, PrintStream out) {
    Table table = state.ruleset().tableOrEmpty(name);
    for (Chain chain : table.chains()) {
      out.print("Flushing chain `" + chain.name() + "'\n");
    }
  }

  /** {@code :CHAIN POLICY [packets:bytes]}. */
  private void chainLine(String line, int number, TableName table, Transaction tx, Options options) {
    String[] words = line.substring(1).trim().split("[ \t]+");
    if (words.length == 0 || words[0].isEmpty()) {
      throw IptablesException.parameter(PROGRAM + ": line " + number + " chain name invalid");
    }
    String chain = words[0];
    if (chain.length() >= CommandParser.MAX_NAME) {
      throw IptablesException.parameter("chain name `" + chain + "' too long (must be under "
          + CommandParser.MAX_NAME + " chars)");
    }
    if (words.length < 2) {
      throw IptablesException.parameter(PROGRAM + ": line " + number + " policy invalid");
    }
    String policyName = words[1];
    Hook hook = Hook.byChainName(chain);
    if (hook != null && table.hasBuiltin(hook)) {
      if (policyName.equals("-")) {
        return;
      }
      long[] counters = {0, 0};
      if (options.counters()) {
        counters = words.length > 2 ? parseCounters(words[2]) : null;
        if (counters == null) {
          throw IptablesException.parameter("invalid policy counters for chain '" + chain + "'");
        }
      }
      Policy policy = IptablesCommand.policyNamed(policyName, "");
      tx.setPolicy(table, hook, policy, counters[0], counters[1]);
      return;
    }
    if (tx.chainExists(table, chain)) {
      tx.flush(table, chain, false);
    } else {
      tx.newChain(table, chain);
    }
  }

  /** {@code [packets:bytes]}, or null when it is not that. */
  private static long[] parseCounters(String text) {
    if (!text.startsWith("[") || !text.endsWith("]")) {
      return null;
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      return null;
    }
    Long packets = CNumbers.scanUnsigned(text.substring(1, colon));
    Long bytes = CNumbers.scanUnsigned(text.substring(colon + 1, text.length() - 1));
    return packets == null || bytes == null ? null : new long[] {packets, bytes};
  }

  private void ruleLine(String line, int number, TableName table, Transaction tx, Options options,
      Pending pending, PrintStream out, PrintStream err) {
    String text = line;
    List<String> argv = new ArrayList<>();
    argv.add(PROGRAM);
    if (text.charAt(0) == '[') {
      int close = text.indexOf(']');
      if (close < 0) {
        throw IptablesException.parameter("Bad line " + number + ": need ]");
      }
      int colon = text.indexOf(':');
      if (colon < 0 || colon > close) {
        throw IptablesException.parameter("Bad line " + number + ": need :");
      }
      if (options.counters()) {
        argv.add("--set-counters");
        argv.add(text.substring(1, colon));
        argv.add(text.substring(colon + 1, close));
      }
      text = text.substring(close + 1);
    }
    // the line's newline is part of it, as fgets reads it: a quote left open takes it into its word
    argv.addAll(words(text + "\n"));
    CommandParser parser = new CommandParser(registry, true, PROGRAM, table.id(), state.ipsets()::contains);
    ParsedCommand command;
    try {
      command = parser.parse(argv);
    } catch (CommandParser.EarlyExit exit) {
      out.print(exit.output);
      return;
    } finally {
      for (String warning : parser.warnings()) {
        err.print(warning + "\n");
      }
    }
    if (pending.failed != null) {
      return; // the batch fails at COMMIT anyway; later lines are only parsed
    }
    try {
      IptablesCommand.apply(command, table, tx, out, options.verbose() || command.verboseOn(), missing -> {
        if (pending.missingJump == null) {
          pending.missingJump = missing;
        }
      });
    } catch (IptablesException error) {
      if (error.kind() != IptablesException.Kind.STRERROR) {
        throw error;
      }
      pending.failed = error;
      pending.failedLine = number;
    } catch (KernelRefusal refusal) {
      pending.failed = refusal;
      pending.failedLine = number;
    }
  }

  /**
   * iptables-restore's word splitting: blanks and newlines separate, double quotes group (a newline too),
   * backslash escapes in quotes.
   */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean escaped = false;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (escaped) {
          word.append(c);
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          quoted = false;
        } else {
          word.append(c);
        }
        continue;
      }
      if (c == '"') {
        quoted = true;
        inWord = true;
      } else if (c == ' ' || c == '\t' || c == '\n') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  private static String firstWord(String text) {
    String trimmed = text.trim();
    if (trimmed.isEmpty()) {
      return null;
    }
    return trimmed.split("[ \t]+")[0];
  }
}
