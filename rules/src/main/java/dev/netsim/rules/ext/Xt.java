package dev.netsim.rules.ext;

/**
 * libxtables' value parsers with its exact error messages, for extension parsers: integers and ranges (the
 * x6 option types), ports and services, marks with masks.
 */
public final class Xt {
  private Xt() {}

  /** x6 {@code XTTYPE_UINT*}: a C-syntax number in [min, max]. */
  public static long uint(String ext, String option, String arg, long min, long max) {
    CNumbers.Parsed parsed = CNumbers.strtoulPrefix(arg, 0, min, max, 0);
    if (parsed == null || !parsed.consumedAll(arg)) {
      throw badValue(ext, option, min, max);
    }
    return parsed.value();
  }

  /** The x6 "bad value" failure. */
  public static IptablesException badValue(String ext, String option, long min, long max) {
    return IptablesException.parameter(ext + ": bad value for option \"--" + option + "\", or out of range ("
        + Long.toUnsignedString(min) + "-" + Long.toUnsignedString(max) + ").\n");
  }

  /**
   * x6 {@code XTTYPE_UINT*RC}: {@code a[:b]} (or up to {@code maxParts} parts), missing parts defaulting to
   * min (first) and max (second). Returns the parts parsed (length 1 when there was no colon).
   */
  public static long[] uintRange(String ext, String option, String arg, long min, long max, int maxParts) {
    long[] values = new long[maxParts];
    int count = 0;
    long low = min;
    int from = 0;
    while (true) {
      if (count == maxParts) {
        throw IptablesException.parameter(ext + ": Too many components for option \"--" + option
            + "\" (max: " + maxParts + ")\n");
      }
      long value;
      int end;
      if (from == arg.length() || arg.charAt(from) == ':') {
        end = from;
        value = count == 1 ? max : low;
      } else {
        CNumbers.Parsed parsed = CNumbers.strtoulPrefix(arg, from, low, max, 0);
        if (parsed == null) {
          throw IptablesException.parameter(ext + ": bad value for option \"--" + option + "\" near \""
              + arg.substring(from) + "\", or out of range (" + Long.toUnsignedString(low) + "-"
              + Long.toUnsignedString(max) + ").\n");
        }
        end = parsed.end();
        if (end != arg.length() && arg.charAt(end) != ':') {
          throw IptablesException.parameter(ext + ": Argument to \"--" + option
              + "\" has unexpected characters near \"" + arg.substring(end) + "\".\n");
        }
        value = parsed.value();
        low = value;
      }
      values[count++] = value;
      if (end == arg.length()) {
        break;
      }
      from = end + 1;
    }
    return java.util.Arrays.copyOf(values, count);
  }

  /**
   * {@code xtables_parse_port}: a number 0..65535 or a service name of {@code protocol}; fails with
   * {@code invalid port/service `x' specified}.
   */
  public static int port(String arg, String protocol) {
    long number = CNumbers.parseUnsigned(arg, 0, 65535);
    if (number >= 0) {
      return (int) number;
    }
    int service = Names.servicePort(arg, protocol);
    if (service >= 0) {
      return service;
    }
    throw IptablesException.parameter("invalid port/service `" + arg + "' specified");
  }

  /**
   * {@code getaddrinfo(NULL, name)} as libxtables uses it for x6 port options: a decimal number, or a service
   * name of any protocol; -1 when it does not resolve.
   */
  public static int serviceOrNumber(String arg) {
    if (!arg.isEmpty() && arg.chars().allMatch(Character::isDigit)) {
      long value = arg.length() > 9 ? Long.MAX_VALUE : Long.parseLong(arg);
      return value <= 65535 ? (int) value : -1;
    }
    int port = Names.servicePort(arg, "tcp");
    return port >= 0 ? port : Names.servicePort(arg, "udp");
  }

  /**
   * x6 {@code XTTYPE_PORTRC}: {@code port[:port]}, each side a number or service, a missing side 0 or 65535.
   * Returns {low, high}.
   */
  public static int[] portRange(String ext, String option, String arg) {
    int[] range = {0, 65535};
    String[] parts = arg.split(":", -1);
    if (parts.length > 2) {
      throw IptablesException.parameter(ext + ": Too many components for option \"--" + option + "\" (max: 2)\n");
    }
    for (int i = 0; i < parts.length; i++) {
      if (parts[i].isEmpty()) {
        continue;
      }
      int value = serviceOrNumber(parts[i]);
      if (value < 0) {
        throw IptablesException.parameter("Port \"" + parts[i] + "\" does not resolve to anything.\n");
      }
      range[i] = value;
    }
    if (parts.length == 1) {
      range[1] = range[0];
    }
    return range;
  }

  /**
   * {@code xtables_parse_mark_mask}: {@code value[/mask]} as 32-bit C-syntax numbers, the mask defaulting to
   * 0xffffffff. Returns {value, mask} (as ints holding unsigned values).
   */
  public static int[] markMask(String ext, String option, String arg) {
    CNumbers.Parsed value = CNumbers.strtoulPrefix(arg, 0, 0, 0xffffffffL, 0);
    if (value == null) {
      throw badInteger(ext, option);
    }
    long mask = 0xffffffffL;
    int end = value.end();
    if (end < arg.length() && arg.charAt(end) == '/') {
      CNumbers.Parsed parsedMask = CNumbers.strtoulPrefix(arg, end + 1, 0, 0xffffffffL, 0);
      if (parsedMask == null) {
        throw badInteger(ext, option);
      }
      mask = parsedMask.value();
      end = parsedMask.end();
    }
    if (end != arg.length()) {
      throw badInteger(ext, option);
    }
    return new int[] {(int) value.value(), (int) mask};
  }

  /** libxtables' {@code XTF_BAD_VALUE} failure for mark-like options. */
  public static IptablesException badInteger(String ext, String option) {
    return IptablesException.parameter(ext + ": bad integer value for option \"--" + option
        + "\", or out of range.");
  }

  /** {@code 0x%x}. */
  public static String hex(int value) {
    return "0x" + Integer.toHexString(value);
  }
}
