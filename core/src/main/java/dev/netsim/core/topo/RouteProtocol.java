package dev.netsim.core.topo;

import java.util.Map;

/**
 * Who installed a route ({@code RTPROT_*}): {@code kernel} for routes derived from addresses, {@code boot}
 * for {@code ip route add} without {@code proto}, or any number 0..255 with iproute2's names.
 */
public record RouteProtocol(int value) {
  public static final RouteProtocol UNSPEC = new RouteProtocol(0);
  public static final RouteProtocol KERNEL = new RouteProtocol(2);
  public static final RouteProtocol BOOT = new RouteProtocol(3);
  public static final RouteProtocol STATIC = new RouteProtocol(4);

  /** iproute2's /etc/iproute2/rt_protos (the copy shipped with iproute2 6.1). */
  private static final Map<Integer, String> NAMES = Map.ofEntries(
      Map.entry(0, "unspec"), Map.entry(1, "redirect"), Map.entry(2, "kernel"), Map.entry(3, "boot"),
      Map.entry(4, "static"), Map.entry(8, "gated"), Map.entry(9, "ra"), Map.entry(10, "mrt"),
      Map.entry(11, "zebra"), Map.entry(12, "bird"), Map.entry(13, "dnrouted"), Map.entry(14, "xorp"),
      Map.entry(15, "ntk"), Map.entry(16, "dhcp"), Map.entry(18, "keepalived"), Map.entry(42, "babel"),
      Map.entry(99, "openr"), Map.entry(186, "bgp"), Map.entry(187, "isis"), Map.entry(188, "ospf"),
      Map.entry(189, "rip"), Map.entry(192, "eigrp"));

  public RouteProtocol {
    if (value < 0 || value > 255) {
      throw new IllegalArgumentException("route protocol out of range: " + value);
    }
  }

  /** Parses a name from rt_protos or a number 0..255; null when neither. */
  public static RouteProtocol parse(String text) {
    for (Map.Entry<Integer, String> entry : NAMES.entrySet()) {
      if (entry.getValue().equals(text)) {
        return new RouteProtocol(entry.getKey());
      }
    }
    if (!text.isEmpty() && text.length() <= 3 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      int value = Integer.parseInt(text);
      return value <= 255 ? new RouteProtocol(value) : null;
    }
    return null;
  }

  /** The name iproute2 prints, or the number when rt_protos has none. */
  @Override
  public String toString() {
    return NAMES.getOrDefault(value, Integer.toString(value));
  }
}
