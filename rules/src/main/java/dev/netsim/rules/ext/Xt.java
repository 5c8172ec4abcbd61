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
    long low = min;  // iptables 1.8.9 does not require the second part to be above the first
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
        + "\", or out of range.\n");
  }

  /** libxtables' {@code XTF_BAD_VALUE}: {@code iprange: Bad value for "--src-range" option: "x"}. */
  public static IptablesException badOptionValue(String ext, String option, String value) {
    return IptablesException.parameter(ext + ": Bad value for \"" + option + "\" option: \"" + value + "\"");
  }

  /**
   * {@code xtables_save_string}: the value as is when it consists of letters, digits, '-' and '_' only,
   * else in double quotes with {@code " \ '} escaped; with a leading space.
   */
  public static void saveString(StringBuilder out, String value) {
    out.append(' ');
    boolean plain = !value.isEmpty();
    for (int i = 0; i < value.length() && plain; i++) {
      char c = value.charAt(i);
      plain = c == '_' || c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
    if (plain) {
      out.append(value);
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\' || c == '\'') {
        out.append('\\');
      }
      out.append(c);
    }
    out.append('"');
  }

  /**
   * x6 {@code XTTYPE_HOST}: a dotted quad or a host name from /etc/hosts (no DNS in netsim).
   */
  public static int host(String arg) {
    if (dev.netsim.core.value.Ipv4.isValid(arg)) {
      return dev.netsim.core.value.Ipv4.parse(arg).bits();
    }
    Integer host = Names.hostAddress(arg);
    if (host == null) {
      throw IptablesException.parameter("getaddrinfo: Name or service not known\n");
    }
    return host;
  }

  /** x6 {@code XTTYPE_HOSTMASK}: {@code host[/length|/mask]}; returns {address, mask}. */
  public static int[] hostMask(String ext, String option, String arg) {
    int slash = arg.indexOf('/');
    if (slash < 0) {
      return new int[] {host(arg), -1};
    }
    int address = host(arg.substring(0, slash));
    return new int[] {address, prefixMask(ext, option, arg.substring(slash + 1))};
  }

  /** x6 {@code XTTYPE_PLENMASK}: a prefix length 0..32 or a dotted mask (non-contiguous ones count as /32). */
  public static int prefixMask(String ext, String option, String arg) {
    long length = CNumbers.parseUnsigned(arg, 0, 32);
    if (length >= 0) {
      return dev.netsim.core.value.Ipv4Prefix.maskOf((int) length);
    }
    if (dev.netsim.core.value.Ipv4.isValid(arg)) {
      // a dotted mask stands for its prefix length; libxtables turns a non-contiguous one into /32
      int mask = dev.netsim.core.value.Ipv4.parse(arg).bits();
      return Names.cidr(mask) >= 0 ? mask : -1;
    }
    throw IptablesException.parameter(ext + ": bad value for option \"--" + option
        + "\", neither a valid network mask nor valid CIDR (0-32).\n");
  }

  /**
   * libxtables' {@code __numeric_to_ipaddr}: up to four C-syntax numbers 0..255 separated by dots; an address
   * with fewer parts is completed with zeros ({@code 10} is 10.0.0.0), a mask must have all four.
   */
  public static Integer numericAddress(String text, boolean isMask) {
    String work = text.length() > 19 ? text.substring(0, 19) : text;
    int address = 0;
    int from = 0;
    for (int i = 0; i < 3; i++) {
      int dot = work.indexOf('.', from);
      if (dot < 0) {
        if (isMask) {
          return null;
        }
        long octet = CNumbers.parseUnsigned(work.substring(from), 0, 255);
        if (octet < 0) {
          return null;
        }
        address |= (int) octet << (24 - 8 * i);
        return address;
      }
      long octet = CNumbers.parseUnsigned(work.substring(from, dot), 0, 255);
      if (octet < 0) {
        return null;
      }
      address |= (int) octet << (24 - 8 * i);
      from = dot + 1;
    }
    long octet = CNumbers.parseUnsigned(work.substring(from), 0, 255);
    if (octet < 0) {
      return null;
    }
    return address | (int) octet;
  }

  /** {@code 0x%x}. */
  public static String hex(int value) {
    return "0x" + Integer.toHexString(value);
  }
}
