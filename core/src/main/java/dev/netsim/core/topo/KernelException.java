package dev.netsim.core.topo;

import java.util.Objects;

/**
 * An operation the kernel refuses: the errno it returns and, where the kernel explains itself through
 * netlink's extended ack, that message ("Nexthop has invalid gateway").
 *
 * <p>Tools turn it into the real program's words: iproute2 prints {@code Error: <extack>.} when there is an
 * extack message and {@code RTNETLINK answers: <strerror>} otherwise.
 */
public final class KernelException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Errno errno;
  private final String extack;

  public KernelException(Errno errno) {
    this(errno, null);
  }

  public KernelException(Errno errno, String extack) {
    super(extack == null ? errno.name() + ": " + errno.message() : errno.name() + ": " + extack);
    this.errno = Objects.requireNonNull(errno);
    this.extack = extack;
  }

  public Errno errno() {
    return errno;
  }

  /** The kernel's extended-ack message, or null when it gives none. */
  public String extack() {
    return extack;
  }
}
