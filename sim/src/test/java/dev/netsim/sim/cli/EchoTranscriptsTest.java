package dev.netsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EchoTranscriptsTest {
  @TempDir
  Path temp;

  @Test
  void theScriptWritesInATemporaryFolderThatIsRemovedAfterwards() throws IOException {
    String transcript = new EchoTranscripts(temp).transcript("echo kept > out.txt\ncat out.txt\n", null);
    assertThat(transcript).isEqualTo("$ echo kept > out.txt\n$ cat out.txt\nkept\n");
    assertThat(temp).isEmptyDirectory();
  }
}
