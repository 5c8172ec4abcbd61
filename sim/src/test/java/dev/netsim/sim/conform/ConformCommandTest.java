package dev.netsim.sim.conform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformCommandTest {
  private static final String SCRIPT = "ip link add v0 type veth peer name v2\nip link add v0 type veth peer name v2\n";
  // Recorded on the kernel (07-ip-errors.sh).
  private static final String RECORDING = """
      $ ip link add v0 type veth peer name v2
      $ ip link add v0 type veth peer name v2
      RTNETLINK answers: File exists
      [exit 2]
      """;

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(NetsimTranscripts netsim, String... args) {
    return new ConformCommand(netsim).run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private Path script() throws IOException {
    Path script = dir.resolve("07.sh");
    Files.writeString(script, SCRIPT);
    Files.writeString(dir.resolve("07.kernel.txt"), RECORDING);
    return script;
  }

  @Test
  void agreeingWithTheRecordingExitsZero() throws IOException {
    Path script = script();
    assertThat(run((text, d) -> RECORDING, script.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("agree 2/2 blocks (100.0%)\n");
  }

  @Test
  void aDisagreementExitsOne() throws IOException {
    Path script = script();
    assertThat(run((text, d) -> RECORDING.replace("[exit 2]", "[exit 1]"), script.toString())).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("agree 1/2 blocks").endsWith("agree 1/2 blocks (50.0%)\n");
  }

  @Test
  void theNetsimSideGetsTheScriptTextAndFolder() throws IOException {
    Path script = script();
    run((text, d) -> {
      assertThat(text).isEqualTo(SCRIPT);
      assertThat(d).isEqualTo(dir.toAbsolutePath());
      return RECORDING;
    }, script.toString());
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aMissingRecordingIsASetupError() throws IOException {
    Path script = dir.resolve("new.sh");
    Files.writeString(script, SCRIPT);
    assertThat(run((text, d) -> RECORDING, script.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("new.kernel.txt: no recording");
  }

  @Test
  void usageErrors() {
    assertThat(run((t, d) -> "")).isEqualTo(2);
    assertThat(run((t, d) -> "", "--runs", "0", "x.sh")).isEqualTo(2);
    assertThat(run((t, d) -> "", "--frob", "x.sh")).isEqualTo(2);
    assertThat(run((t, d) -> "", "nosuch.sh")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--runs needs a positive number", "unknown option `--frob'",
        "nosuch.sh: No such file");
  }
}
