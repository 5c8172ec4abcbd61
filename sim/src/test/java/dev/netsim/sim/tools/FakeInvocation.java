package dev.netsim.sim.tools;

import dev.netsim.sim.World;
import dev.netsim.sim.shell.FileAccess;
import dev.netsim.sim.shell.Invocation;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/** An {@link Invocation} for tests: one stream for stdout and stderr, nested commands through a {@link TranscriptRunner}. */
final class FakeInvocation implements Invocation {
  private final List<String> argv;
  private final World world;
  private final String netns;
  private final PrintStream stream;
  private final TranscriptRunner runner;

  FakeInvocation(List<String> argv, World world, String netns, PrintStream stream, TranscriptRunner runner) {
    this.argv = List.copyOf(argv);
    this.world = world;
    this.netns = netns;
    this.stream = stream;
    this.runner = runner;
  }

  @Override
  public List<String> argv() {
    return argv;
  }

  @Override
  public World world() {
    return world;
  }

  @Override
  public String netns() {
    return netns;
  }

  @Override
  public String stdin() {
    return "";
  }

  @Override
  public PrintStream out() {
    return stream;
  }

  @Override
  public PrintStream err() {
    return stream;
  }

  @Override
  public FileAccess files() {
    return new FileAccess() {
      @Override
      public String read(String path) throws IOException {
        throw new IOException("No such file or directory");
      }

      @Override
      public void write(String path, String contents, boolean append) throws IOException {
        throw new IOException("Permission denied");
      }

      @Override
      public boolean exists(String path) {
        return false;
      }
    };
  }

  @Override
  public int exec(String namespace, List<String> command) {
    return runner.runCommand(namespace, command, stream);
  }

  @Override
  public void explain(String renderedTrace) {}
}
