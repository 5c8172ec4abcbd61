package dev.netsim.rules.eval.compiled;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.rules.eval.EvalStep;
import dev.netsim.rules.eval.Evaluation;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.ReferenceEvaluator;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.TableName;
import dev.netsim.rules.state.IptablesState;
import dev.netsim.rules.workload.PacketSource;
import dev.netsim.rules.workload.RandomRules;
import dev.netsim.rules.workload.RuleSetLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompiledClassifierTest {
  @Test
  void explainedEvaluationsListTheReferenceSteps() {
    String save = RandomRules.filterTable(21, 200);
    IptablesState referenceState = RuleSetLoader.load(save);
    IptablesState compiledState = RuleSetLoader.load(save);
    ReferenceEvaluator reference = new ReferenceEvaluator(referenceState);
    CompiledClassifier compiled = CompiledClassifier.indexed(compiledState);
    PacketSource packets = RandomRules.packets(21, 100);
    PacketContext packet = new PacketContext();
    Evaluation result = new Evaluation();
    for (int p = 0; p < packets.size(); p++) {
      List<EvalStep> expected = new ArrayList<>();
      List<EvalStep> actual = new ArrayList<>();
      packets.fill(p, packet);
      Verdict expectedVerdict = reference.evaluate(TableName.FILTER, Hook.FORWARD, packet, result, expected::add);
      packets.fill(p, packet);
      Verdict actualVerdict = compiled.evaluate(TableName.FILTER, Hook.FORWARD, packet, result, actual::add);
      assertThat(actualVerdict).isEqualTo(expectedVerdict);
      assertThat(actual).isNotEmpty().isEqualTo(expected);
    }
  }

  @Test
  void aMissingTableAcceptsWithoutCounting() {
    IptablesState state = RuleSetLoader.load("*filter\n:FORWARD DROP [0:0]\nCOMMIT\n");
    CompiledClassifier compiled = CompiledClassifier.indexed(state);
    PacketContext packet = new PacketContext();
    RandomRules.packets(1, 1).fill(0, packet);
    Evaluation result = new Evaluation();
    assertThat(compiled.evaluate(TableName.NAT, Hook.PREROUTING, packet, result, null)).isEqualTo(Verdict.ACCEPT);
    assertThat(result.decidedByPolicy()).isTrue();
    assertThat(result.chain()).isNull();
    assertThat(compiled.evaluate(TableName.FILTER, Hook.FORWARD, packet, result, null)).isEqualTo(Verdict.DROP);
    assertThat(state.counters().policyPackets(TableName.FILTER, Hook.FORWARD)).isEqualTo(1);
  }
}
