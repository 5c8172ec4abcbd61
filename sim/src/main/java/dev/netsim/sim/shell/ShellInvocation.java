package dev.netsim.sim.shell;

import dev.netsim.sim.World;
import java.io.PrintStream;
import java.util.List;

/** A tool's {@link Invocation} inside a script run. */
final class ShellInvocation implements Invocation {
  private final Interpreter interpreter;
  private final Shell shell;
  private final String netns;
  private final List<String> argv;
  private final Io io;
  /** Whether the command line runs in the background ({@code cmd &}), so that a command it execs does too. */
  private final boolean background;
  /** The job of the command this one exec'd in the background ({@code ip netns exec NS nc -l ... &}), or null. */
  private BackgroundJob execJob;

  ShellInvocation(Interpreter interpreter, Shell shell, String netns, List<String> argv, Io io, boolean background) {
    this.interpreter = interpreter;
    this.shell = shell;
    this.netns = netns;
    this.argv = List.copyOf(argv);
    this.io = io;
    this.background = background;
  }

  /** The background job of an exec'd command, which stands for the whole command line; null if none. */
  BackgroundJob execJob() {
    return execJob;
  }

  Session session() {
    return interpreter.session();
  }

  @Override
  public List<String> argv() {
    return argv;
  }

  @Override
  public World world() {
    return session().host.world();
  }

  @Override
  public String netns() {
    return netns;
  }

  @Override
  public String stdin() {
    return io.stdin();
  }

  @Override
  public PrintStream out() {
    return io.out();
  }

  @Override
  public PrintStream err() {
    return io.err();
  }

  @Override
  public FileAccess files() {
    return session().files(netns);
  }

  @Override
  public int exec(String targetNetns, List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("exec needs a command");
    }
    if (background) {
      execJob = interpreter.dispatch(shell.subshell(), targetNetns, command, io, Words.join(command), true);
      return execJob.running() ? 0 : execJob.exitStatus();
    }
    return interpreter.run(shell.subshell(), targetNetns, command, io, Words.join(command));
  }

  @Override
  public BackgroundJob start(String targetNetns, List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("start needs a command");
    }
    return interpreter.dispatch(shell.subshell(), targetNetns, command, io, Words.join(command), true);
  }

  @Override
  public boolean enterShell(String targetNetns, Runnable onExit) {
    if (!shell.interactive || session().current() != shell) {
      return false;
    }
    Shell child = shell.child(session().newPid(targetNetns), targetNetns, true);
    child.onExit = onExit;
    session().push(child);
    return true;
  }

  @Override
  public void explain(String renderedTrace) {
    session().addTrace(renderedTrace);
  }
}
