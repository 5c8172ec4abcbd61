package dev.netsim.sim.stack;

/** The socket errors programs report, with the text {@code strerror} gives them on Linux. */
public enum Errno {
  EPERM("Operation not permitted"),
  EACCES("Permission denied"),
  ENOPROTOOPT("Protocol not available"),
  EADDRINUSE("Address already in use"),
  EADDRNOTAVAIL("Cannot assign requested address"),
  ENETUNREACH("Network is unreachable"),
  EHOSTUNREACH("No route to host"),
  ECONNREFUSED("Connection refused"),
  ECONNRESET("Connection reset by peer"),
  ETIMEDOUT("Connection timed out"),
  EINPROGRESS("Operation now in progress"),
  EINVAL("Invalid argument");

  private final String message;

  Errno(String message) {
    this.message = message;
  }

  public String message() {
    return message;
  }

  /**
   * The error a socket sees for an ICMP destination-unreachable code, as the kernel's icmp_err_convert
   * table maps them (net/ipv4/icmp.c).
   */
  public static Errno ofUnreachableCode(int code) {
    return switch (code) {
      case 0, 6, 9, 11 -> ENETUNREACH;
      case 2 -> ENOPROTOOPT;
      case 3 -> ECONNREFUSED;
      default -> EHOSTUNREACH;
    };
  }
}
