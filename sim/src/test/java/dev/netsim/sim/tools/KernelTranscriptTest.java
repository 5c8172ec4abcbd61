package dev.netsim.sim.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.sim.World;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays each script of {@code src/test/resources/kernel/topology/} in netsim and compares the transcript with the
 * one the real kernel gave ({@code NAME.txt}, recorded with {@code ktools/ktrans NAME.sh}), after numbering the
 * random MACs of both the same way.
 */
class KernelTranscriptTest {
  static List<Path> scripts() throws IOException, URISyntaxException {
    Path folder = Path.of(KernelTranscriptTest.class.getResource("/kernel/topology").toURI());
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".sh"))
          .filter(p -> Files.exists(transcriptOf(p)))
          .sorted()
          .toList();
    }
  }

  private static Path transcriptOf(Path script) {
    String name = script.getFileName().toString();
    return script.resolveSibling(name.substring(0, name.length() - 3) + ".txt");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scripts")
  void netsimPrintsWhatTheKernelPrinted(Path script) {
    try {
      String expected = Files.readString(transcriptOf(script), StandardCharsets.UTF_8);
      String actual = new TranscriptRunner(new World(), NetworkTools.all())
          .run(Files.readString(script, StandardCharsets.UTF_8));
      String normalizedActual = MacNormalizer.normalize(actual);
      String normalizedExpected = MacNormalizer.normalize(expected);
      if (!normalizedActual.equals(normalizedExpected)) {
        // for diffing by hand: target/kernel-transcripts/NAME.{netsim,kernel}.txt
        Path out = Path.of("target", "kernel-transcripts");
        Files.createDirectories(out);
        String name = script.getFileName().toString().replace(".sh", "");
        Files.writeString(out.resolve(name + ".netsim.txt"), normalizedActual, StandardCharsets.UTF_8);
        Files.writeString(out.resolve(name + ".kernel.txt"), normalizedExpected, StandardCharsets.UTF_8);
      }
      assertThat(normalizedActual).isEqualTo(normalizedExpected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
