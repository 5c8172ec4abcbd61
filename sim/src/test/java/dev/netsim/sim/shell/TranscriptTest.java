package dev.netsim.sim.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code netsim run --echo} against transcripts of the same scripts recorded on the real host with
 * {@code /work/ktools/ktrans} (bash 5.2, coreutils 9.1, GNU grep 3.8, Debian 12, C.UTF-8): each
 * {@code NAME.sh} under {@code transcripts/} has its kernel transcript in {@code NAME.out}; the fixture
 * files beside them are copied into the working folder, as ktrans does.
 */
class TranscriptTest {
  @TempDir
  Path workDir;

  @ParameterizedTest
  @ValueSource(strings = {"grep", "text", "shell"})
  void echoTranscriptIsTheRealHosts(String name) throws IOException, URISyntaxException {
    Path dir = Path.of(getClass().getResource("transcripts/" + name + ".sh").toURI()).getParent();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        Files.copy(file, workDir.resolve(file.getFileName()));
      }
    }
    ShellFixture shell = new ShellFixture();
    shell.options = RunOptions.defaults().withEcho(true).withFiles(FilePolicy.in(workDir));
    shell.scriptDir = dir;
    RunResult result = shell.runMerged(Files.readString(dir.resolve(name + ".sh"), StandardCharsets.UTF_8));

    assertThat(result.status()).isZero();
    assertThat(shell.out()).isEqualTo(Files.readString(dir.resolve(name + ".out"), StandardCharsets.UTF_8));
  }
}
