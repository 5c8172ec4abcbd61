package dev.netsim.sim.tools.docker;

/** A docker command fails: {@code message} is what the CLI prints to stderr, {@code status} its exit status. */
final class DockerException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  DockerException(String message, int status) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }
}
