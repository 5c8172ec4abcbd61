package dev.netsim.rules.eval.compiled;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.TableName;
import dev.netsim.rules.state.IptablesState;
import dev.netsim.rules.workload.Differential;
import dev.netsim.rules.workload.HeaderTrace;
import dev.netsim.rules.workload.RandomRules;
import dev.netsim.rules.workload.RuleSetLoader;
import dev.netsim.rules.workload.RuleSets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compiled classifier (linear and indexed) against the reference evaluator: same verdict, deciding rule,
 * mark and counters on random rule sets, the generated Docker and kube-proxy sets and the ClassBench sets.
 */
class CompiledClassifierDifferentialTest {
  private static final Path CLASSBENCH = Path.of("/work/shared/bench-data/classbench");

  @Test
  void randomRuleSetsAgreeWithTheReference() {
    long base = Long.getLong("netsim.differential.seed", 20261206L);
    for (int round = 0; round < 200; round++) {
      long seed = base + round;
      // small sets exercise the scan, large ones (above the index threshold) the tree
      int rules = round % 2 == 0 ? 5 + (int) (seed % 40) : 100 + (int) (seed % 400);
      String save = RandomRules.filterTable(seed, rules);
      String difference = Differential.firstDifference(save, TableName.FILTER, Hook.FORWARD,
          RandomRules.packets(seed, 400));
      assertThat(difference).as("seed %d (rerun with -Dnetsim.differential.seed=%d):%n%s", seed, seed, save)
          .isNull();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 40, 1000})
  void dockerHostsAgreeWithTheReference(int containers) {
    String save = RuleSets.dockerHost(containers);
    IptablesState state = RuleSetLoader.load(save);
    assertThat(Differential.firstDifference(save, TableName.FILTER, Hook.FORWARD,
        HeaderTrace.targeting(state.ruleset().table(TableName.FILTER), containers, 3000))).isNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 2000})
  void kubeProxyRuleSetsAgreeWithTheReference(int services) {
    String save = RuleSets.kubeProxy(services);
    IptablesState state = RuleSetLoader.load(save);
    assertThat(Differential.firstDifference(save, TableName.NAT, Hook.PREROUTING,
        HeaderTrace.targeting(state.ruleset().table(TableName.NAT), services, 3000))).isNull();
  }

  @Test
  void kubeServiceDispatchAgreesWithTheReference() {
    String save = RuleSets.kubeServiceDispatch(2000);
    IptablesState state = RuleSetLoader.load(save);
    assertThat(Differential.firstDifference(save, TableName.NAT, Hook.PREROUTING,
        HeaderTrace.targeting(state.ruleset().table(TableName.NAT), 7, 3000))).isNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {5, 300})
  void interleavedLogMarkJumpAndReturnAgreeWithTheReference(int groups) {
    String save = RuleSets.interleaved(groups);
    IptablesState state = RuleSetLoader.load(save);
    assertThat(Differential.firstDifference(save, TableName.FILTER, Hook.FORWARD,
        HeaderTrace.targeting(state.ruleset().table(TableName.FILTER), groups, 3000))).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"acl1_1k", "fw1_1k", "ipc1_1k", "fw1_10k", "ipc1_10k"})
  void classBenchSetsAgreeWithTheReferenceOnTheirTraces(String set) throws IOException {
    Path rules = CLASSBENCH.resolve(set);
    Path trace = CLASSBENCH.resolve(set + "_trace");
    Assumptions.assumeTrue(Files.isReadable(rules) && Files.isReadable(trace), "ClassBench data not present");
    String save = RuleSets.classBench(rules);
    // the reference takes ~0.2 ms a packet on 10k rules: the first 2000 of a 10k set's trace
    assertThat(Differential.firstDifference(save, TableName.FILTER, Hook.FORWARD,
        HeaderTrace.readClassBench(trace).first(2000))).isNull();
    IptablesState state = RuleSetLoader.load(save);
    assertThat(Differential.firstDifference(save, TableName.FILTER, Hook.FORWARD,
        HeaderTrace.targeting(state.ruleset().table(TableName.FILTER), 1, 2000))).isNull();
  }
}
