package dev.netsim.sim.shell;

import dev.netsim.sim.World;
import java.io.PrintStream;
import java.util.List;

/** One run of a {@link Tool}: its arguments, its namespace, its streams and the world it acts on. */
public interface Invocation {
  /** The words of the command line after expansion; {@code argv().get(0)} is the program name as typed. */
  List<String> argv();

  /** The simulated machine. */
  World world();

  /** The network namespace the command runs in: "" for the host's own, else the {@code ip netns} name. */
  String netns();

  /** All of standard input (a pipe, a here-document, {@code < file}); empty when there is none. */
  String stdin();

  /** Standard output. Tools running in the background may keep writing to it after they return. */
  PrintStream out();

  /** Standard error. */
  PrintStream err();

  /** The script's file access, confined to the folders the runner allows. */
  FileAccess files();

  /**
   * Runs another command line, already split into words, in namespace {@code netns} with this invocation's
   * streams: what {@code ip netns exec NS CMD...} and {@code docker exec} do. Returns its exit status.
   */
  int exec(String netns, List<String> argv);

  /**
   * As {@link #exec}, but started as {@code CMD &} starts it, for {@code ip netns exec NS CMD... &}: a program
   * that keeps running (a {@code tcpdump} capture) returns a live job. By default the command runs to its end.
   */
  default BackgroundJob start(String netns, List<String> argv) {
    return BackgroundJob.finished(exec(netns, argv));
  }

  /**
   * Starts an interactive shell in namespace {@code netns} that reads the script's following lines until
   * {@code exit}, as {@code docker run -it} and {@code docker exec -it} do; {@code onExit} runs when it
   * exits. Returns false, starting nothing, when the command does not read from the script's terminal (it
   * runs in a pipeline, a subshell or the background) or runs outside a script (the default).
   */
  default boolean enterShell(String netns, Runnable onExit) {
    return false;
  }

  /**
   * Hands over the explained path of a probe's packet. The runner prints it, set apart from the tool's own
   * output, when the user asked for traces ({@code netsim run --trace}); otherwise it is dropped.
   */
  void explain(String renderedTrace);
}
