package dev.netsim.sim.cli;

import dev.netsim.rules.eval.Evaluation;
import dev.netsim.rules.eval.PacketClassifier;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.ReferenceEvaluator;
import dev.netsim.rules.eval.compiled.CompiledClassifier;
import dev.netsim.rules.model.BuiltinStatus;
import dev.netsim.rules.model.Chain;
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.Rule;
import dev.netsim.rules.model.Table;
import dev.netsim.rules.model.TableName;
import dev.netsim.rules.state.IptablesState;
import dev.netsim.rules.workload.Differential;
import dev.netsim.rules.workload.HeaderTrace;
import dev.netsim.rules.workload.PacketSource;
import dev.netsim.rules.workload.RuleSetLoader;
import dev.netsim.rules.workload.RuleSets;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code netsim bench}: how fast netsim classifies packets with a rule set. Loads an iptables-save file (or a
 * generated set), checks that the reference evaluator, the flat linear scan and the compiled classifier agree
 * on every packet, then times each in this process.
 */
final class BenchCommand {
  static final String USAGE = """
      usage: netsim bench (--rules FILE | --generate docker:N|kube:N) [--chain TABLE:CHAIN]
                          [--trace FILE | --random N] [--quick]

      Measures how fast netsim classifies packets with a rule set: loads the rules, checks that the
      reference evaluator, a linear scan over flat arrays and the compiled classifier agree on every packet
      (verdict, deciding rule, mark, every counter), then times each on the same packets, in this process,
      one thread, tracing off.

      options:
        --rules FILE        an iptables-save file (what `iptables-save' prints), or a ClassBench filter set
                            (lines `@SRC/LEN DST/LEN SPORT : SPORT DPORT : DPORT PROTO/MASK ...'), which
                            becomes one filter FORWARD chain, even filters ACCEPT, odd ones DROP
        --generate SET      a generated rule set instead: docker:N (a Docker host with N published
                            containers, at filter:FORWARD) or kube:N (kube-proxy with N Services, at
                            nat:PREROUTING)
        --chain TABLE:CHAIN the built-in chain packets enter (default: the one that reaches the most rules)
        --trace FILE        packet headers, one a line: SRC DST SPORT DPORT PROTO as unsigned decimals
                            (ClassBench's trace format; further columns are ignored)
        --random N          N random headers aimed at the rules' addresses, ports and their edges
                            (default: --random 10000)
        --quick             time each evaluator for about a second, on at most 10000 packets
        -h, --help          show this text

      output: one line per evaluator, `NAME: T ns/packet (P packets/s)', then `speedup vs reference: Nx'.
      exit status: 0 when the evaluators agree, 1 when they do not (the first difference is printed),
      2 for a usage error or unreadable input.
      """;

  private static final int DEFAULT_RANDOM = 10_000;
  private static final int QUICK_PACKETS = 10_000;

  private BenchCommand() {}

  /** What the command line asked for. */
  private record Request(String rulesFile, String generated, String chain, String traceFile, Integer random,
      boolean quick) {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    String rulesFile = null;
    String generated = null;
    String chain = null;
    String traceFile = null;
    Integer random = null;
    boolean quick = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = null;
      if (arg.startsWith("--") && arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
        arg = arg.substring(0, arg.indexOf('='));
      }
      switch (arg) {
        case "-h", "--help" -> {
          out.print(USAGE);
          return 0;
        }
        case "--quick" -> quick = true;
        case "--rules", "--generate", "--chain", "--trace", "--random" -> {
          if (value == null) {
            if (i + 1 >= args.length) {
              return usageError(err, "option `" + arg + "' needs an argument");
            }
            value = args[++i];
          }
          switch (arg) {
            case "--rules" -> rulesFile = value;
            case "--generate" -> generated = value;
            case "--chain" -> chain = value;
            case "--trace" -> traceFile = value;
            default -> {
              random = positive(value);
              if (random == null) {
                return usageError(err, "--random wants a positive number of packets, not `" + value + "'");
              }
            }
          }
        }
        default -> {
          return usageError(err, arg.startsWith("-") ? "unknown option `" + arg + "'"
              : "unexpected argument `" + arg + "'");
        }
      }
    }
    if ((rulesFile == null) == (generated == null)) {
      return usageError(err, rulesFile == null ? "no rules given: use --rules FILE or --generate SET"
          : "--rules and --generate cannot be used together");
    }
    if (traceFile != null && random != null) {
      return usageError(err, "--trace and --random cannot be used together");
    }
    return bench(new Request(rulesFile, generated, chain, traceFile, random, quick), out, err);
  }

  private static Integer positive(String text) {
    try {
      int number = Integer.parseInt(text);
      return number > 0 ? number : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int usageError(PrintStream err, String message) {
    err.println("netsim bench: " + message);
    err.println("Try `netsim bench --help' for more information.");
    return 2;
  }

  private static int fail(PrintStream err, String message) {
    err.println("netsim bench: " + message);
    return 2;
  }

  private static int bench(Request request, PrintStream out, PrintStream err) {
    String save;
    String rulesName;
    if (request.rulesFile() != null) {
      rulesName = request.rulesFile();
      try {
        save = Files.readString(Path.of(rulesName), StandardCharsets.ISO_8859_1);
        if (save.stripLeading().startsWith("@")) {
          save = RuleSets.classBench(Path.of(rulesName));
        }
      } catch (NoSuchFileException | InvalidPathException e) {
        return fail(err, rulesName + ": No such file or directory");
      } catch (IllegalArgumentException e) {
        return fail(err, e.getMessage());
      } catch (IOException e) {
        return fail(err, rulesName + ": " + (Files.isDirectory(Path.of(rulesName)) ? "Is a directory"
            : "cannot be read"));
      }
    } else {
      rulesName = request.generated();
      save = generate(request.generated());
      if (save == null) {
        return usageError(err, "unknown rule set `" + request.generated() + "': use docker:N or kube:N");
      }
    }
    IptablesState loaded;
    try {
      loaded = RuleSetLoader.load(save);
    } catch (IllegalArgumentException e) {
      return fail(err, rulesName + ": " + e.getMessage().lines().findFirst().orElse("not an iptables-save file"));
    }
    Table table;
    Hook hook;
    if (request.chain() != null) {
      int colon = request.chain().indexOf(':');
      TableName tableName = colon < 0 ? null : tableNamed(request.chain().substring(0, colon));
      hook = colon < 0 ? null : Hook.byChainName(request.chain().substring(colon + 1));
      if (tableName == null || hook == null || !tableName.builtinChains().contains(hook)) {
        return usageError(err, "--chain wants a table and one of its built-in chains, e.g. filter:FORWARD, not `"
            + request.chain() + "'");
      }
      table = loaded.ruleset().table(tableName);
      if (table == null || table.builtin(hook).status() == BuiltinStatus.ABSENT) {
        return fail(err, rulesName + " has no chain " + request.chain());
      }
    } else {
      Chain busiest = null;
      Table busiestTable = null;
      int most = -1;
      for (Table candidate : loaded.ruleset().tables().values()) {
        for (Hook candidateHook : candidate.name().builtinChains()) {
          Chain builtin = candidate.builtin(candidateHook);
          int reached = reachableRules(candidate, builtin);
          if (builtin.status() != BuiltinStatus.ABSENT && reached > most) {
            most = reached;
            busiest = builtin;
            busiestTable = candidate;
          }
        }
      }
      if (busiest == null) {
        return fail(err, rulesName + " has no chains");
      }
      table = busiestTable;
      hook = busiest.hook();
    }
    String where = table.name().id() + ":" + hook.name();

    HeaderTrace packets;
    String packetsName;
    if (request.traceFile() != null) {
      try {
        packets = HeaderTrace.readClassBench(Path.of(request.traceFile()));
      } catch (NoSuchFileException | InvalidPathException e) {
        return fail(err, request.traceFile() + ": No such file or directory");
      } catch (IOException e) {
        return fail(err, request.traceFile() + ": cannot be read");
      } catch (IllegalArgumentException e) {
        return fail(err, e.getMessage());
      }
      if (packets.size() == 0) {
        return fail(err, request.traceFile() + ": no packet headers");
      }
      packetsName = "from " + request.traceFile();
    } else {
      int count = request.random() == null ? DEFAULT_RANDOM : request.random();
      packets = HeaderTrace.targeting(table, 1, count);
      packetsName = "random, aimed at the rules";
    }
    int total = packets.size();
    if (request.quick() && total > QUICK_PACKETS) {
      packets = packets.first(QUICK_PACKETS);
      packetsName += ", the first " + QUICK_PACKETS + " of " + total + " (--quick)";
    }

    out.printf(Locale.ROOT, "rules: %s, %d rules reachable from %s%n", rulesName, reachableRules(table,
        table.builtin(hook)), where);
    out.printf(Locale.ROOT, "packets: %d, %s%n", packets.size(), packetsName);
    String difference = Differential.firstDifference(save, table.name(), hook, packets);
    if (difference != null) {
      out.println("the evaluators disagree: " + difference);
      return 1;
    }
    out.println("check: reference, linear and compiled agree on every packet and counter");

    IptablesState compiledState = RuleSetLoader.load(save);
    CompiledClassifier compiled = CompiledClassifier.indexed(compiledState);
    long buildStart = System.nanoTime();
    compiled.compileAll();
    long buildNanos = System.nanoTime() - buildStart;
    int ruleCount = Math.max(1, table.ruleCount());
    out.printf(Locale.ROOT, "compile: %.1f ms, %.0f bytes/rule%n", buildNanos / 1e6,
        (double) compiled.footprintBytes() / ruleCount);

    long budget = request.quick() ? 1_000_000_000L : 3_000_000_000L;
    TableName tableName = table.name();
    double reference = measure(ReferenceEvaluator::new, save, tableName, hook, packets, budget);
    double linear = measure(CompiledClassifier::linear, save, tableName, hook, packets, budget);
    double indexed = measure(CompiledClassifier::indexed, save, tableName, hook, packets, budget);
    printLine(out, "reference", reference);
    printLine(out, "linear", linear);
    printLine(out, "compiled", indexed);
    out.printf(Locale.ROOT, "speedup vs reference: %.1fx%n", reference / indexed);
    return 0;
  }

  private static void printLine(PrintStream out, String name, double nanos) {
    out.printf(Locale.ROOT, "%s: %.1f ns/packet (%.0f packets/s)%n", name, nanos, 1e9 / nanos);
  }

  private static String generate(String spec) {
    int colon = spec.indexOf(':');
    Integer size = colon < 0 ? null : positive(spec.substring(colon + 1));
    if (size == null || size > 100_000) {
      return null;
    }
    return switch (spec.substring(0, colon)) {
      case "docker" -> RuleSets.dockerHost(size);
      case "kube" -> RuleSets.kubeProxy(size);
      default -> null;
    };
  }

  private static TableName tableNamed(String name) {
    for (TableName table : TableName.values()) {
      if (table.id().equals(name)) {
        return table;
      }
    }
    return null;
  }

  /** The rules a packet entering {@code start} can meet: its own and those of every chain it reaches. */
  private static int reachableRules(Table table, Chain start) {
    Set<String> seen = new HashSet<>();
    ArrayDeque<Chain> pending = new ArrayDeque<>();
    pending.add(start);
    seen.add(start.name());
    int rules = 0;
    while (!pending.isEmpty()) {
      Chain chain = pending.poll();
      rules += chain.size();
      for (Rule rule : chain.rules()) {
        String target = rule.spec().target().chainJumpedTo();
        if (target != null && seen.add(target)) {
          pending.add(table.chain(target));
        }
      }
    }
    return rules;
  }

  /**
   * Nanoseconds per packet of the classifier {@code factory} makes over a fresh copy of the rules: a warm-up of
   * a third of {@code budget}, then whole passes over the packets until {@code budget} has passed.
   */
  private static double measure(Function<IptablesState, PacketClassifier> factory, String save, TableName table,
      Hook hook, PacketSource packets, long budget) {
    PacketClassifier classifier = factory.apply(RuleSetLoader.load(save));
    PacketContext packet = new PacketContext();
    Evaluation result = new Evaluation();
    long warm = 0;
    while (warm < budget / 3) {
      warm += pass(classifier, table, hook, packets, packet, result);
    }
    long elapsed = 0;
    long classified = 0;
    while (elapsed < budget) {
      elapsed += pass(classifier, table, hook, packets, packet, result);
      classified += packets.size();
    }
    return (double) elapsed / classified;
  }

  /** Classifies every packet once; returns the nanoseconds it took. */
  private static long pass(PacketClassifier classifier, TableName table, Hook hook, PacketSource packets,
      PacketContext packet, Evaluation result) {
    long start = System.nanoTime();
    for (int i = 0; i < packets.size(); i++) {
      packets.fill(i, packet);
      classifier.evaluate(table, hook, packet, result, null);
    }
    return System.nanoTime() - start;
  }
}
