package dev.netsim.sim.tools.docker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as {@code docker inspect} prints it: Go's {@code json.MarshalIndent} with four spaces, fields in the
 * order given, empty objects as {@code {}}, empty arrays as {@code []}, and {@code <}, {@code >}, {@code &}
 * escaped as Go escapes them.
 */
final class Json {
  private Json() {}

  /** An object whose fields keep the order they are put in. */
  static Map<String, Object> object() {
    return new LinkedHashMap<>();
  }

  /** Builds an object from alternating names and values. */
  static Map<String, Object> object(Object... namesAndValues) {
    Map<String, Object> object = object();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      object.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return object;
  }

  static String print(Object value) {
    StringBuilder text = new StringBuilder();
    write(text, value, "");
    return text.toString();
  }

  private static void write(StringBuilder text, Object value, String indent) {
    if (value == null) {
      text.append("null");
    } else if (value instanceof String string) {
      quote(text, string);
    } else if (value instanceof Boolean || value instanceof Number) {
      text.append(value);
    } else if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        text.append("{}");
        return;
      }
      text.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        text.append(indent).append("    ");
        quote(text, (String) entry.getKey());
        text.append(": ");
        write(text, entry.getValue(), indent + "    ");
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
        text.append(indent).append("    ");
        write(text, list.get(i), indent + "    ");
        text.append(i + 1 < list.size() ? ",\n" : "\n");
      }
      text.append(indent).append(']');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass());
    }
  }

  private static void quote(StringBuilder text, String string) {
    text.append('"');
    for (int i = 0; i < string.length(); i++) {
      char c = string.charAt(i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\t' -> text.append("\\t");
        case '\r' -> text.append("\\r");
        case '<', '>', '&' -> text.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            text.append(String.format("\\u%04x", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
    text.append('"');
  }
}
