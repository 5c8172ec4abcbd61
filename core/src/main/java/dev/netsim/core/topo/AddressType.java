package dev.netsim.core.topo;

import java.util.Locale;

/**
 * The kernel's route types ({@code RTN_*}). They type routes ({@code local}, {@code broadcast},
 * {@code unicast}, {@code blackhole}, ...) and are what iptables' {@code addrtype} match calls address types:
 * the type of an address is the type of the local-table route that covers it.
 */
public enum AddressType {
  UNSPEC,
  UNICAST,
  LOCAL,
  BROADCAST,
  ANYCAST,
  MULTICAST,
  BLACKHOLE,
  UNREACHABLE,
  PROHIBIT,
  THROW,
  NAT,
  XRESOLVE;

  /** The kernel's number ({@code RTN_UNICAST} is 1). */
  public int value() {
    return ordinal();
  }

  /** The lower-case name iproute2 prints and parses ("local", "blackhole"). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a route of this type rejects packets instead of forwarding them. */
  public boolean isError() {
    return this == BLACKHOLE || this == UNREACHABLE || this == PROHIBIT || this == THROW;
  }

  /** Parses a route type name as {@code ip route} accepts it; null when unknown. */
  public static AddressType parse(String text) {
    for (AddressType type : values()) {
      if (type != UNSPEC && type.label().equals(text)) {
        return type;
      }
    }
    return null;
  }
}
