package dev.netsim.rules.state;

import dev.netsim.rules.ext.KernelError;

/**
 * The kernel refused an operation of a batch: iptables-nft prints it as
 * {@code RULE_APPEND failed (Invalid argument): rule in chain INPUT} (status 4).
 */
public final class KernelRefusal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String operation;
  private final KernelError error;
  private final String object;

  /**
   * @param operation the batch operation as iptables names it: RULE_APPEND, RULE_INSERT, CHAIN_DEL, ...
   * @param object what it was about: {@code rule in chain INPUT}, {@code chain FOO}
   */
  public KernelRefusal(String operation, KernelError error, String object) {
    super(operation + " failed (" + error.text() + "): " + object, null, false, false);
    this.operation = operation;
    this.error = error;
    this.object = object;
  }

  public String operation() {
    return operation;
  }

  public KernelError error() {
    return error;
  }

  public String object() {
    return object;
  }
}
