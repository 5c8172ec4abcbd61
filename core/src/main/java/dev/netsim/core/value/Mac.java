package dev.netsim.core.value;

import java.util.Locale;

/** A 48-bit Ethernet address held in the low bits of a {@code long}. */
public record Mac(long bits) {
  public static final Mac BROADCAST = new Mac(0xffff_ffff_ffffL);
  public static final Mac ZERO = new Mac(0);

  public Mac {
    if ((bits & ~0xffff_ffff_ffffL) != 0) {
      throw new IllegalArgumentException("MAC address wider than 48 bits: " + Long.toHexString(bits));
    }
  }

  /** Parses {@code aa:bb:cc:dd:ee:ff} (hex digits, either case, one or two per byte). */
  public static Mac parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 6) {
      throw invalid(text);
    }
    long bits = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 2) {
        throw invalid(text);
      }
      int value = 0;
      for (char c : part.toCharArray()) {
        int digit = c < 128 ? Character.digit(c, 16) : -1; // ASCII only, as the tools read it
        if (digit < 0) {
          throw invalid(text);
        }
        value = value * 16 + digit;
      }
      bits = bits << 8 | value;
    }
    return new Mac(bits);
  }

  private static InvalidValueException invalid(String text) {
    return new InvalidValueException("invalid MAC address `" + text + "'", text);
  }

  public boolean isBroadcast() {
    return bits == BROADCAST.bits;
  }

  /** The group bit: broadcast and multicast frames are flooded by a bridge. */
  public boolean isMulticast() {
    return (bits >>> 40 & 1) != 0;
  }

  public int octet(int index) {
    return (int) (bits >>> (40 - 8 * index) & 0xff);
  }

  /** Lower-case, colon-separated, two digits a byte: {@code 02:42:ac:11:00:02}, as {@code ip link} prints. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(17);
    for (int i = 0; i < 6; i++) {
      if (i > 0) {
        text.append(':');
      }
      text.append(String.format(Locale.ROOT, "%02x", octet(i)));
    }
    return text.toString();
  }
}
