package dev.netsim.sim.shell.text;

import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.NotSimulated;
import dev.netsim.sim.shell.Tool;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bash's builtin {@code printf}: the format's escapes and conversions ({@code %s %b %q %c %d %i %u %o %x %X
 * %f %e %g} with flags, width and precision, {@code *} included), the format reused while arguments remain,
 * and bash's messages for invalid numbers.
 */
final class Printf implements Tool {
  private static final Pattern SPEC = Pattern.compile("%([-+ #0]*)(\\*|[0-9]*)(?:\\.(\\*|[0-9]*))?[hlLjzt]*(.)?", Pattern.DOTALL);
  private static final Pattern INTEGER = Pattern.compile("\\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)(.*)",
      Pattern.DOTALL);

  /** Thrown by {@code \c}: no more output at all. */
  private static final class Stop extends Exception {
    private static final long serialVersionUID = 1L;

    Stop() {
      super(null, null, false, false);
    }
  }

  /** The arguments still to use, and whether a number was invalid. */
  private static final class Arguments {
    final List<String> values;
    int next;
    boolean invalid;

    Arguments(List<String> values) {
      this.values = values;
    }

    String take() {
      return next < values.size() ? values.get(next++) : null;
    }
  }

  @Override
  public int run(Invocation call) {
    List<String> args = call.argv().subList(1, call.argv().size());
    if (!args.isEmpty() && args.get(0).equals("--")) {
      args = args.subList(1, args.size());
    } else if (!args.isEmpty() && args.get(0).startsWith("-v")) {
      return NotSimulated.report(call);
    }
    if (args.isEmpty()) {
      call.err().println("printf: usage: printf [-v var] format [arguments]");
      return 2;
    }
    String format = args.get(0);
    Arguments arguments = new Arguments(args.subList(1, args.size()));
    try {
      return format(call, format, arguments);
    } catch (TooWide e) {
      return NotSimulated.report(call);
    }
  }

  private static int format(Invocation call, String format, Arguments arguments) {
    StringBuilder out = new StringBuilder();
    int status = 0;
    try {
      do {
        int before = arguments.next;
        String error = once(format, arguments, out, call);
        if (error != null) {
          call.out().print(out);
          call.err().println("bash: printf: " + error);
          return 1;
        }
        if (arguments.next == before) {
          break;
        }
      } while (arguments.next < arguments.values.size());
    } catch (Stop stop) {
      // \c: output ends here
    }
    if (arguments.invalid) {
      status = 1;
    }
    call.out().print(out);
    return status;
  }

  /** Formats once; returns an error message for an invalid conversion, else null. */
  private static String once(String format, Arguments arguments, StringBuilder out, Invocation call) throws Stop {
    int i = 0;
    while (i < format.length()) {
      char c = format.charAt(i);
      if (c == '\\') {
        i = escape(format, i, out, false);
        continue;
      }
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      Matcher m = SPEC.matcher(format);
      m.region(i, format.length());
      if (!m.lookingAt() || m.group(4) == null) {
        return "`" + format.substring(i) + "': missing format character";
      }
      i = m.end();
      char conversion = m.group(4).charAt(0);
      if (conversion == '%') {
        out.append('%');
        continue;
      }
      String flags = m.group(1);
      String width = m.group(2).equals("*") ? String.valueOf(integer(arguments.take(), arguments, call)) : m.group(2);
      String precision = m.group(3) == null ? null
          : m.group(3).equals("*") ? String.valueOf(integer(arguments.take(), arguments, call)) : m.group(3);
      if (tooWide(width) || tooWide(precision)) {
        throw new TooWide();
      }
      String arg = arguments.take();
      String piece = switch (conversion) {
        case 's' -> pad(precision == null || arg == null ? nullToEmpty(arg)
            : nullToEmpty(arg).substring(0, Math.min(nullToEmpty(arg).length(), Integer.parseInt(precision.isEmpty() ? "0" : precision))),
            flags, width);
        case 'b' -> {
          StringBuilder expanded = new StringBuilder();
          String text = nullToEmpty(arg);
          try {
            for (int k = 0; k < text.length(); ) {
              if (text.charAt(k) == '\\') {
                k = escape(text, k, expanded, true);
              } else {
                expanded.append(text.charAt(k++));
              }
            }
          } catch (Stop stop) {
            out.append(expanded);
            throw stop;
          }
          yield pad(expanded.toString(), flags, width);
        }
        case 'q' -> pad(quote(nullToEmpty(arg)), flags, width);
        case 'c' -> pad(arg == null || arg.isEmpty() ? "" : arg.substring(0, arg.offsetByCodePoints(0, 1)), flags, width);
        case 'd', 'i' -> java(flags, width, precision, "d", integer(arg, arguments, call));
        case 'u' -> java(flags, width, precision, "d", integer(arg, arguments, call));
        case 'o', 'x', 'X' -> java(flags, width, precision, String.valueOf(conversion), integer(arg, arguments, call));
        case 'f', 'F', 'e', 'E' -> javaFloat(flags, width, precision, conversion, decimal(arg, arguments, call));
        case 'g', 'G' -> pad(general(decimal(arg, arguments, call), precision, flags.contains("#"), conversion == 'G'),
            flags, width);
        default -> null;
      };
      if (piece == null) {
        return "`" + conversion + "': invalid format character";
      }
      out.append(piece);
    }
    return null;
  }

  /** The widest field netsim formats; a wider one would only fill memory. */
  private static final int MAX_FIELD = 1 << 20;

  /** A field wider than {@link #MAX_FIELD}. */
  private static final class TooWide extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooWide() {
      super(null, null, false, false);
    }
  }

  private static boolean tooWide(String number) {
    return number != null && number.replace("-", "").length() > 0
        && (number.replace("-", "").length() > 7 || Integer.parseInt(number.replace("-", "")) > MAX_FIELD);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** Appends the escape at {@code text[i]} (a backslash); returns the index after it. */
  private static int escape(String text, int i, StringBuilder out, boolean percentB) throws Stop {
    if (i + 1 >= text.length()) {
      out.append('\\');
      return i + 1;
    }
    char e = text.charAt(i + 1);
    int next = i + 2;
    switch (e) {
      case 'a' -> out.append('\u0007');
      case 'b' -> out.append('\b');
      case 'c' -> {
        if (percentB) {
          throw new Stop();
        }
        out.append("\\c");
      }
      case 'e', 'E' -> out.append('\u001b');
      case 'f' -> out.append('\f');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case 'v' -> out.append('\u000b');
      case '\\' -> out.append('\\');
      case '"' -> out.append(percentB ? "\\\"" : "\"");
      case '\'' -> out.append(percentB ? "\\'" : "'");
      case 'x', 'u', 'U' -> {
        int max = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        int end = next;
        while (end < text.length() && end - next < max && Character.digit(text.charAt(end), 16) >= 0) {
          end++;
        }
        if (end == next) {
          out.append('\\').append(e);
        } else {
          out.appendCodePoint(Integer.parseInt(text.substring(next, end), 16));
          next = end;
        }
      }
      default -> {
        if (e >= '0' && e <= '7') {
          // %b reads \0NNN; the format reads \NNN
          int start = percentB && e == '0' ? next : i + 1;
          int end = start;
          while (end < text.length() && end - start < 3 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
            end++;
          }
          out.append((char) (end > start ? Integer.parseInt(text.substring(start, end), 8) & 0xff : 0));
          next = end;
        } else {
          out.append('\\').append(e);
        }
      }
    }
    return next;
  }

  private static long integer(String arg, Arguments arguments, Invocation call) {
    if (arg == null || arg.isEmpty()) {
      return 0;
    }
    if (arg.startsWith("'") || arg.startsWith("\"")) {
      return arg.length() > 1 ? arg.codePointAt(1) : 0;
    }
    Matcher m = INTEGER.matcher(arg);
    if (!m.matches()) {
      call.err().println("bash: printf: " + arg + ": invalid number");
      arguments.invalid = true;
      return 0;
    }
    String digits = m.group(2);
    long value;
    try {
      value = digits.startsWith("0x") || digits.startsWith("0X") ? Long.parseUnsignedLong(digits.substring(2), 16)
          : digits.startsWith("0") && digits.length() > 1 ? Long.parseLong(digits.substring(1), 8)
          : Long.parseLong(digits);
    } catch (NumberFormatException e) {
      value = Long.MAX_VALUE;
    }
    if (!m.group(3).isBlank()) {
      call.err().println("bash: printf: " + arg + ": invalid number");
      arguments.invalid = true;
    }
    return m.group(1).equals("-") ? -value : value;
  }

  private static double decimal(String arg, Arguments arguments, Invocation call) {
    if (arg == null || arg.isBlank()) {
      return 0;
    }
    Matcher m = Pattern.compile("\\s*([+-]?(?:[0-9]+\\.?[0-9]*|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)(.*)", Pattern.DOTALL)
        .matcher(arg);
    if (!m.matches()) {
      call.err().println("bash: printf: " + arg + ": invalid number");
      arguments.invalid = true;
      return 0;
    }
    if (!m.group(2).isBlank()) {
      call.err().println("bash: printf: " + arg + ": invalid number");
      arguments.invalid = true;
    }
    return Double.parseDouble(m.group(1));
  }

  private static String java(String flags, String width, String precision, String conversion, long value) {
    String text = String.format(Locale.ROOT, "%" + javaFlags(flags, conversion) + conversion,
        value);
    if (precision != null && !precision.isEmpty()) {
      String sign = text.startsWith("-") || text.startsWith("+") ? text.substring(0, 1) : "";
      String digits = text.substring(sign.length());
      int p = Integer.parseInt(precision);
      while (digits.length() < p) {
        digits = "0" + digits;
      }
      text = sign + digits;
    }
    return pad(text, flags.replace("0", precision == null ? "0" : ""), width);
  }

  private static String javaFlags(String flags, String conversion) {
    StringBuilder java = new StringBuilder();
    if (flags.contains("+") && conversion.equals("d")) {
      java.append('+');
    } else if (flags.contains(" ") && conversion.equals("d")) {
      java.append(' ');
    }
    if (flags.contains("#") && !conversion.equals("d")) {
      java.append('#');
    }
    return java.toString();
  }

  private static String javaFloat(String flags, String width, String precision, char conversion, double value) {
    String p = precision == null ? "6" : precision.isEmpty() ? "0" : precision;
    String javaConversion = conversion == 'F' ? "f" : String.valueOf(conversion);
    String text = String.format(Locale.ROOT, "%" + javaFlags(flags, "d") + "." + p + javaConversion, value);
    return pad(text, flags, width);
  }

  /** C's %g: the shorter of %e and %f at the given significant digits, trailing zeros removed. */
  private static String general(double value, String precision, boolean keepZeros, boolean upper) {
    int p = precision == null ? 6 : precision.isEmpty() ? 0 : Integer.parseInt(precision);
    p = Math.max(p, 1);
    if (value == 0) {
      return "0";
    }
    String e = String.format(Locale.ROOT, "%." + (p - 1) + "e", value);
    int exponent = Integer.parseInt(e.substring(e.indexOf('e') + 1));
    String text;
    if (exponent < -4 || exponent >= p) {
      String mantissa = e.substring(0, e.indexOf('e'));
      text = (keepZeros ? mantissa : stripZeros(mantissa)) + e.substring(e.indexOf('e'));
    } else {
      String f = new BigDecimal(value).setScale(Math.max(0, p - 1 - exponent), RoundingMode.HALF_EVEN).toPlainString();
      text = keepZeros ? f : stripZeros(f);
    }
    return upper ? text.toUpperCase(Locale.ROOT) : text;
  }

  private static String stripZeros(String number) {
    if (!number.contains(".")) {
      return number;
    }
    String stripped = number.replaceAll("0+$", "");
    return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
  }

  private static String pad(String text, String flags, String width) {
    if (width == null || width.isEmpty()) {
      return text;
    }
    int w = Integer.parseInt(width.startsWith("-") ? width.substring(1) : width);
    boolean left = flags.contains("-") || width.startsWith("-");
    if (text.length() >= w) {
      return text;
    }
    String fill = (flags.contains("0") && !left && text.matches("[+-]?[0-9.]+(e[+-]?[0-9]+)?")) ? "0" : " ";
    String padding = fill.repeat(w - text.length());
    if (left) {
      return text + padding;
    }
    if (fill.equals("0") && (text.startsWith("-") || text.startsWith("+"))) {
      return text.charAt(0) + padding + text.substring(1);
    }
    return padding + text;
  }

  /** bash's %q: backslashes before characters the shell would read specially; '' for the empty string. */
  private static String quote(String text) {
    if (text.isEmpty()) {
      return "''";
    }
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (!(Character.isLetterOrDigit(c) || "_@%+=:,./-".indexOf(c) >= 0 || c > 127)) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
