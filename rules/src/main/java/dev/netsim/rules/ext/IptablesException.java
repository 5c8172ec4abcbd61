package dev.netsim.rules.ext;

import java.util.Objects;

/**
 * Bad input to iptables: what the real tool prints and the exit status it returns. Thrown by parsers and
 * checks, caught by the command classes, which print it with the program's name (so the same failure reads
 * {@code iptables v1.8.9 (nf_tables): ...} or {@code iptables-restore v1.8.9 (nf_tables): ...}).
 */
public final class IptablesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** How the failure is printed, after the libxtables function or nft error path that prints it. */
  public enum Kind {
    /** {@code xtables_error(PARAMETER_PROBLEM)}: prefixed line, then the "Try ... -h" hint; status 2. */
    PARAMETER(2),
    /** {@code xtables_error(OTHER_PROBLEM)}: prefixed line; status 1. */
    OTHER(1),
    /** {@code xtables_error(VERSION_PROBLEM)}: prefixed line and the "Perhaps iptables or your kernel" hint. */
    VERSION(3),
    /** A kernel refusal of a rule or chain operation: prefixed line; status 4. */
    RESOURCE(4),
    /** {@code nft_strerror()}: {@code PROG: MESSAGE.}; status 1. */
    STRERROR(1),
    /** Printed as is (e.g. {@code Bad argument `foo'}), then the "Try ... -h" hint; status 2. */
    BARE(2);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Kind kind;

  public IptablesException(Kind kind, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** The usual bad-parameter failure, e.g. {@code invalid port/service `99999' specified}. */
  public static IptablesException parameter(String message) {
    return new IptablesException(Kind.PARAMETER, message);
  }

  public Kind kind() {
    return kind;
  }

  public int status() {
    return kind.status();
  }
}
