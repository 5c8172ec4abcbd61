package dev.netsim.rules.eval.compiled;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.rules.cli.IptablesCommand;
import dev.netsim.rules.cli.IptablesRestore;
import dev.netsim.rules.eval.Evaluation;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.TableName;
import dev.netsim.rules.state.IptablesState;
import dev.netsim.rules.workload.Differential;
import dev.netsim.rules.workload.RandomRules;
import dev.netsim.rules.workload.RuleSetLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The compiled classifier follows every change to the rules: -A, -I, -D, -R, -F, -P and iptables-restore. */
class CompiledClassifierUpdateTest {
  private static final String[] RULES = {
      "-s 192.0.2.0/24 -j DROP", "-p tcp --dport 80 -j ACCEPT", "-d 198.51.100.0/30 -j U1", "-i eth+ -j RETURN",
      "-p udp ! --sport 53 -j REJECT", "-m mark --mark 0x1/0x3 -g U2", "-j MARK --set-xmark 0x2/0x3",
      "! -o docker0 -p tcp -m tcp --sport 1024:65535 -j ACCEPT"};

  private static void iptables(IptablesState state, String command) {
    List<String> argv = new ArrayList<>(List.of("iptables"));
    argv.addAll(List.of(command.split(" ")));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(new IptablesCommand(state).run(argv, stream, stream)).as(command + ": " + err).isZero();
  }

  @Test
  void everyKindOfChangeIsFollowed() {
    SplittableRandom random = new SplittableRandom(11);
    String save = RandomRules.filterTable(3, 300);
    IptablesState referenceState = RuleSetLoader.load(save);
    IptablesState compiledState = RuleSetLoader.load(save);
    CompiledClassifier compiled = CompiledClassifier.indexed(compiledState);
    for (int step = 0; step < 60; step++) {
      int size = referenceState.ruleset().table(TableName.FILTER).builtin(Hook.FORWARD).size();
      String rule = RULES[random.nextInt(RULES.length)];
      String command = switch (random.nextInt(6)) {
        case 0, 1 -> "-A FORWARD " + rule;
        case 2 -> "-I FORWARD " + (1 + random.nextInt(size + 1)) + " " + rule;
        case 3 -> size == 0 ? "-A FORWARD " + rule : "-D FORWARD " + (1 + random.nextInt(size));
        case 4 -> size == 0 ? "-A FORWARD " + rule : "-R FORWARD " + (1 + random.nextInt(size)) + " " + rule;
        default -> random.nextBoolean() ? "-P FORWARD " + (random.nextBoolean() ? "DROP" : "ACCEPT")
            : "-A U1 " + rule.replace("-j U1", "-j U2");
      };
      iptables(referenceState, command);
      iptables(compiledState, command);
      String difference = Differential.firstDifference(referenceState, compiledState, compiled, TableName.FILTER,
          Hook.FORWARD, RandomRules.packets(step, 200));
      assertThat(difference).as("after step %d: %s", step, command).isNull();
    }
  }

  @Test
  void aRestoreReplacesTheTableAtOnce() {
    IptablesState state = RuleSetLoader.load(RandomRules.filterTable(4, 200));
    CompiledClassifier compiled = CompiledClassifier.indexed(state);
    PacketContext packet = new PacketContext();
    RandomRules.packets(1, 1).fill(0, packet);
    compiled.evaluate(TableName.FILTER, Hook.FORWARD, packet, new Evaluation(), null);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
    int status = new IptablesRestore(state, name -> null).run(List.of("iptables-restore"),
        "*filter\n:FORWARD DROP [0:0]\n-A FORWARD -s 192.0.2.0/24 -j ACCEPT\nCOMMIT\n", stream, stream);
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    Evaluation result = new Evaluation();
    packet.src = 0xc0000201;
    assertThat(compiled.evaluate(TableName.FILTER, Hook.FORWARD, packet, result, null)).isEqualTo(Verdict.ACCEPT);
    assertThat(result.ruleNumber()).isEqualTo(1);
    packet.src = 0xc6336401;
    assertThat(compiled.evaluate(TableName.FILTER, Hook.FORWARD, packet, result, null)).isEqualTo(Verdict.DROP);
    assertThat(result.decidedByPolicy()).isTrue();
  }
}
