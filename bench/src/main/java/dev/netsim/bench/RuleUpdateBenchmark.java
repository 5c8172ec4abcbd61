package dev.netsim.bench;

import dev.netsim.core.value.Ipv4;
import dev.netsim.rules.cli.IptablesCommand;
import dev.netsim.rules.eval.Evaluation;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.eval.compiled.CompiledClassifier;
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.TableName;
import dev.netsim.rules.state.IptablesState;
import dev.netsim.rules.workload.RuleSetLoader;
import dev.netsim.rules.workload.RuleSets;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading and changing a large rule set: {@code iptables-restore} of a Docker host with {@code containers}
 * rules in one chain, parsed, checked and compiled ({@code restoreAndCompile}); and one {@code iptables -A}
 * on that chain followed by the packet that makes the classifier catch up ({@code appendAndClassify}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(1)
public class RuleUpdateBenchmark {
  @Param({"50000"})
  public int containers;

  private String save;

  @Setup(Level.Trial)
  public void generate() {
    save = RuleSets.dockerHost(containers);
  }

  @Benchmark
  public long restoreAndCompile() {
    CompiledClassifier classifier = CompiledClassifier.indexed(RuleSetLoader.load(save));
    classifier.compileAll();
    return classifier.footprintBytes();
  }

  /** A loaded, compiled rule set to change. */
  @State(Scope.Thread)
  public static class Loaded {
    IptablesState state;
    CompiledClassifier classifier;
    final PacketContext packet = new PacketContext();
    final Evaluation result = new Evaluation();
    private final PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
    private int added;

    @Setup(Level.Invocation)
    public void load(RuleUpdateBenchmark benchmark) {
      if (state == null || added >= 60) {
        state = RuleSetLoader.load(benchmark.save);
        classifier = CompiledClassifier.indexed(state);
        classifier.compileAll();
        added = 0;
      }
      added++;
      packet.reset();
      packet.src = Ipv4.parse("198.51.100.7").bits();
      packet.dst = Ipv4.parse("172.17.0.2").bits() + benchmark.containers + added;
      packet.protocol = 6;
      packet.srcPort = 40000;
      packet.dstPort = 80;
      packet.length = 60;
      packet.inInterface = "eth0";
      packet.outInterface = "docker0";
    }

    int append(String rule) {
      return new IptablesCommand(state).run(List.of(("iptables -A DOCKER " + rule).split(" ")), discard, discard);
    }
  }

  @Benchmark
  public Verdict appendAndClassify(Loaded loaded) {
    String address = Ipv4.format(loaded.packet.dst);
    if (loaded.append("-d " + address + "/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT") != 0) {
      throw new IllegalStateException("iptables -A failed");
    }
    return loaded.classifier.evaluate(TableName.FILTER, Hook.FORWARD, loaded.packet, loaded.result, null);
  }
}
