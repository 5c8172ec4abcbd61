package dev.netsim.rules.cli;

import dev.netsim.rules.ext.ExtensionRegistry;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.model.Chain;
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.Policy;
import dev.netsim.rules.model.Rule;
import dev.netsim.rules.model.RuleSpec;
import dev.netsim.rules.model.Table;
import dev.netsim.rules.model.TableName;
import dev.netsim.rules.state.CounterStore;
import dev.netsim.rules.state.IptablesState;
import dev.netsim.rules.state.KernelRefusal;
import dev.netsim.rules.state.Transaction;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code iptables} program (1.8.9, nf_tables flavour) acting on one namespace's {@link IptablesState}:
 * {@code run(argv, out, err)} prints what the real program prints and returns its exit status.
 */
public final class IptablesCommand {
  private final IptablesState state;
  private final ExtensionRegistry registry;

  public IptablesCommand(IptablesState state) {
    this(state, ExtensionRegistry.standard());
  }

  public IptablesCommand(IptablesState state, ExtensionRegistry registry) {
    this.state = state;
    this.registry = registry;
  }

  /**
   * Runs one command line.
   *
   * @param argv the words, argv.get(0) being the program name as typed ({@code iptables})
   */
  public int run(List<String> argv, PrintStream out, PrintStream err) {
    String program = "iptables";
    CommandParser parser = new CommandParser(registry, false, program, "filter", state.ipsets()::contains);
    try {
      ParsedCommand command;
      try {
        command = parser.parse(argv);
      } finally {
        printWarnings(parser.warnings(), err);
      }
      TableName table = TableName.byId(command.table());
      if (table == null) {
        throw new IptablesException(IptablesException.Kind.VERSION,
            "table '" + command.table() + "' does not exist");
      }
      return execute(command, table, out, err);
    } catch (CommandParser.EarlyExit exit) {
      out.print(exit.output);
      return 0;
    } catch (IptablesException error) {
      return ErrorPrinter.print(err, program, error, -1);
    } catch (KernelRefusal refusal) {
      return ErrorPrinter.print(err, program, refusal, -1);
    }
  }

  private static void printWarnings(List<String> warnings, PrintStream err) {
    for (String warning : warnings) {
      err.print(warning + "\n");
    }
    warnings.clear();
  }

  private int execute(ParsedCommand command, TableName table, PrintStream out, PrintStream err) {
    switch (command.command()) {
      case LIST, LIST_RULES -> {
        if (command.command() == CommandKind.LIST) {
          list(command, table, out, err);
        } else {
          listRules(command, table, out, err);
        }
        if (command.alsoZero()) {
          change(command, table, out);
        }
        return 0;
      }
      default -> {
        change(command, table, out);
        return 0;
      }
    }
  }

  /** Applies a changing command in one transaction. */
  private void change(ParsedCommand command, TableName table, PrintStream out) {
    Transaction tx = state.begin();
    try {
      apply(command, table, tx, out, command.verboseOn(), null);
      if (command.command() == CommandKind.CHECK) {
        tx.abort();
      } else {
        tx.commit();
      }
    } catch (RuntimeException e) {
      tx.abort();
      throw e;
    }
  }

  /**
   * Performs {@code command} on {@code tx}; shared with iptables-restore.
   *
   * @param verbose whether to echo rules and name the chains acted on, as {@code -v} does
   * @param missingJump null for the iptables command; for iptables-restore, receives the failure of a jump to
   *     a chain that does not exist instead of it being thrown, and the command is skipped (iptables-restore
   *     reports it at COMMIT)
   */
  static void apply(ParsedCommand command, TableName table, Transaction tx, PrintStream out, boolean verbose,
      Consumer<IptablesException> missingJump) {
    String chain = command.chain();
    switch (command.command()) {
      case APPEND, INSERT, REPLACE, DELETE, CHECK -> {
        for (RuleSpec rule : command.rules()) {
          for (Match match : rule.matches()) {
            match.validate(rule.header());
          }
          rule.target().validate(rule.header());
        }
        if (command.jumpChain() != null && !tx.chainExists(table, command.jumpChain())) {
          IptablesException missing =
              IptablesException.parameter("Chain '" + command.jumpChain() + "' does not exist");
          if (missingJump == null) {
            throw missing;
          }
          missingJump.accept(missing);
          return;
        }
        // iptables-nft echoes a rule (-v) once it has found its chain, position or match in user space: not
        // when that fails, but also when the kernel then refuses the rule. -A looks nothing up: the kernel
        // finds a missing chain, after the echo.
        try {
          changeRules(command, table, tx);
        } catch (KernelRefusal refusal) {
          echoRules(command, verbose, out);
          throw refusal;
        } catch (IptablesException error) {
          if (command.command() == CommandKind.APPEND) {
            echoRules(command, verbose, out);
          }
          throw error;
        }
        echoRules(command, verbose, out);
      }
      case DELETE_NUM -> tx.delete(table, chain, command.ruleNumber());
      case FLUSH -> {
        List<String> flushed = tx.flush(table, chain, verbose);
        if (verbose) {
          for (String name : flushed) {
            out.print("Flushing chain `" + name + "'\n");
          }
        }
      }
      case ZERO, ZERO_NUM, LIST, LIST_RULES -> {
        List<String> zeroed = tx.zero(table, chain, command.command() == CommandKind.ZERO_NUM
            ? command.ruleNumber() : 0);
        if (verbose && command.command() != CommandKind.ZERO_NUM) {
          for (String name : zeroed) {
            out.print("Zeroing chain `" + name + "'\n");
          }
        }
      }
      case NEW_CHAIN -> tx.newChain(table, chain);
      case DELETE_CHAIN -> {
        List<String> deleted = tx.deleteChain(table, chain);
        if (verbose) {
          for (String name : deleted) {
            out.print("Deleting chain `" + name + "'\n");
          }
        }
      }
      case RENAME_CHAIN -> tx.renameChain(table, chain, command.newName());
      case SET_POLICY -> {
        Policy policy = policyNamed(command.policy(), missingJump == null ? " Run `dmesg' for more information." : "");
        Hook hook = Hook.byChainName(chain);
        if (hook == null || !table.hasBuiltin(hook)) {
          throw new IptablesException(IptablesException.Kind.STRERROR, "Bad built-in chain name.");
        }
        tx.setPolicy(table, hook, policy, 0, 0);
      }
    }
  }

  /** The rule changes of -A, -I, -R, -D and -C. */
  private static void changeRules(ParsedCommand command, TableName table, Transaction tx) {
    String chain = command.chain();
    switch (command.command()) {
      case APPEND -> tx.append(table, chain, command.rules(), command.packets(), command.bytes());
      case INSERT -> tx.insert(table, chain, command.ruleNumber(), command.rules(), command.packets(),
          command.bytes());
      case REPLACE -> {
        if (command.rules().size() != 1) {
          throw IptablesException.parameter("Replacement rule does not specify a unique address");
        }
        tx.replace(table, chain, command.ruleNumber(), command.rules().get(0), command.packets(),
            command.bytes());
      }
      case DELETE -> {
        for (RuleSpec rule : command.rules()) {
          tx.delete(table, chain, rule);
        }
      }
      default -> {
        for (RuleSpec rule : command.rules()) {
          tx.check(table, chain, rule);
        }
      }
    }
  }

  private static void echoRules(ParsedCommand command, boolean verbose, PrintStream out) {
    if (verbose) {
      for (RuleSpec rule : command.rules()) {
        out.print(RulePrinter.echoRule(rule) + "\n");
      }
    }
  }

  /**
   * The policy called {@code name}, or iptables' "Bad policy name." followed by {@code hint} (the iptables
   * command suggests dmesg, iptables-restore does not).
   */
  static Policy policyNamed(String name, String hint) {
    for (Policy policy : Policy.values()) {
      if (policy.name().equals(name)) {
        return policy;
      }
    }
    throw new IptablesException(IptablesException.Kind.STRERROR, "Bad policy name." + hint);
  }

  private void list(ParsedCommand command, TableName tableName, PrintStream out, PrintStream err) {
    Table table = state.ruleset().tableOrEmpty(tableName);
    CounterStore counters = state.counters();
    RulePrinter.ListFormat format = new RulePrinter.ListFormat(
        command.numeric(), command.verboseOn(), command.exact(), command.lineNumbers());
    List<Chain> chains = selectedChains(command, table);
    if (command.ruleNumber() > 0) {
      Chain chain = chains.get(0);
      if (command.ruleNumber() <= chain.size()) {
        Rule rule = chain.rules().get(command.ruleNumber() - 1);
        RulePrinter.printWarnings(rule.spec(), err);
        out.print(RulePrinter.listRule(command.ruleNumber(), rule.spec(), counters.packets(rule.id()),
            counters.bytes(rule.id()), format) + "\n");
      }
      return;
    }
    Map<String, Integer> references = table.referenceCounts();
    boolean first = true;
    for (Chain chain : chains) {
      if (!first) {
        out.print("\n");
      }
      first = false;
      long packets = chain.isBuiltin() ? counters.policyPackets(tableName, chain.hook()) : 0;
      long bytes = chain.isBuiltin() ? counters.policyBytes(tableName, chain.hook()) : 0;
      out.print(RulePrinter.chainHeader(chain, packets, bytes, references.getOrDefault(chain.name(), 0), format) + "\n");
      out.print(RulePrinter.columnHeader(format) + "\n");
      int number = 1;
      for (Rule rule : chain.rules()) {
        RulePrinter.printWarnings(rule.spec(), err);
        out.print(RulePrinter.listRule(number++, rule.spec(), counters.packets(rule.id()),
            counters.bytes(rule.id()), format) + "\n");
      }
    }
  }

  private void listRules(ParsedCommand command, TableName tableName, PrintStream out, PrintStream err) {
    Table table = state.ruleset().tableOrEmpty(tableName);
    CounterStore counters = state.counters();
    List<Chain> chains = selectedChains(command, table);
    boolean withCounters = command.verboseOn();
    if (command.ruleNumber() > 0) {
      Chain chain = chains.get(0);
      if (command.ruleNumber() <= chain.size()) {
        Rule rule = chain.rules().get(command.ruleNumber() - 1);
        RulePrinter.printWarnings(rule.spec(), err);
        out.print(RulePrinter.saveRule(chain.name(), rule.spec(), withCounters ? ruleCounters(rule) : null) + "\n");
      }
      return;
    }
    for (Chain chain : chains) {
      if (chain.isBuiltin()) {
        out.print("-P " + chain.name() + " " + chain.policy().name());
        if (withCounters) {
          out.print(" -c " + Long.toUnsignedString(counters.policyPackets(tableName, chain.hook())) + " "
              + Long.toUnsignedString(counters.policyBytes(tableName, chain.hook())));
        }
        out.print("\n");
      } else {
        out.print("-N " + chain.name() + "\n");
      }
    }
    for (Chain chain : chains) {
      for (Rule rule : chain.rules()) {
        RulePrinter.printWarnings(rule.spec(), err);
        out.print(RulePrinter.saveRule(chain.name(), rule.spec(), withCounters ? ruleCounters(rule) : null) + "\n");
      }
    }
  }

  private long[] ruleCounters(Rule rule) {
    return new long[] {state.counters().packets(rule.id()), state.counters().bytes(rule.id())};
  }

  private static List<Chain> selectedChains(ParsedCommand command, Table table) {
    if (command.chain() == null) {
      return table.chains();
    }
    Chain chain = table.chain(command.chain());
    if (chain == null) {
      throw new IptablesException(IptablesException.Kind.OTHER, "chain `" + command.chain() + "' in table `"
          + table.name().id() + "' is incompatible, use 'nft' tool.");
    }
    return List.of(chain);
  }
}
