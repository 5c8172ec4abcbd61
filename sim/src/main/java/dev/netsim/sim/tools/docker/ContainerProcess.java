package dev.netsim.sim.tools.docker;

import dev.netsim.sim.World;

/** The program a running container runs: a shell waiting on its terminal, or nginx serving its port. */
interface ContainerProcess {
  /** The exit status once it has ended by itself, -1 while it runs. */
  int exitStatus();

  /** Ends it ({@code docker stop}). */
  void stop();

  /**
   * Starts the program of {@code container} in its namespace. A shell without a terminal ({@code -t}) and
   * without a command reads end-of-file at once and exits 0; given a command, the container keeps running
   * until it is stopped (netsim does not run a container's command in the background).
   */
  static ContainerProcess start(World world, Container container) {
    boolean exitsAtOnce = !container.image().webServer() && !container.tty()
        && container.args().equals(container.image().cmd());
    int status = exitsAtOnce ? 0 : -1;
    return new ContainerProcess() {
      @Override
      public int exitStatus() {
        return status;
      }

      @Override
      public void stop() {}
    };
  }
}
