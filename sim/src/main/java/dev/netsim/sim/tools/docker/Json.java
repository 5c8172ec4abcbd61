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

  /** A string as Go's encoding/json writes it: {@code <}, {@code >} and {@code &} as unicode escapes. */
  private static void quote(StringBuilder text, String string) {
    IndentedJson.quote(text, string, false, "<>&");
  }
}
