package dev.netsim.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.rules.model.TableName;
import dev.netsim.rules.state.IptablesState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scale issue 6 asks for: 50,000 rules restored at once, then single commands on that 50,000-rule chain,
 * which must land where iptables puts them. The elapsed times are printed for information only (timing
 * targets belong to the benchmarks).
 */
class LargeRulesetTest {
  private static final int RULES = 50_000;

  /** Rule i of the generated chain, as iptables-save prints it. */
  static String rule(int i) {
    return "-A CUSTOMER -s 10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255) + "/32 -d 192.168."
        + (i % 200) + ".0/24 -p " + (i % 3 == 0 ? "udp -m udp" : "tcp -m tcp") + " --dport " + (1 + i % 60000)
        + (i % 7 == 0 ? " -m comment --comment \"customer " + i + "\"" : "") + (i % 5 == 0 ? " -j DROP" : " -j ACCEPT");
  }

  static String ruleset(int count) {
    StringBuilder text = new StringBuilder("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n"
        + ":CUSTOMER - [0:0]\n-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n-A FORWARD -j CUSTOMER\n");
    for (int i = 0; i < count; i++) {
      text.append(rule(i)).append('\n');
    }
    return text.append("COMMIT\n").toString();
  }

  private static String saved(IptablesState state, String chain, int number) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
    new IptablesCommand(state).run(List.of("iptables", "-S", chain, Integer.toString(number)), stream, stream);
    return out.toString(StandardCharsets.UTF_8).strip();
  }

  @Test
  void fiftyThousandRulesRestoreAndTakeSingleCommands() {
    String input = ruleset(RULES);
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    IptablesState state = new IptablesState();
    long start = System.nanoTime();
    assertThat(new IptablesRestore(state, IptablesRestore.NO_FILES).run(List.of("iptables-restore"), input, sink, sink))
        .isZero();
    long restored = System.nanoTime() - start;
    assertThat(state.ruleset().table(TableName.FILTER).chain("CUSTOMER").size()).isEqualTo(RULES);
    assertThat(saved(state, "CUSTOMER", 12_345)).isEqualTo(rule(12_344));
    assertThat(saved(state, "CUSTOMER", 7)).isEqualTo(rule(6));

    IptablesCommand iptables = new IptablesCommand(state);
    int commands = 1_000;
    start = System.nanoTime();
    for (int i = 0; i < commands; i++) {
      assertThat(iptables.run(List.of("iptables", "-A", "CUSTOMER", "-s", "172.16.0." + (i & 255), "-p", "tcp",
          "--dport", "443", "-j", "ACCEPT"), sink, sink)).isZero();
      assertThat(iptables.run(List.of("iptables", "-I", "CUSTOMER", "25000", "-s", "172.17.0.1", "-j", "DROP"),
          sink, sink)).isZero();
      assertThat(iptables.run(List.of("iptables", "-D", "CUSTOMER", "1"), sink, sink)).isZero();
    }
    long perCommand = (System.nanoTime() - start) / (3 * commands);
    assertThat(state.ruleset().table(TableName.FILTER).chain("CUSTOMER").size()).isEqualTo(RULES + commands);
    assertThat(saved(state, "CUSTOMER", RULES + commands))
        .isEqualTo("-A CUSTOMER -s 172.16.0.231/32 -p tcp -m tcp --dport 443 -j ACCEPT");
    assertThat(saved(state, "CUSTOMER", 24_000)).isEqualTo("-A CUSTOMER -s 172.17.0.1/32 -j DROP");
    // each round deleted rule 1 and put its DROP rule just behind the previous one
    assertThat(saved(state, "CUSTOMER", 1)).isEqualTo(rule(commands));
    assertThat(saved(state, "CUSTOMER", 23_999)).isEqualTo(rule(commands + 23_998));
    System.out.printf("iptables-restore of %d rules: %.1f ms; -A/-I/-D on a %d-rule chain: %.1f us each%n",
        RULES, restored / 1e6, RULES, perCommand / 1e3);
  }
}
