package dev.netsim.sim.cli;

import dev.netsim.sim.World;
import dev.netsim.sim.conform.NetsimTranscripts;
import dev.netsim.sim.shell.FilePolicy;
import dev.netsim.sim.shell.RunOptions;
import dev.netsim.sim.shell.ScriptRunner;
import dev.netsim.sim.shell.ToolRegistry;
import dev.netsim.sim.tools.SimulatedHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * netsim's side of {@code netsim conform}: the {@code run --echo} transcript of a script, produced in this
 * process on a fresh machine. The script reads next to itself and writes into a temporary folder, removed
 * afterwards.
 */
public final class EchoTranscripts implements NetsimTranscripts {
  private final ToolRegistry tools = ToolRegistry.standard();
  /** Where the temporary folders go: the system's temporary folder, or another for tests. */
  private final Path tempParent;

  public EchoTranscripts() {
    this(Path.of(System.getProperty("java.io.tmpdir")));
  }

  EchoTranscripts(Path tempParent) {
    this.tempParent = tempParent;
  }

  @Override
  public String transcript(String scriptText, Path scriptDir) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Path work;
    try {
      work = Files.createTempDirectory(tempParent, "netsim-conform");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    FilePolicy files = FilePolicy.in(work);
    if (scriptDir != null) {
      files = files.allowRead(scriptDir);
    }
    RunOptions options = RunOptions.defaults().withEcho(true).withFiles(files);
    try {
      new ScriptRunner(tools).run(scriptText, "script", scriptDir, new SimulatedHost(new World()), options, out, out);
    } finally {
      deleteTree(work);
    }
    out.flush();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** Removes the temporary folder and what the script wrote there (links themselves, not what they name). */
  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
