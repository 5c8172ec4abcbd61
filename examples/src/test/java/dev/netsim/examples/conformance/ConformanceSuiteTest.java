package dev.netsim.examples.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.sim.conform.Comparison;
import dev.netsim.sim.conform.KernelRecording;
import dev.netsim.sim.cli.EchoTranscripts;
import dev.netsim.sim.conform.NetsimTranscripts;
import dev.netsim.sim.conform.Transcript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * netsim against the kernel, for every script of the conformance suite: netsim's {@code run --echo}
 * transcript is compared with the recorded kernel transcript next to the script, block by block.
 *
 * <p>Each script's number of disagreeing stable blocks must equal its entry in
 * {@code conformance/known-differences.txt} (0 when absent): more is a regression, fewer means the file must be
 * lowered. So the suite ratchets towards full agreement and every remaining difference is written down.
 */
class ConformanceSuiteTest {
  private static final NetsimTranscripts NETSIM = new EchoTranscripts();

  private static final Path SUITE = Path.of("conformance");

  static Stream<Path> scripts() throws IOException {
    try (Stream<Path> files = Files.list(SUITE)) {
      return files.filter(p -> p.toString().endsWith(".sh")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void agreesWithTheKernelExceptForKnownDifferences(Path script) throws IOException {
    Transcript kernel = Transcript.parse(Files.readString(KernelRecording.pathFor(script)));
    Transcript netsim = Transcript.parse(NETSIM.transcript(Files.readString(script), script.toAbsolutePath().getParent()));
    Comparison comparison = Comparison.of(script.toString(), kernel, netsim);
    int known = knownDifferences().getOrDefault(script.getFileName().toString(), 0);
    assertThat(comparison.disagreements()).as(comparison.report()).hasSize(known);
  }

  /** {@code SCRIPT.sh N  # why} lines. */
  private static Map<String, Integer> knownDifferences() throws IOException {
    Map<String, Integer> known = new HashMap<>();
    for (String line : Files.readAllLines(SUITE.resolve("known-differences.txt"))) {
      String content = line.replaceFirst("#.*", "").strip();
      if (!content.isEmpty()) {
        String[] fields = content.split("\\s+");
        known.put(fields[0], Integer.parseInt(fields[1]));
      }
    }
    return known;
  }
}
