package dev.netsim.sim.tools.docker;

import dev.netsim.sim.shell.text.IndentedJson;
import java.util.LinkedHashMap;
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
    return IndentedJson.print(value, "    ", Json::quote, Json::scalar);
  }

  private static void scalar(StringBuilder text, Object value) {
    if (value == null) {
      text.append("null");
    } else if (value instanceof String string) {
      quote(text, string);
    } else if (value instanceof Boolean || value instanceof Number) {
      text.append(value);
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
