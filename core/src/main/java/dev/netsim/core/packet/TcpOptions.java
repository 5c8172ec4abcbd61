package dev.netsim.core.packet;

/**
 * The TCP options Linux puts on its segments: MSS, SACK permitted, timestamps and window scale on a SYN,
 * timestamps alone afterwards. A value of -1 means the option is absent.
 */
public record TcpOptions(int mss, boolean sackPermitted, long tsVal, long tsEcr, int windowScale) {
  public static final TcpOptions NONE = new TcpOptions(-1, false, -1, -1, -1);

  public boolean hasTimestamps() {
    return tsVal >= 0;
  }

  /** Encoded length in bytes, padded to a multiple of four as Linux lays them out. */
  public int length() {
    int length = 0;
    if (mss >= 0) {
      length += 4;
    }
    if (sackPermitted) {
      length += 2;
    }
    if (hasTimestamps()) {
      length += 10;
    }
    if (windowScale >= 0) {
      length += 3;
    }
    return (length + 3) & ~3;
  }
}
