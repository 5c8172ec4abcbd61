package dev.netsim.rules.ext.match;

import dev.netsim.rules.ext.CNumbers;
import dev.netsim.rules.ext.IptablesException;
import java.util.List;

/** The TOS value/mask syntax and names shared by {@code -m tos} and {@code -j TOS}. */
public final class TosValues {
  private static final List<String> NAMES =
      List.of("Minimize-Delay", "Maximize-Throughput", "Maximize-Reliability", "Minimize-Cost", "Normal-Service");
  private static final int[] VALUES = {0x10, 0x08, 0x04, 0x02, 0x00};

  private TosValues() {}

  /** The symbolic name of a TOS value, or null. */
  public static String symbol(int value) {
    for (int i = 0; i < VALUES.length; i++) {
      if (VALUES[i] == value) {
        return NAMES.get(i);
      }
    }
    return null;
  }

  /**
   * x6 {@code XTTYPE_TOSMASK}: {@code value[/mask]} (mask defaulting to 0xff) or a name (mask
   * {@code symbolicMask}). Returns {value, mask}.
   */
  public static int[] parse(String arg, int symbolicMask) {
    CNumbers.Parsed value = CNumbers.strtoulPrefix(arg, 0, 0, 255, 0);
    if (value != null) {
      int mask = 0xff;
      int end = value.end();
      if (end < arg.length() && arg.charAt(end) == '/') {
        CNumbers.Parsed parsedMask = CNumbers.strtoulPrefix(arg, end + 1, 0, 255, 0);
        if (parsedMask == null) {
          throw IptablesException.parameter("Illegal value: \"" + arg + "\"");
        }
        mask = (int) parsedMask.value();
        end = parsedMask.end();
      }
      if (end != arg.length()) {
        throw IptablesException.parameter("Illegal value: \"" + arg + "\"");
      }
      return new int[] {(int) value.value(), mask};
    }
    for (int i = 0; i < NAMES.size(); i++) {
      if (NAMES.get(i).equalsIgnoreCase(arg)) {
        return new int[] {VALUES[i], symbolicMask};
      }
    }
    throw IptablesException.parameter("Symbolic name \"" + arg + "\" is unknown");
  }
}
