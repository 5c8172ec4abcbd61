package dev.netsim.sim.shell;

/**
 * A simulated program ({@code ip}, {@code iptables}, {@code ping}, {@code grep}, ...) that a script can run.
 *
 * <p>A tool reads its arguments and standard input from the {@link Invocation}, acts on the simulated
 * {@code World}, writes what the real program would write, and returns the real program's exit status.
 * It never touches the real machine.
 */
public interface Tool {
  /** Runs in the foreground; returns the exit status. */
  int run(Invocation call);

  /**
   * Starts the tool in the background ({@code cmd &}). Tools that keep running (a listening {@code nc -l},
   * a {@code tcpdump} capture) override this and return a live job; the default runs to completion.
   */
  default BackgroundJob start(Invocation call) {
    return BackgroundJob.finished(run(call));
  }
}
