package dev.netsim.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.sim.api.ProbeResult;
import dev.netsim.sim.api.Reply;
import dev.netsim.sim.trace.Disposition;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmbeddingExampleTest {
  @Test
  void theExamplePrintsWhyThePingWasDroppedThenThatItGotThrough() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    ProbeResult result = EmbeddingExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    String output = bytes.toString(StandardCharsets.UTF_8);
    assertThat(output).startsWith("ping 11.11.11.3 from RED: dropped by policy (policy DROP of filter FORWARD)\n")
        .contains("net.bridge.bridge-nf-call-iptables = 1: bridged IPv4 passes iptables (br_netfilter)")
        .contains("    policy DROP of filter FORWARD\n⇒ dropped by policy")
        .endsWith("ping 11.11.11.3 from RED: delivered (to the local stack of BLUE)\n"
            + "replies: [echo reply from 11.11.11.3]\n");
    assertThat(result.outcome()).isEqualTo(Disposition.DELIVERED);
    assertThat(result.replies()).containsExactly(new Reply("11.11.11.3", "echo reply"));
  }

  @Test
  void mainRuns() {
    PrintStream original = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      EmbeddingExample.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("delivered (to the local stack of BLUE)");
  }
}
