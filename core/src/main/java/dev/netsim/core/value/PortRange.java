package dev.netsim.core.value;

/** An inclusive range of TCP/UDP ports; a single port is a range of one. */
public record PortRange(int low, int high) {
  public static final PortRange ALL = new PortRange(0, 65535);

  public PortRange {
    if (low < 0 || high > 65535 || low > high) {
      throw new IllegalArgumentException("bad port range " + low + ":" + high);
    }
  }

  public static PortRange of(int port) {
    return new PortRange(port, port);
  }

  public boolean contains(int port) {
    return port >= low && port <= high;
  }

  public boolean isSingle() {
    return low == high;
  }

  public boolean isAll() {
    return low == 0 && high == 65535;
  }

  /** {@code 80} or {@code 1024:65535}, as iptables saves it. */
  @Override
  public String toString() {
    return isSingle() ? Integer.toString(low) : low + ":" + high;
  }
}
