package dev.netsim.rules.workload;

import dev.netsim.rules.eval.Evaluation;
import dev.netsim.rules.eval.PacketClassifier;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.ReferenceEvaluator;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.eval.compiled.CompiledClassifier;
import dev.netsim.rules.model.Chain;
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.TableName;
import dev.netsim.rules.state.IptablesState;
import java.util.List;
import java.util.function.Function;

/**
 * Runs the same packets through the reference evaluator, the linear compiled classifier and the indexed one,
 * each over its own copy of a rule set, and reports the first difference: in a packet's verdict, deciding
 * chain and rule, undetermined match or mark, or — after the last packet — in any rule's or policy's packet and
 * byte counters.
 */
public final class Differential {
  private Differential() {}

  /** The first difference in words, or null when all three evaluators agree on everything. */
  public static String firstDifference(String save, TableName table, Hook hook, PacketSource packets) {
    IptablesState referenceState = RuleSetLoader.load(save);
    IptablesState linearState = RuleSetLoader.load(save);
    IptablesState indexedState = RuleSetLoader.load(save);
    List<Run> runs = List.of(
        new Run("reference", referenceState, new ReferenceEvaluator(referenceState)),
        new Run("linear", linearState, CompiledClassifier.linear(linearState)),
        new Run("compiled", indexedState, CompiledClassifier.indexed(indexedState)));
    return firstDifference(runs, table, hook, packets);
  }

  /**
   * The first difference between the reference evaluator over {@code referenceState} and {@code other} over
   * {@code otherState} (two states holding the same rules, changed by the same commands), or null.
   */
  public static String firstDifference(IptablesState referenceState, IptablesState otherState,
      PacketClassifier other, TableName table, Hook hook, PacketSource packets) {
    return firstDifference(List.of(new Run("reference", referenceState, new ReferenceEvaluator(referenceState)),
        new Run("compiled", otherState, other)), table, hook, packets);
  }

  private static String firstDifference(List<Run> runs, TableName table, Hook hook, PacketSource packets) {
    Run reference = runs.get(0);
    for (int p = 0; p < packets.size(); p++) {
      for (Run run : runs) {
        packets.fill(p, run.packet);
        run.classifier.evaluate(table, hook, run.packet, run.result, null);
      }
      for (Run run : runs.subList(1, runs.size())) {
        String expected = outcome(reference);
        String actual = outcome(run);
        if (!expected.equals(actual)) {
          return "packet " + (p + 1) + ": reference: " + expected + "; " + run.name + ": " + actual;
        }
      }
    }
    for (Run run : runs.subList(1, runs.size())) {
      String difference = counterDifference(table, reference, run);
      if (difference != null) {
        return "after " + packets.size() + " packets: " + difference;
      }
    }
    return null;
  }

  private static String outcome(Run run) {
    Evaluation result = run.result;
    StringBuilder text = new StringBuilder().append(result.verdict());
    if (result.decidedByPolicy()) {
      text.append(" by policy of ").append(result.chain());
    } else if (result.rule() != null) {
      text.append(" by ").append(result.chain()).append(" rule ").append(result.ruleNumber());
    }
    if (result.verdict() == Verdict.UNDETERMINED && result.undeterminedMatch() != null) {
      text.append(" (-m ").append(result.undeterminedMatch().name()).append(')');
    }
    return text.append(", mark 0x").append(Integer.toHexString(run.packet.mark)).toString();
  }

  private static String counterDifference(TableName table, Run reference, Run other) {
    Function<Run, List<Chain>> chains = run -> run.state.ruleset().tableOrEmpty(table).chains();
    List<Chain> expectedChains = chains.apply(reference);
    List<Chain> actualChains = chains.apply(other);
    for (int c = 0; c < expectedChains.size(); c++) {
      Chain expected = expectedChains.get(c);
      Chain actual = actualChains.get(c);
      for (int r = 0; r < expected.size(); r++) {
        int expectedId = expected.rules().get(r).id();
        int actualId = actual.rules().get(r).id();
        long expectedPackets = reference.state.counters().packets(expectedId);
        long actualPackets = other.state.counters().packets(actualId);
        long expectedBytes = reference.state.counters().bytes(expectedId);
        long actualBytes = other.state.counters().bytes(actualId);
        if (expectedPackets != actualPackets || expectedBytes != actualBytes) {
          return expected.name() + " rule " + (r + 1) + " counted [" + expectedPackets + ":" + expectedBytes
              + "] by the reference, [" + actualPackets + ":" + actualBytes + "] by " + other.name;
        }
      }
    }
    for (Hook hook : table.builtinChains()) {
      if (reference.state.counters().policyPackets(table, hook) != other.state.counters().policyPackets(table, hook)
          || reference.state.counters().policyBytes(table, hook) != other.state.counters().policyBytes(table, hook)) {
        return "policy counters of " + hook + " differ between the reference and " + other.name;
      }
    }
    return null;
  }

  /** One evaluator over its own copy of the rules, with its reusable packet view and outcome. */
  private static final class Run {
    final String name;
    final IptablesState state;
    final PacketClassifier classifier;
    final PacketContext packet = new PacketContext();
    final Evaluation result = new Evaluation();

    Run(String name, IptablesState state, PacketClassifier classifier) {
      this.name = name;
      this.state = state;
      this.classifier = classifier;
    }
  }
}
