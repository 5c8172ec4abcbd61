package dev.netsim.sim.stack;

/**
 * A socket call that failed at once (no route, address in use, dropped by an OUTPUT rule), as the
 * simulated program sees it: it prints {@link Errno#message()} in its own words.
 */
public final class SocketError extends Exception {
  private static final long serialVersionUID = 1L;

  private final Errno errno;

  public SocketError(Errno errno) {
    super(errno.message(), null, false, false);
    this.errno = errno;
  }

  public Errno errno() {
    return errno;
  }
}
