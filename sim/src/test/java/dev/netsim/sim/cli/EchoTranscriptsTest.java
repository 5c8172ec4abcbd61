package dev.netsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class EchoTranscriptsTest {
  private static List<Path> workFolders() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(p -> p.getFileName().toString().startsWith("netsim-conform")).toList();
    }
  }

  @Test
  void theScriptWritesInATemporaryFolderThatIsRemovedAfterwards() throws IOException {
    List<Path> before = workFolders();
    String transcript = new EchoTranscripts().transcript("echo kept > out.txt\ncat out.txt\n", null);
    assertThat(transcript).isEqualTo("$ echo kept > out.txt\n$ cat out.txt\nkept\n");
    assertThat(workFolders()).isEqualTo(before);
  }
}
