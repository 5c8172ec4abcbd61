package dev.netsim.sim.shell;

/** A tool running in the background: {@code jobs} lists it, {@code kill} stops it, {@code wait} waits. */
public interface BackgroundJob {
  /** Whether the job is still running. */
  boolean running();

  /** The exit status once finished (undefined while running). */
  int exitStatus();

  /** Stops the job as SIGTERM would (a no-op once finished); returns its exit status. */
  int stop();

  /**
   * Ends the job at once, as a signal it does not catch (SIGKILL) does: unlike {@link #stop()}, the program
   * gets no chance to print or write anything more. By default the same as {@link #stop()}.
   */
  default void kill() {
    stop();
  }

  /**
   * Whether the program handles {@code signal} and exits by itself (tcpdump ends its capture and prints its
   * statistics on SIGTERM and SIGINT): its status is then its own exit status, not 128 + signal.
   */
  default boolean catches(int signal) {
    return false;
  }

  static BackgroundJob finished(int status) {
    return new BackgroundJob() {
      @Override
      public boolean running() {
        return false;
      }

      @Override
      public int exitStatus() {
        return status;
      }

      @Override
      public int stop() {
        return status;
      }
    };
  }
}
