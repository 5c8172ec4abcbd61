package dev.netsim.sim.capture;

import dev.netsim.sim.World;
import dev.netsim.sim.shell.FileAccess;
import dev.netsim.sim.shell.Invocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** An invocation of a tool in a namespace, with its output kept in memory. */
final class FakeInvocation implements Invocation {
  private final List<String> argv;
  private final String netns;
  private final World world = new World();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
  private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

  FakeInvocation(String netns, String... argv) {
    this.netns = netns;
    this.argv = List.of(argv);
  }

  String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String stderr() {
    return err.toString(StandardCharsets.UTF_8);
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
    return outStream;
  }

  @Override
  public PrintStream err() {
    return errStream;
  }

  @Override
  public FileAccess files() {
    throw new UnsupportedOperationException("tcpdump uses its host's files");
  }

  @Override
  public int exec(String netns, List<String> argv) {
    throw new UnsupportedOperationException("tcpdump runs no other command");
  }

  @Override
  public void explain(String renderedTrace) {}
}
