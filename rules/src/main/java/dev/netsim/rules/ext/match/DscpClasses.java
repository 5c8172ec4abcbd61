package dev.netsim.rules.ext.match;

import dev.netsim.rules.ext.IptablesException;
import java.util.Locale;
import java.util.Map;

/** The DiffServ class names of {@code --dscp-class} and {@code --set-dscp-class}. */
public final class DscpClasses {
  private static final Map<String, Integer> CLASSES = Map.ofEntries(
      Map.entry("CS0", 0x00), Map.entry("CS1", 0x08), Map.entry("CS2", 0x10), Map.entry("CS3", 0x18),
      Map.entry("CS4", 0x20), Map.entry("CS5", 0x28), Map.entry("CS6", 0x30), Map.entry("CS7", 0x38),
      Map.entry("BE", 0x00), Map.entry("AF11", 0x0a), Map.entry("AF12", 0x0c), Map.entry("AF13", 0x0e),
      Map.entry("AF21", 0x12), Map.entry("AF22", 0x14), Map.entry("AF23", 0x16), Map.entry("AF31", 0x1a),
      Map.entry("AF32", 0x1c), Map.entry("AF33", 0x1e), Map.entry("AF41", 0x22), Map.entry("AF42", 0x24),
      Map.entry("AF43", 0x26), Map.entry("EF", 0x2e));

  private DscpClasses() {}

  /** The DSCP value of a class name (any case). */
  public static int value(String name) {
    Integer value = CLASSES.get(name.toUpperCase(Locale.ROOT));
    if (value == null) {
      throw IptablesException.parameter("Invalid DSCP value `" + name + "'\n");
    }
    return value;
  }
}
