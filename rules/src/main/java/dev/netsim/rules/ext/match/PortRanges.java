package dev.netsim.rules.ext.match;

import dev.netsim.rules.ext.Names;

/** Printing and testing of the port ranges of tcp, udp and similar matches. */
final class PortRanges {
  private PortRanges() {}

  /** {@code spt:22}, {@code dpts:1024:65535}, with service names unless numeric; nothing for the full range. */
  static void list(StringBuilder out, String label, int low, int high, boolean inverted, boolean numeric,
      String protocol) {
    if (low == 0 && high == 65535 && !inverted) {
      return;
    }
    out.append(' ').append(label);
    if (low == high) {
      out.append(':').append(inverted ? "!" : "");
      port(out, low, numeric, protocol);
    } else {
      out.append("s:").append(inverted ? "!" : "");
      port(out, low, numeric, protocol);
      out.append(':');
      port(out, high, numeric, protocol);
    }
  }

  static void port(StringBuilder out, int port, boolean numeric, String protocol) {
    String service = numeric ? null : Names.serviceName(port, protocol);
    out.append(service != null ? service : Integer.toString(port));
  }

  /** {@code --sport 22}, {@code ! --dport 1:2}; nothing for the full range unless inverted. */
  static void save(StringBuilder out, String option, int low, int high, boolean inverted) {
    if (low == 0 && high == 65535 && !inverted) {
      return;
    }
    if (inverted) {
      out.append(" !");
    }
    out.append(" --").append(option).append(' ').append(low);
    if (low != high) {
      out.append(':').append(high);
    }
  }

  static boolean contains(int low, int high, int port) {
    return port >= low && port <= high;
  }

  /** Whether the range constrains anything. */
  static boolean constrains(int low, int high, boolean inverted) {
    return low != 0 || high != 65535 || inverted;
  }
}
