package dev.netsim.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.rules.state.IptablesState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * When {@code iptables -v} echoes the rule of a failing command (seen on the kernel, where the echo goes to
 * standard output and the error to standard error, so recorded transcripts interleave them by buffering):
 * -A looks nothing up and echoes before the kernel finds the chain missing; -I, -R, -D and -C look the
 * chain, position or rule up first and echo nothing when that fails.
 */
class VerboseEchoTest {
  private final IptablesState state = new IptablesState();

  private String[] run(String line) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = new IptablesCommand(state).run(ShellWords.split(line),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
        Integer.toString(status)};
  }

  @Test
  void appendToAMissingChainEchoesThenFails() {
    assertThat(run("iptables -v -A BAZ -s 1.2.3.4 -p tcp --dport 22 -j ACCEPT")).containsExactly(
        "ACCEPT  tcp opt -- in * out *  1.2.3.4  -> 0.0.0.0/0   tcp dpt:22\n",
        "iptables: No chain/target/match by that name.\n", "1");
  }

  @Test
  void commandsThatLookUpFirstEchoNothingWhenTheLookUpFails() {
    assertThat(run("iptables -v -I BAZ -s 1.2.3.4 -j ACCEPT"))
        .containsExactly("", "iptables: No chain/target/match by that name.\n", "1");
    assertThat(run("iptables -v -D BAZ -s 1.2.3.4 -j ACCEPT"))
        .containsExactly("", "iptables: Bad rule (does a matching rule exist in that chain?).\n", "1");
    assertThat(run("iptables -v -A INPUT -j ACCEPT")[0]).isNotEmpty();
    assertThat(run("iptables -v -R INPUT 2 -j ACCEPT"))
        .containsExactly("", "iptables: Index of replacement too big.\n", "1");
  }
}
