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

  ShellInvocation(Interpreter interpreter, Shell shell, String netns, List<String> argv, Io io) {
    this.interpreter = interpreter;
    this.shell = shell;
    this.netns = netns;
    this.argv = List.copyOf(argv);
    this.io = io;
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
    return interpreter.run(shell.subshell(), targetNetns, command, io, Words.join(command));
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
