package dev.netsim.sim.capture;

/**
 * A capture filter that tcpdump would refuse, with tcpdump's message (without its {@code tcpdump: } prefix,
 * e.g. {@code can't parse filter expression: syntax error}), or one that tcpdump accepts but netsim does
 * not model ({@link #notSimulated()}, e.g. {@code tcp[13] = 2}).
 */
public final class FilterSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean notSimulated;

  private FilterSyntaxException(String message, boolean notSimulated) {
    super(message);
    this.notSimulated = notSimulated;
  }

  /** An expression the real tcpdump rejects with {@code message}. */
  static FilterSyntaxException invalid(String message) {
    return new FilterSyntaxException(message, false);
  }

  /** tcpdump's answer to anything its grammar does not accept. */
  static FilterSyntaxException syntaxError() {
    return invalid("can't parse filter expression: syntax error");
  }

  /** A valid expression that uses a part of pcap-filter netsim does not simulate. */
  static FilterSyntaxException notSimulated(String what) {
    return new FilterSyntaxException(what, true);
  }

  /** Whether the expression is valid for tcpdump but outside what netsim models. */
  public boolean notSimulated() {
    return notSimulated;
  }
}
