package dev.netsim.core.value;

/**
 * An IPv4 network: an address and a mask, with the host bits cleared as iptables and the kernel keep them
 * ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}).
 *
 * <p>The mask is usually contiguous ({@code /24}); iptables also accepts any dotted mask such as
 * {@code /255.0.255.0}, which is kept and printed as written. Routes only ever use contiguous masks.
 */
public record Ipv4Prefix(int address, int mask) {
  public static final Ipv4Prefix ANY = new Ipv4Prefix(0, 0);

  public Ipv4Prefix {
    address &= mask;
  }

  public static Ipv4Prefix of(Ipv4 address, int length) {
    return new Ipv4Prefix(address.bits(), maskOf(length));
  }

  public static Ipv4Prefix host(Ipv4 address) {
    return new Ipv4Prefix(address.bits(), -1);
  }

  /** The mask with {@code length} leading one bits. */
  public static int maskOf(int length) {
    if (length < 0 || length > 32) {
      throw new IllegalArgumentException("prefix length out of range: " + length);
    }
    return length == 0 ? 0 : -1 << (32 - length);
  }

  /**
   * Parses {@code A.B.C.D}, {@code A.B.C.D/LEN} or {@code A.B.C.D/M.A.S.K}; a bare address is a /32.
   * Errors name the part that is wrong: {@code invalid address `300.1.2.3'} or {@code invalid mask `33'}.
   */
  public static Ipv4Prefix parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return host(Ipv4.parse(text));
    }
    Ipv4 address = Ipv4.parse(text.substring(0, slash));
    return new Ipv4Prefix(address.bits(), parseMask(text.substring(slash + 1)));
  }

  /** Parses the part after the slash: a length 0..32 or a dotted mask. */
  public static int parseMask(String text) {
    if (text.indexOf('.') >= 0) {
      if (!Ipv4.isValid(text)) {
        throw invalidMask(text);
      }
      return Ipv4.parse(text).bits();
    }
    if (text.isEmpty() || text.length() > 2 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw invalidMask(text);
    }
    int length = Integer.parseInt(text);
    if (length > 32) {
      throw invalidMask(text);
    }
    return maskOf(length);
  }

  private static InvalidValueException invalidMask(String text) {
    return new InvalidValueException("invalid mask `" + text + "'", text);
  }

  public Ipv4 network() {
    return Ipv4.of(address);
  }

  public boolean isContiguous() {
    return (~mask & (~mask + 1)) == 0;
  }

  /** The prefix length, or -1 for a non-contiguous mask. */
  public int length() {
    return isContiguous() ? Integer.bitCount(mask) : -1;
  }

  public boolean contains(Ipv4 candidate) {
    return contains(candidate.bits());
  }

  public boolean contains(int candidate) {
    return (candidate & mask) == address;
  }

  /** The directed broadcast address of this network (the all-ones host part). */
  public Ipv4 broadcast() {
    return Ipv4.of(address | ~mask);
  }

  /** {@code 10.0.0.0/8}, or {@code 10.0.0.0/255.0.255.0} for a non-contiguous mask. */
  @Override
  public String toString() {
    int length = length();
    return Ipv4.format(address) + "/" + (length >= 0 ? Integer.toString(length) : Ipv4.format(mask));
  }
}
