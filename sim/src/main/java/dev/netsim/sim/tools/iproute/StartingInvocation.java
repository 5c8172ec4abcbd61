package dev.netsim.sim.tools.iproute;

import dev.netsim.sim.World;
import dev.netsim.sim.shell.BackgroundJob;
import dev.netsim.sim.shell.FileAccess;
import dev.netsim.sim.shell.Invocation;
import java.io.PrintStream;
import java.util.List;

/**
 * The invocation of {@code ip} started in the background: {@code ip netns exec NS CMD &} starts CMD as
 * {@code CMD &} would (a capture keeps running) instead of running it to its end. Everything else is the
 * underlying invocation's.
 */
final class StartingInvocation implements Invocation {
  private final Invocation call;
  private BackgroundJob started;

  StartingInvocation(Invocation call) {
    this.call = call;
  }

  /** The job {@code ip netns exec} started, or null when ip did not get that far. */
  BackgroundJob started() {
    return started;
  }

  @Override
  public int exec(String netns, List<String> argv) {
    started = call.start(netns, argv);
    return 0;
  }

  @Override
  public BackgroundJob start(String netns, List<String> argv) {
    return call.start(netns, argv);
  }

  @Override
  public List<String> argv() {
    return call.argv();
  }

  @Override
  public World world() {
    return call.world();
  }

  @Override
  public String netns() {
    return call.netns();
  }

  @Override
  public String stdin() {
    return call.stdin();
  }

  @Override
  public PrintStream out() {
    return call.out();
  }

  @Override
  public PrintStream err() {
    return call.err();
  }

  @Override
  public FileAccess files() {
    return call.files();
  }

  @Override
  public void explain(String renderedTrace) {
    call.explain(renderedTrace);
  }
}
