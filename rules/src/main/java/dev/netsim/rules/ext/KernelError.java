package dev.netsim.rules.ext;

/**
 * Why the kernel refuses a rule or a chain operation: the errno and the text {@code strerror} gives it, which
 * iptables-nft prints as {@code RULE_APPEND failed (Invalid argument): rule in chain INPUT}.
 */
public enum KernelError {
  /** A match or target refuses its placement (table, hook, protocol) or its values. */
  EINVAL("Invalid argument"),
  /** A kernel module the extension needs is missing, or the jump target does not exist. */
  ENOENT("No such file or directory"),
  /** A value the kernel accepts only within a smaller range. */
  ERANGE("Numerical result out of range"),
  /** The rule would close a loop of jumps reachable from a built-in chain. */
  EMLINK("Too many links"),
  /** A jump to a built-in chain. */
  EOPNOTSUPP("Operation not supported"),
  /** A chain that is still referenced or built in. */
  EBUSY("Device or resource busy");

  private final String text;

  KernelError(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }
}
