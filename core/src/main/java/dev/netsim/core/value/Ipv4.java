package dev.netsim.core.value;

/**
 * An IPv4 address held in an {@code int} (network order: the first octet is the most significant byte).
 *
 * <p>Never resolves names: only dotted quads are accepted.
 */
public record Ipv4(int bits) implements Comparable<Ipv4> {
  public static final Ipv4 ANY = new Ipv4(0);
  public static final Ipv4 BROADCAST = new Ipv4(-1);
  public static final Ipv4 LOOPBACK = new Ipv4(0x7f000001);

  public static Ipv4 of(int bits) {
    return new Ipv4(bits);
  }

  public static Ipv4 of(int a, int b, int c, int d) {
    for (int octet : new int[] {a, b, c, d}) {
      if (octet < 0 || octet > 255) {
        throw new IllegalArgumentException("octet out of range: " + octet);
      }
    }
    return new Ipv4(a << 24 | b << 16 | c << 8 | d);
  }

  /** Parses a dotted quad such as {@code 10.0.2.15}; throws {@code invalid address `TEXT'} otherwise. */
  public static Ipv4 parse(String text) {
    long bits = parseBits(text);
    if (bits < 0) {
      throw invalid(text);
    }
    return new Ipv4((int) bits);
  }

  /** Whether {@code text} is a dotted quad. */
  public static boolean isValid(String text) {
    return parseBits(text) >= 0;
  }

  /** The address as an unsigned value, or -1 when {@code text} is not a dotted quad. */
  private static long parseBits(String text) {
    if (text == null) {
      return -1;
    }
    long bits = 0;
    int octets = 0;
    int i = 0;
    int n = text.length();
    while (octets < 4) {
      int start = i;
      int value = 0;
      while (i < n && i - start < 4) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          break;
        }
        value = value * 10 + (c - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || digits > 3 || value > 255) {
        return -1;
      }
      bits = bits << 8 | value;
      octets++;
      if (octets < 4) {
        if (i >= n || text.charAt(i) != '.') {
          return -1;
        }
        i++;
      }
    }
    return i == n ? bits : -1;
  }

  static InvalidValueException invalid(String text) {
    return new InvalidValueException("invalid address `" + text + "'", text);
  }

  public int octet(int index) {
    return bits >>> (24 - 8 * index) & 0xff;
  }

  /** The address as an unsigned value, e.g. for ClassBench traces. */
  public long unsigned() {
    return Integer.toUnsignedLong(bits);
  }

  public boolean isLoopback() {
    return bits >>> 24 == 127;
  }

  public boolean isMulticast() {
    return (bits >>> 28) == 0xe;
  }

  public boolean isAny() {
    return bits == 0;
  }

  public boolean isLimitedBroadcast() {
    return bits == -1;
  }

  public Ipv4 plus(int delta) {
    return new Ipv4(bits + delta);
  }

  @Override
  public int compareTo(Ipv4 other) {
    return Integer.compareUnsigned(bits, other.bits);
  }

  @Override
  public String toString() {
    return format(bits);
  }

  public static String format(int bits) {
    return (bits >>> 24) + "." + (bits >>> 16 & 0xff) + "." + (bits >>> 8 & 0xff) + "." + (bits & 0xff);
  }
}
