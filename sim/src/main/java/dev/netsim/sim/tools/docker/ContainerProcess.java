package dev.netsim.sim.tools.docker;

import dev.netsim.sim.World;
import dev.netsim.sim.programs.HttpServer;
import dev.netsim.sim.stack.SocketError;

/** The program a running container runs: a shell waiting on its terminal, or nginx serving its port. */
interface ContainerProcess {
  /** The exit status once it has ended by itself, -1 while it runs. */
  int exitStatus();

  /** Ends it ({@code docker stop}). */
  void stop();

  /**
   * Starts the program of {@code container} in its namespace. nginx listens on its exposed port and, when
   * something else listens there already (a second nginx on the host network), exits with status 1 as nginx
   * does after {@code bind() ... failed (98: Address already in use)}. A shell without a terminal
   * ({@code -t}) and without a command reads end-of-file at once and exits 0; given a command, the container
   * keeps running until it is stopped (netsim does not run a container's command in the background).
   */
  static ContainerProcess start(World world, Container container) {
    Image image = container.image();
    if (image.webServer()) {
      try {
        HttpServer server = HttpServer.start(world.kernel().host(container.netns()), image.exposedTcpPort(), "nginx",
            HttpServer.NGINX_WELCOME_PAGE);
        return running(server::stop);
      } catch (SocketError e) {
        return exited(1);
      }
    }
    boolean readsEndOfFile = !container.tty() && container.args().equals(image.cmd());
    return readsEndOfFile ? exited(0) : running(() -> {});
  }

  private static ContainerProcess running(Runnable stop) {
    return new ContainerProcess() {
      @Override
      public int exitStatus() {
        return -1;
      }

      @Override
      public void stop() {
        stop.run();
      }
    };
  }

  private static ContainerProcess exited(int status) {
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
