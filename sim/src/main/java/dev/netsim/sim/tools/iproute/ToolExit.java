package dev.netsim.sim.tools.iproute;

/**
 * Ends a tool run early with an exit status, after the tool printed its message; what {@code exit(N)} and
 * {@code return -1} do in the C programs these tools imitate.
 */
final class ToolExit extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  ToolExit(int status) {
    super(null, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
