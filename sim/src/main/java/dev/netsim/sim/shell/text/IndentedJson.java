package dev.netsim.sim.shell.text;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The layout jq and Go's {@code json.MarshalIndent} share: one member per line, nested values indented by one
 * more step, empty objects and arrays as {@code {}} and {@code []}. What differs between the programs (the
 * step, how strings are escaped, how numbers are written) is the caller's.
 */
public final class IndentedJson {
  private IndentedJson() {}

  /**
   * Prints {@code value} (a {@code Map} with string keys, a {@code List}, or a scalar) with {@code step} per
   * level; {@code scalar} writes everything that is not an object or an array, and {@code key} writes a key.
   */
  public static String print(Object value, String step, BiConsumer<StringBuilder, String> key,
      BiConsumer<StringBuilder, Object> scalar) {
    StringBuilder text = new StringBuilder();
    write(text, value, "", step, key, scalar);
    return text.toString();
  }

  /**
   * Writes {@code string} as a JSON string: quotes and backslashes escaped, newline, tab and return as their
   * short escapes, backspace and form feed too when {@code shortBackspaceAndFormFeed} (jq does, Go does not),
   * and other control characters and every character of {@code alsoAsUnicode} (Go's {@code <>&}, jq's DEL)
   * as four-digit unicode escapes.
   */
  public static void quote(StringBuilder text, String string, boolean shortBackspaceAndFormFeed,
      String alsoAsUnicode) {
    text.append('"');
    for (int i = 0; i < string.length(); i++) {
      char c = string.charAt(i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\t' -> text.append("\\t");
        case '\r' -> text.append("\\r");
        default -> {
          if (shortBackspaceAndFormFeed && c == '\b') {
            text.append("\\b");
          } else if (shortBackspaceAndFormFeed && c == '\f') {
            text.append("\\f");
          } else if (c < 0x20 || alsoAsUnicode.indexOf(c) >= 0) {
            text.append(String.format("\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    text.append('"');
  }

  private static void write(StringBuilder text, Object value, String indent, String step,
      BiConsumer<StringBuilder, String> key, BiConsumer<StringBuilder, Object> scalar) {
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        text.append("{}");
        return;
      }
      text.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        text.append(indent).append(step);
        key.accept(text, (String) entry.getKey());
        text.append(": ");
        write(text, entry.getValue(), indent + step, step, key, scalar);
        text.append(++i < map.size() ? ",\n" : "\n");
      }
      text.append(indent).append('}');
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        text.append("[]");
        return;
      }
      text.append("[\n");
      for (int i = 0; i < list.size(); i++) {
        text.append(indent).append(step);
        write(text, list.get(i), indent + step, step, key, scalar);
        text.append(i + 1 < list.size() ? ",\n" : "\n");
      }
      text.append(indent).append(']');
    } else {
      scalar.accept(text, value);
    }
  }
}
