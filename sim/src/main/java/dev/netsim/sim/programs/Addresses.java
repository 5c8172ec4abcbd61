package dev.netsim.sim.programs;

import java.util.Locale;

/**
 * How programs turn a host argument into an address: numbers as {@code inet_aton} reads them
 * ({@code 127.1} is 127.0.0.1), names from the simulated {@code /etc/hosts}. netsim has no DNS.
 */
public final class Addresses {
  private Addresses() {}

  /** The address of {@code host}, or -1 when it does not resolve ("Temporary failure in name resolution"). */
  public static long resolve(String host) {
    if ("localhost".equals(host.toLowerCase(Locale.ROOT))) {
      return 0x7f000001L;
    }
    return inetAton(host);
  }

  /** {@code inet_aton}: 1 to 4 parts, each decimal, octal (leading 0) or hex (0x); the last fills the rest. */
  public static long inetAton(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length < 1 || parts.length > 4) {
      return -1;
    }
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = number(parts[i]);
      if (values[i] < 0) {
        return -1;
      }
    }
    long result = 0;
    for (int i = 0; i < parts.length - 1; i++) {
      if (values[i] > 255) {
        return -1;
      }
      result |= values[i] << (24 - 8 * i);
    }
    long last = values[parts.length - 1];
    int lastBits = 32 - 8 * (parts.length - 1);
    if (last >= 1L << lastBits) {
      return -1;
    }
    return result | last;
  }

  private static long number(String part) {
    if (part.isEmpty()) {
      return -1;
    }
    int radix = 10;
    String digits = part;
    if (part.startsWith("0x") || part.startsWith("0X")) {
      radix = 16;
      digits = part.substring(2);
      if (digits.isEmpty()) {
        return 0;
      }
    } else if (part.length() > 1 && part.charAt(0) == '0') {
      radix = 8;
      digits = part.substring(1);
    }
    long value = 0;
    for (char c : digits.toCharArray()) {
      int digit = Character.digit(c, radix);
      if (digit < 0) {
        return -1;
      }
      value = value * radix + digit;
      if (value > 0xffff_ffffL) {
        return -1;
      }
    }
    return value;
  }
}
