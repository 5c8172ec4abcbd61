package dev.netsim.sim.programs;

/**
 * C's {@code strtod} in the C locale: how much of a text it reads as a number, and the number. Leading
 * white space, a sign, then decimal digits with an optional point and exponent, hexadecimal ({@code 0x1.8p3}),
 * or {@code inf}, {@code infinity}, {@code nan} in any case. Reading nothing gives 0 and end 0.
 */
final class Strtod {
  /**
   * @param value the number (0 when nothing was read)
   * @param end how many characters were read
   * @param overflow whether a finite literal was too large (strtod's ERANGE, giving HUGE_VAL)
   */
  record Result(double value, int end, boolean overflow) {}

  private Strtod() {}

  static Result parse(String text) {
    int i = 0;
    int n = text.length();
    while (i < n && " \t\n\u000b\f\r".indexOf(text.charAt(i)) >= 0) {
      i++;
    }
    int signAt = i;
    if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      i++;
    }
    boolean negative = signAt < i && text.charAt(signAt) == '-';
    String rest = text.substring(i).toLowerCase(java.util.Locale.ROOT);
    if (rest.startsWith("infinity") || rest.startsWith("inf")) {
      int length = rest.startsWith("infinity") ? 8 : 3;
      return new Result(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, i + length, false);
    }
    if (rest.startsWith("nan")) {
      return new Result(Double.NaN, i + 3, false);
    }
    boolean hex = rest.startsWith("0x") && i + 2 < n && (isDigit(text.charAt(i + 2), true)
        || text.charAt(i + 2) == '.' && i + 3 < n && isDigit(text.charAt(i + 3), true));
    int start = hex ? i + 2 : i;
    int end = start;
    int digits = 0;
    while (end < n && isDigit(text.charAt(end), hex)) {
      end++;
      digits++;
    }
    if (end < n && text.charAt(end) == '.') {
      int afterPoint = end + 1;
      int fraction = 0;
      while (afterPoint + fraction < n && isDigit(text.charAt(afterPoint + fraction), hex)) {
        fraction++;
      }
      if (digits + fraction > 0) {
        end = afterPoint + fraction;
        digits += fraction;
      }
    }
    if (digits == 0) {
      return new Result(0, 0, false);
    }
    String mantissa = text.substring(start, end);
    String exponent = "";
    char marker = hex ? 'p' : 'e';
    if (end < n && Character.toLowerCase(text.charAt(end)) == marker) {
      int e = end + 1;
      if (e < n && (text.charAt(e) == '+' || text.charAt(e) == '-')) {
        e++;
      }
      int expDigits = e;
      while (expDigits < n && isDigit(text.charAt(expDigits), false)) {
        expDigits++;
      }
      if (expDigits > e) {
        exponent = text.substring(end + 1, expDigits);
        end = expDigits;
      }
    }
    double magnitude = hex
        ? Double.parseDouble("0x" + (mantissa.startsWith(".") ? "0" : "") + mantissa + "p" + (exponent.isEmpty() ? "0" : exponent))
        : Double.parseDouble(mantissa + (exponent.isEmpty() ? "" : "e" + exponent));
    boolean overflow = Double.isInfinite(magnitude);
    return new Result(negative ? -magnitude : magnitude, end, overflow);
  }

  private static boolean isDigit(char c, boolean hex) {
    return c >= '0' && c <= '9' || hex && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
  }
}
