package dev.netsim.sim.shell;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one script run that outlives single commands: the machine, the tools, the options, the
 * terminal, the stack of shells {@code nsenter} started, process ids, pending traces, and whether
 * {@code --strict} has stopped the run.
 */
final class Session {
  /** The first process id handed out ({@code $$} of the top-level shell). */
  static final int FIRST_PID = 1000;

  final ShellHost host;
  final ToolRegistry tools;
  final RunOptions options;
  final Path scriptDir;
  final Io terminal;
  private final Deque<Shell> levels = new ArrayDeque<>();
  private final Map<Integer, String> pidNetns = new HashMap<>();
  private final List<String> traces = new ArrayList<>();
  private int nextPid = FIRST_PID;
  private int pipelineDepth;
  private boolean stopped;

  Session(ShellHost host, ToolRegistry tools, RunOptions options, Path scriptDir, PrintStream out, PrintStream err) {
    this.host = host;
    this.tools = tools;
    this.options = options;
    this.scriptDir = scriptDir;
    this.terminal = new Io("", Streams.terminal(out), Streams.terminal(err));
    levels.push(Shell.login(newPid(""), host.hostname()));
  }

  /** The shell that reads the next script line. */
  Shell current() {
    return levels.peek();
  }

  void push(Shell shell) {
    levels.push(shell);
  }

  /**
   * Ends {@code shell} (and any shell started on top of it); returns false when it was the top-level
   * shell, i.e. the script ends.
   */
  boolean end(Shell shell, int status) {
    while (levels.size() > 1) {
      Shell top = levels.pop();
      top.onExit.run();
      if (top == shell) {
        levels.peek().lastStatus = status;
        return true;
      }
    }
    return false;
  }

  int newPid(String netns) {
    int pid = nextPid++;
    pidNetns.put(pid, netns);
    return pid;
  }

  /** The namespace of a process this run started, or null. */
  String netnsOf(int pid) {
    return pidNetns.get(pid);
  }

  FileAccess files(String netns) {
    return new Sandbox(options.files(), scriptDir, host, netns);
  }

  /** A command was not simulated: under {@code --strict}, nothing more runs. */
  void noteNotSimulated() {
    if (options.strict()) {
      stopped = true;
    }
  }

  boolean stopped() {
    return stopped;
  }

  void addTrace(String rendered) {
    if (options.trace()) {
      traces.add(rendered);
    }
  }

  void enterPipeline() {
    pipelineDepth++;
  }

  /** Leaves a pipeline; after the outermost one, prints the traces its probes handed over. */
  void leavePipeline() {
    pipelineDepth--;
    if (pipelineDepth == 0) {
      flushTraces();
    }
  }

  void flushTraces() {
    for (String trace : traces) {
      PrintStream out = terminal.out();
      out.println("┌─ trace");
      for (String line : trace.stripTrailing().split("\n", -1)) {
        out.println("│ " + line);
      }
      out.println("└─");
    }
    traces.clear();
  }
}
