package dev.netsim.rules.ext;

/**
 * Number parsing with the exact semantics of the C library calls libxtables builds on ({@code strtoumax}
 * with base 0: leading blanks, {@code 0x} hex, leading-zero octal) and of {@code xtables_strtoul}, so that
 * {@code 010} is 8 and {@code " 5"} is 5 just as in iptables. Values are unsigned 64-bit, held in a long.
 */
public final class CNumbers {
  private CNumbers() {}

  /** The outcome of {@link #strtoumax}: value, where parsing stopped, whether it overflowed. */
  public record Parsed(long value, int end, boolean overflow) {
    public boolean consumedAll(String text) {
      return end == text.length();
    }
  }

  /**
   * {@code strtoumax(text + from, &end, base)}: returns end == from when no digits were found. A leading
   * minus negates the value as C does (callers that forbid it check first).
   */
  public static Parsed strtoumax(String text, int from, int base) {
    int i = from;
    int n = text.length();
    while (i < n && isSpace(text.charAt(i))) {
      i++;
    }
    boolean negative = false;
    if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      negative = text.charAt(i) == '-';
      i++;
    }
    int radix = base;
    if ((radix == 0 || radix == 16) && i + 1 < n && text.charAt(i) == '0'
        && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')
        && i + 2 < n && Character.digit(text.charAt(i + 2), 16) >= 0) {
      i += 2;
      radix = 16;
    } else if (radix == 0) {
      radix = i < n && text.charAt(i) == '0' ? 8 : 10;
    }
    int start = i;
    long value = 0;
    boolean overflow = false;
    while (i < n) {
      int digit = Character.digit(text.charAt(i), radix);
      if (digit < 0 || text.charAt(i) > 127) {
        break;
      }
      long limit = Long.divideUnsigned(-1L - digit, radix);
      if (Long.compareUnsigned(value, limit) > 0) {
        overflow = true;
      }
      value = value * radix + digit;
      i++;
    }
    if (i == start) {
      return new Parsed(0, from, false);
    }
    if (overflow) {
      value = -1L;
    } else if (negative) {
      value = -value;
    }
    return new Parsed(value, i, overflow);
  }

  /**
   * {@code xtables_strtoul_base} with an end pointer: the value if {@code text} from {@code from} starts with
   * an unsigned number in [min, max] (max 0 meaning no limit), else null. Leading minus is refused.
   */
  public static Parsed strtoulPrefix(String text, int from, long min, long max, int base) {
    int i = from;
    while (i < text.length() && isSpace(text.charAt(i))) {
      i++;
    }
    if (i < text.length() && text.charAt(i) == '-') {
      return null;
    }
    Parsed parsed = strtoumax(text, from, base);
    if (parsed.end() == from || parsed.overflow()) {
      return null;
    }
    if (Long.compareUnsigned(parsed.value(), min) < 0
        || (max != 0 && Long.compareUnsigned(parsed.value(), max) > 0)) {
      return null;
    }
    return parsed;
  }

  /**
   * {@code xtables_strtoul(text, NULL, ...)}: the whole text must be an unsigned number in [min, max];
   * returns it, or -1 when it is not (use only with max below 2^63).
   */
  public static long parseUnsigned(String text, long min, long max) {
    return parseUnsigned(text, min, max, 0);
  }

  /** {@link #parseUnsigned(String, long, long)} with an explicit base. */
  public static long parseUnsigned(String text, long min, long max, int base) {
    Parsed parsed = strtoulPrefix(text, 0, min, max, base);
    if (parsed == null || !parsed.consumedAll(text)) {
      return -1;
    }
    return parsed.value();
  }

  /** Whether {@code text} is a full unsigned 64-bit number in [min, max] (unsigned comparison, max 0: none). */
  public static boolean isUnsigned64(String text, long min, long max) {
    Parsed parsed = strtoulPrefix(text, 0, min, max, 0);
    return parsed != null && parsed.consumedAll(text);
  }

  /** C's {@code isspace} in the C locale. */
  public static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f';
  }

  /**
   * {@code sscanf(text, "%llu")}: leading blanks, optional sign, decimal digits; any trailing text ignored.
   * Returns null when no number is there.
   */
  public static Long scanUnsigned(String text) {
    Parsed parsed = strtoumax(text, 0, 10);
    if (parsed.end() == 0) {
      return null;
    }
    return parsed.value();
  }
}
