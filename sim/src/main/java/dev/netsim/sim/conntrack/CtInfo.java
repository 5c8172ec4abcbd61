package dev.netsim.sim.conntrack;

/**
 * What a packet is to its connection, as the kernel's {@code ip_conntrack_info} says: the basis of
 * {@code --ctstate}. {@link #INVALID} and {@link #UNTRACKED} packets have no connection.
 */
public enum CtInfo {
  NEW,
  ESTABLISHED,
  ESTABLISHED_REPLY,
  RELATED,
  RELATED_REPLY,
  INVALID,
  UNTRACKED;

  public boolean isReply() {
    return this == ESTABLISHED_REPLY || this == RELATED_REPLY;
  }

  public boolean isRelated() {
    return this == RELATED || this == RELATED_REPLY;
  }

  public boolean isEstablished() {
    return this == ESTABLISHED || this == ESTABLISHED_REPLY;
  }

  public boolean hasConnection() {
    return this != INVALID && this != UNTRACKED;
  }

  /** The direction of a packet with a connection. */
  public Direction direction() {
    return isReply() ? Direction.REPLY : Direction.ORIGINAL;
  }

  /** The name {@code -m conntrack --ctstate} uses for this state. */
  public String stateName() {
    return switch (this) {
      case NEW -> "NEW";
      case ESTABLISHED, ESTABLISHED_REPLY -> "ESTABLISHED";
      case RELATED, RELATED_REPLY -> "RELATED";
      case INVALID -> "INVALID";
      case UNTRACKED -> "UNTRACKED";
    };
  }
}
