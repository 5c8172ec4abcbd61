package dev.netsim.sim.tools.iproute;

import dev.netsim.core.value.Mac;
import java.util.Locale;

/**
 * The IPv6 addresses Linux derives from a MAC, which listings show although netsim models IPv4 only: the
 * EUI-64 link-local address (fe80::/64) and its solicited-node multicast MAC (33:33:ff:xx:xx:xx).
 */
public final class Ipv6Text {
  private Ipv6Text() {}

  /** {@code fe80::8094:d1ff:fec6:387e} for 82:94:d1:c6:38:7e, in RFC 5952 form as iproute2 prints it. */
  public static String linkLocal(Mac mac) {
    int[] groups = {
        0xfe80, 0, 0, 0,
        ((mac.octet(0) ^ 0x02) << 8) | mac.octet(1),
        (mac.octet(2) << 8) | 0xff,
        0xfe00 | mac.octet(3),
        (mac.octet(4) << 8) | mac.octet(5)};
    return compress(groups);
  }

  /** The MAC a device joins for its link-local address's solicited-node group. */
  public static Mac solicitedNodeMac(Mac mac) {
    return new Mac(0x3333ff000000L | (mac.bits() & 0xffffffL));
  }

  private static String compress(int[] groups) {
    int bestStart = -1;
    int bestLength = 0;
    for (int i = 0; i < groups.length; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int start = i;
      while (i < groups.length && groups[i] == 0) {
        i++;
      }
      if (i - start > bestLength && i - start > 1) {
        bestStart = start;
        bestLength = i - start;
      }
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < groups.length; i++) {
      if (i == bestStart) {
        text.append(i == 0 ? "::" : ":");
        i += bestLength - 1;
        continue;
      }
      text.append(Integer.toHexString(groups[i]).toLowerCase(Locale.ROOT));
      if (i < groups.length - 1) {
        text.append(':');
      }
    }
    return text.toString();
  }
}
