package dev.netsim.examples.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.sim.cli.EchoTranscripts;
import dev.netsim.sim.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed's sessions as runnable scripts: each {@code scenarios/X.sh} must print, under
 * {@code netsim run --echo}, exactly its reviewed transcript {@code scenarios/X.expected.txt}. After a
 * deliberate change, record it again with {@code ./netsim run --echo X.sh > X.expected.txt} and review the
 * difference line by line.
 */
class ScenarioTranscriptTest {
  private static final Path SCENARIOS = Path.of("scenarios");

  static Stream<Path> scripts() throws IOException {
    try (Stream<Path> files = Files.list(SCENARIOS)) {
      return files.filter(p -> p.toString().endsWith(".sh")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void printsItsRecordedTranscript(Path script) throws IOException {
    Path expected = SCENARIOS.resolve(script.getFileName().toString().replaceFirst("\\.sh$", ".expected.txt"));
    String transcript = new EchoTranscripts().transcript(Files.readString(script), script.toAbsolutePath().getParent());
    assertThat(transcript).isEqualTo(Files.readString(expected));
  }

  @Test
  void theQuickStartTraceExplainsTheDroppedPing() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"run", "--trace", SCENARIOS.resolve("1.2-bridge-forward-drop.sh").toString()},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    String firstTrace = out.toString(StandardCharsets.UTF_8).split("┌─ trace\n", 2)[1].split("└─\n", 2)[0];
    assertThat(status).isZero();
    assertThat(firstTrace)
        .contains("│   net.bridge.bridge-nf-call-iptables = 1: bridged IPv4 passes iptables (br_netfilter)\n")
        .contains("│     policy DROP of filter FORWARD\n")
        .endsWith("│ ⇒ dropped by policy: policy DROP of filter FORWARD\n");
  }

  @Test
  void everySeedSessionTheReadmeNamesIsThere() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    for (Path script : scripts().toList()) {
      assertThat(readme).contains("examples/scenarios/" + script.getFileName());
    }
    assertThat(scripts().map(p -> p.getFileName().toString())).contains(
        "1.1-veth-pair.sh", "1.2-bridge-forward-drop.sh", "1.3-gateway-masquerade.sh", "2.2-docker-bridge.sh",
        "2.3-host-mode.sh", "2.4-published-ports.sh");
  }
}
