package dev.netsim.rules.eval;

/**
 * Connection tracking states as bits, with the values of the kernel's {@code xt_conntrack} state mask, so
 * that {@code --ctstate NEW,ESTABLISHED} is one bitmask test.
 */
public final class CtState {
  public static final int INVALID = 1;
  public static final int ESTABLISHED = 1 << 1;
  public static final int RELATED = 1 << 2;
  public static final int NEW = 1 << 3;
  /** The connection's source was rewritten (an SNAT/MASQUERADE binding): only {@code --ctstate}. */
  public static final int SNAT = 1 << 8;
  /** The connection's destination was rewritten (a DNAT/REDIRECT binding): only {@code --ctstate}. */
  public static final int DNAT = 1 << 9;
  public static final int UNTRACKED = 1 << 10;

  /** {@code --ctstatus} bits (the kernel's {@code IPS_*}). */
  public static final int STATUS_EXPECTED = 1;
  public static final int STATUS_SEEN_REPLY = 1 << 1;
  public static final int STATUS_ASSURED = 1 << 2;
  public static final int STATUS_CONFIRMED = 1 << 3;

  private CtState() {}
}
