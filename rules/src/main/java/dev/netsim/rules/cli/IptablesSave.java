package dev.netsim.rules.cli;

import dev.netsim.rules.ext.OptionSpec.Arg;
import dev.netsim.rules.model.Chain;
import dev.netsim.rules.model.Rule;
import dev.netsim.rules.model.Ruleset;
import dev.netsim.rules.model.Table;
import dev.netsim.rules.model.TableName;
import dev.netsim.rules.state.CounterStore;
import dev.netsim.rules.state.IptablesState;
import java.io.PrintStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code iptables-save} program (1.8.9, nf_tables): dumps the namespace's existing tables (or the one
 * named by {@code -t}, even when nothing created it yet) in the format iptables-restore reads.
 */
public final class IptablesSave {
  /** ctime(3): {@code Sat Nov 28 17:41:49 2026}, day of month padded with a space. */
  private static final DateTimeFormatter CTIME =
      DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

  private final IptablesState state;
  private final Supplier<ZonedDateTime> clock;
  private final Function<String, PrintStream> files;

  /**
   * @param clock the local time printed in the header and footer comments
   * @param files opens the file of {@code -f FILE} for writing (the caller's file access)
   */
  public IptablesSave(IptablesState state, Supplier<ZonedDateTime> clock, Function<String, PrintStream> files) {
    this.state = state;
    this.clock = clock;
    this.files = files;
  }

  /** Runs {@code iptables-save ARGS}; argv.get(0) is the program name. Returns the exit status. */
  public int run(List<String> argv, PrintStream out, PrintStream err) {
    boolean counters = false;
    String tableName = null;
    String file = null;
    Getopt getopt = new Getopt(argv, "bcdt:M:f:V");
    List<Getopt.LongOption> longOptions = List.of(
        new Getopt.LongOption("counters", Arg.NONE, 'c'),
        new Getopt.LongOption("version", Arg.NONE, 'V'),
        new Getopt.LongOption("dump", Arg.NONE, 'd'),
        new Getopt.LongOption("table", Arg.REQUIRED, 't'),
        new Getopt.LongOption("modprobe", Arg.REQUIRED, 'M'),
        new Getopt.LongOption("file", Arg.REQUIRED, 'f'),
        new Getopt.LongOption("binary", Arg.NONE, 'b'));
    String program = "iptables-save";
    while (true) {
      Getopt.Result result = getopt.next(longOptions);
      switch (result.kind()) {
        case END -> {
          return finish(getopt, counters, tableName, file, out, err);
        }
        case NONOPTION -> {
          // getopt stops at the first non-option in iptables-save (no "-" in its optstring)
          getopt.rewind();
          return finish(getopt, counters, tableName, file, out, err);
        }
        case UNKNOWN -> {
          err.print(result.text().startsWith("--")
              ? program + ": unrecognized option '" + result.text() + "'\n"
              : program + ": invalid option -- '" + result.shortName() + "'\n");
          err.print("Look at manual page `iptables-save.8' for more information.\n");
          return 1;
        }
        case MISSING_ARGUMENT -> {
          err.print(result.text().startsWith("--")
              ? program + ": option '" + result.text() + "' requires an argument\n"
              : program + ": option requires an argument -- '" + result.shortName() + "'\n");
          err.print("Look at manual page `iptables-save.8' for more information.\n");
          return 1;
        }
        default -> {
          char letter = result.kind() == Getopt.Kind.SHORT ? result.shortName()
              : (Character) result.longOption().owner();
          switch (letter) {
            case 'c' -> counters = true;
            case 't' -> tableName = result.optarg();
            case 'f' -> file = result.optarg();
            case 'V' -> {
              out.print(program + " v" + Help.VERSION + "\n");
              return 0;
            }
            case 'b' -> err.print("-b/--binary option is not implemented\n");
            default -> {
              // -d (dump) is the default; -M names the modprobe program, which netsim has no use for
            }
          }
        }
      }
    }
  }

  private int finish(Getopt getopt, boolean counters, String tableName, String file, PrintStream out,
      PrintStream err) {
    if (getopt.optind() < getopt.argc()) {
      err.print("Unknown arguments found on commandline\n");
      return 1;
    }
    List<Table> tables = new ArrayList<>();
    Ruleset ruleset = state.ruleset();
    if (tableName != null) {
      TableName name = TableName.byId(tableName);
      if (name == null) {
        err.print("Table `" + tableName + "' does not exist\n");
        return 1;
      }
      tables.add(ruleset.tableOrEmpty(name));
    } else {
      for (TableName name : TableName.values()) {
        if (ruleset.exists(name)) {
          tables.add(ruleset.table(name));
        }
      }
    }
    PrintStream target = file != null ? files.apply(file) : out;
    String now = CTIME.format(clock.get());
    for (Table table : tables) {
      dump(table, counters, now, target, err);
    }
    target.flush();
    return 0;
  }

  /**
   * Writes one table in iptables-save form, between its header and footer comments; warnings some matches
   * print (connlabel) go to {@code err} before their rule's line.
   */
  private void dump(Table table, boolean counters, String now, PrintStream target, PrintStream err) {
    CounterStore store = state.counters();
    StringBuilder out = new StringBuilder();
    out.append("# Generated by iptables-save v").append(Help.VERSION).append(" on ").append(now).append('\n');
    out.append('*').append(table.name().id()).append('\n');
    for (Chain chain : table.chains()) {
      out.append(':').append(chain.name()).append(' ');
      if (chain.isBuiltin()) {
        out.append(chain.policy().name()).append(" [")
            .append(Long.toUnsignedString(store.policyPackets(table.name(), chain.hook()))).append(':')
            .append(Long.toUnsignedString(store.policyBytes(table.name(), chain.hook()))).append("]\n");
      } else {
        out.append("- [0:0]\n");
      }
    }
    for (Chain chain : table.chains()) {
      for (Rule rule : chain.rules()) {
        if (!rule.spec().matches().stream().allMatch(match -> match.printWarnings().isEmpty())) {
          target.print(out);
          out.setLength(0);
          RulePrinter.printWarnings(rule.spec(), err);
        }
        if (counters) {
          out.append('[').append(Long.toUnsignedString(store.packets(rule.id()))).append(':')
              .append(Long.toUnsignedString(store.bytes(rule.id()))).append("] ");
        }
        out.append(RulePrinter.saveRule(chain.name(), rule.spec(), null)).append('\n');
      }
    }
    out.append("COMMIT\n");
    out.append("# Completed on ").append(now).append('\n');
    target.print(out);
  }
}
