package dev.netsim.core.topo;

/** The errno values the kernel returns for refused topology and sysctl operations, with glibc's wording. */
public enum Errno {
  EPERM("Operation not permitted"),
  ENOENT("No such file or directory"),
  ESRCH("No such process"),
  EACCES("Permission denied"),
  EBUSY("Device or resource busy"),
  EEXIST("File exists"),
  ENODEV("No such device"),
  EINVAL("Invalid argument"),
  ERANGE("Numerical result out of range"),
  EOPNOTSUPP("Operation not supported"),
  EADDRNOTAVAIL("Cannot assign requested address"),
  ENETDOWN("Network is down"),
  ENETUNREACH("Network is unreachable"),
  EHOSTUNREACH("No route to host"),
  ENOBUFS("No buffer space available");

  private final String message;

  Errno(String message) {
    this.message = message;
  }

  /** What {@code strerror} says, e.g. "File exists". */
  public String message() {
    return message;
  }
}
