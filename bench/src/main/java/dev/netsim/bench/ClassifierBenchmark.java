package dev.netsim.bench;

import dev.netsim.rules.eval.Evaluation;
import dev.netsim.rules.eval.PacketClassifier;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.ReferenceEvaluator;
import dev.netsim.rules.eval.compiled.CompiledClassifier;
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.TableName;
import dev.netsim.rules.state.IptablesState;
import dev.netsim.rules.workload.Differential;
import dev.netsim.rules.workload.HeaderTrace;
import dev.netsim.rules.workload.PacketSource;
import dev.netsim.rules.workload.RuleSetLoader;
import dev.netsim.rules.workload.RuleSets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One packet classified by one table, tracing off: the reference evaluator, the compiled classifier as a
 * plain scan over flat arrays ({@code linear}) and with its cutting trees ({@code compiled}), on the same rules
 * and packets. Before timing, every packet goes through all three and the run fails if any verdict, deciding
 * rule, mark or counter differs.
 *
 * <p>Workloads ({@code kind:size}): {@code docker:N} — a Docker host's filter table with N published
 * containers, at FORWARD; {@code kube:N} — kube-proxy's nat table with N Services, at PREROUTING;
 * {@code classbench:SET} — a ClassBench set from {@code ../shared/bench-data/classbench/} (or the folder in
 * the {@code netsim.classbench} system property) as one FORWARD chain, with its trace when there is one.
 * Each op classifies the next of 4096 packets (and fills the packet view: a few ns).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ClassifierBenchmark {
  @Param({"docker:10", "docker:100", "docker:1000", "docker:10000", "kube:10", "kube:100", "kube:1000",
      "kube:5000", "kube:10000", "kube:30000", "kube-dispatch:30000", "interleaved:100", "interleaved:2500",
      "classbench:acl1_10k", "classbench:fw1_10k", "classbench:ipc1_10k"})
  public String workload;

  @Param({"reference", "linear", "compiled"})
  public String evaluator;

  private static final int PACKETS = 4096;

  private PacketClassifier classifier;
  private PacketSource packets;
  private TableName table;
  private Hook hook;
  private final PacketContext packet = new PacketContext();
  private final Evaluation result = new Evaluation();
  private int next;

  /** A rule set ready to classify: its iptables-save text, the table and hook, and packets aimed at it. */
  record Workload(String save, TableName table, Hook hook, PacketSource packets) {}

  static Workload workload(String spec) throws IOException {
    int colon = spec.indexOf(':');
    String kind = spec.substring(0, colon);
    String argument = spec.substring(colon + 1);
    switch (kind) {
      case "docker" -> {
        String save = RuleSets.dockerHost(Integer.parseInt(argument));
        return new Workload(save, TableName.FILTER, Hook.FORWARD, aimedAt(save, TableName.FILTER));
      }
      case "kube" -> {
        String save = RuleSets.kubeProxy(Integer.parseInt(argument));
        return new Workload(save, TableName.NAT, Hook.PREROUTING, aimedAt(save, TableName.NAT));
      }
      case "kube-dispatch" -> {
        String save = RuleSets.kubeServiceDispatch(Integer.parseInt(argument));
        return new Workload(save, TableName.NAT, Hook.PREROUTING, aimedAt(save, TableName.NAT));
      }
      case "interleaved" -> {
        String save = RuleSets.interleaved(Integer.parseInt(argument));
        return new Workload(save, TableName.FILTER, Hook.FORWARD, aimedAt(save, TableName.FILTER));
      }
      case "classbench" -> {
        Path folder = Path.of(System.getProperty("netsim.classbench", "../shared/bench-data/classbench"));
        String save = RuleSets.classBench(folder.resolve(argument));
        Path trace = folder.resolve(argument + "_trace");
        PacketSource packets = Files.isReadable(trace) ? HeaderTrace.readClassBench(trace).first(PACKETS)
            : aimedAt(save, TableName.FILTER);
        return new Workload(save, TableName.FILTER, Hook.FORWARD, packets);
      }
      default -> throw new IllegalArgumentException("unknown workload " + spec);
    }
  }

  private static PacketSource aimedAt(String save, TableName table) {
    return HeaderTrace.targeting(RuleSetLoader.load(save).ruleset().table(table), 42, PACKETS);
  }

  @Setup
  public void setUp() throws IOException {
    Workload chosen = workload(workload);
    String difference = Differential.firstDifference(chosen.save(), chosen.table(), chosen.hook(), chosen.packets());
    if (difference != null) {
      throw new IllegalStateException("evaluators disagree on " + workload + ": " + difference);
    }
    IptablesState state = RuleSetLoader.load(chosen.save());
    classifier = switch (evaluator) {
      case "reference" -> new ReferenceEvaluator(state);
      case "linear" -> CompiledClassifier.linear(state);
      case "compiled" -> CompiledClassifier.indexed(state);
      default -> throw new IllegalArgumentException("unknown evaluator " + evaluator);
    };
    packets = chosen.packets();
    table = chosen.table();
    hook = chosen.hook();
  }

  @Benchmark
  public Object classify() {
    int index = next;
    next = index + 1 == packets.size() ? 0 : index + 1;
    packets.fill(index, packet);
    return classifier.evaluate(table, hook, packet, result, null);
  }
}
