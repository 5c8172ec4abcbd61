package dev.netsim.sim.shell.text;

import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.NotSimulated;
import dev.netsim.sim.shell.Tool;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * jq 1.6 with the identity filter ({@code jq}, {@code jq .}) reading standard input: each JSON value
 * pretty-printed as jq prints it to a pipe (two-space indentation, no colours, {@code <>&} unescaped, numbers
 * in their shortest form). Other filters, options and files, and input that is not JSON, are not simulated.
 */
final class Jq implements Tool {
  @Override
  public int run(Invocation call) {
    List<String> args = call.argv().subList(1, call.argv().size());
    if (args.size() > 1 || (args.size() == 1 && !args.get(0).equals("."))) {
      return NotSimulated.report(call);
    }
    List<Object> values = new ArrayList<>();
    try {
      Parser parser = new Parser(call.stdin());
      while (parser.more()) {
        values.add(parser.value());
      }
    } catch (IllegalArgumentException e) {
      return NotSimulated.report(call, String.join(" ", call.argv()) + " (input that is not JSON)");
    }
    for (Object value : values) {
      call.out().println(IndentedJson.print(value, "  ", Jq::quote, Jq::scalar));
    }
    return 0;
  }

  /** Strings as jq escapes them, numbers as jq 1.6 prints them. */
  private static void scalar(StringBuilder text, Object value) {
    if (value instanceof String string) {
      quote(text, string);
    } else if (value instanceof Double number) {
      text.append(number(number));
    } else {
      text.append(value == null ? "null" : value.toString());
    }
  }

  /**
   * jq 1.6 keeps numbers as doubles and prints them with David Gay's g_fmt: the shortest digits that read back
   * the same, in exponent form (two exponent digits at least) when the decimal point would sit more than five
   * places after them or four places before.
   */
  static String number(double d) {
    if (d == 0) {
      return 1 / d < 0 ? "-0" : "0";
    }
    BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int point = digits.length() - shortest.scale();
    String sign = d < 0 ? "-" : "";
    if (point <= -4 || point > digits.length() + 5) {
      int exponent = point - 1;
      String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
    if (point <= 0) {
      return sign + "0." + "0".repeat(-point) + digits;
    }
    if (point >= digits.length()) {
      return sign + digits + "0".repeat(point - digits.length());
    }
    return sign + digits.substring(0, point) + "." + digits.substring(point);
  }

  /** A string as jq writes it: short escapes for backspace and form feed, DEL as {@code \\u007f}. */
  private static void quote(StringBuilder text, String string) {
    IndentedJson.quote(text, string, true, "\u007f");
  }

  /** A strict JSON reader for a stream of values separated by white space. */
  private static final class Parser {
    private final String text;
    private int at;

    Parser(String text) {
      this.text = text;
    }

    boolean more() {
      skipSpace();
      return at < text.length();
    }

    Object value() {
      skipSpace();
      if (at >= text.length()) {
        throw new IllegalArgumentException("end of input");
      }
      char c = text.charAt(at);
      switch (c) {
        case '{' -> {
          at++;
          Map<String, Object> object = new LinkedHashMap<>();
          skipSpace();
          if (peek('}')) {
            at++;
            return object;
          }
          while (true) {
            skipSpace();
            if (!peek('"')) {
              throw new IllegalArgumentException("object key");
            }
            String key = string();
            skipSpace();
            expect(':');
            object.put(key, value());
            skipSpace();
            if (peek(',')) {
              at++;
            } else {
              expect('}');
              return object;
            }
          }
        }
        case '[' -> {
          at++;
          List<Object> list = new ArrayList<>();
          skipSpace();
          if (peek(']')) {
            at++;
            return list;
          }
          while (true) {
            list.add(value());
            skipSpace();
            if (peek(',')) {
              at++;
            } else {
              expect(']');
              return list;
            }
          }
        }
        case '"' -> {
          return string();
        }
        default -> {
          for (String literal : List.of("true", "false", "null")) {
            if (text.startsWith(literal, at)) {
              at += literal.length();
              return literal.equals("null") ? null : Boolean.valueOf(literal);
            }
          }
          int start = at;
          while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
          }
          String literal = text.substring(start, at);
          if (!literal.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
            throw new IllegalArgumentException("literal");
          }
          return Double.parseDouble(literal);
        }
      }
    }

    private String string() {
      expect('"');
      StringBuilder value = new StringBuilder();
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c == '"') {
          return value.toString();
        }
        if (c != '\\') {
          value.append(c);
          continue;
        }
        if (at >= text.length()) {
          break;
        }
        char escape = text.charAt(at++);
        switch (escape) {
          case 'n' -> value.append('\n');
          case 't' -> value.append('\t');
          case 'r' -> value.append('\r');
          case 'b' -> value.append('\b');
          case 'f' -> value.append('\f');
          case '/', '"', '\\' -> value.append(escape);
          case 'u' -> {
            if (at + 4 > text.length()) {
              throw new IllegalArgumentException("escape");
            }
            try {
              value.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException("escape");
            }
            at += 4;
          }
          default -> throw new IllegalArgumentException("escape");
        }
      }
      throw new IllegalArgumentException("unterminated string");
    }

    private boolean peek(char c) {
      return at < text.length() && text.charAt(at) == c;
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw new IllegalArgumentException("expected " + c);
      }
      at++;
    }

    private void skipSpace() {
      while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
        at++;
      }
    }
  }
}
