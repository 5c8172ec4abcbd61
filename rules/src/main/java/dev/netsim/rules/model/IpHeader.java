package dev.netsim.rules.model;

import dev.netsim.core.value.Ipv4Prefix;
import java.util.Objects;

/**
 * The fixed part of an iptables rule that every rule has: source and destination networks, input and
 * output interface patterns, the protocol and the fragment flag, each optionally negated with {@code !}.
 *
 * <p>An interface pattern is a name, a prefix ending in {@code +} ({@code eth+}), {@code +} alone (any
 * interface) or the empty string (no constraint). Protocol 0 is {@code all}.
 */
public record IpHeader(
    Ipv4Prefix source, boolean sourceInverted,
    Ipv4Prefix destination, boolean destinationInverted,
    String inInterface, boolean inInverted,
    String outInterface, boolean outInverted,
    int protocol, boolean protocolInverted,
    boolean fragment, boolean fragmentInverted) {

  /** The header of {@code iptables -A CHAIN} without any header option: matches every packet. */
  public static final IpHeader ANY = new IpHeader(
      Ipv4Prefix.ANY, false, Ipv4Prefix.ANY, false, "", false, "", false, 0, false, false, false);

  public IpHeader {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(inInterface, "inInterface");
    Objects.requireNonNull(outInterface, "outInterface");
    if (protocol < 0 || protocol > 255) {
      throw new IllegalArgumentException("protocol out of range: " + protocol);
    }
  }

  public IpHeader withSource(Ipv4Prefix newSource) {
    return new IpHeader(newSource, sourceInverted, destination, destinationInverted, inInterface, inInverted,
        outInterface, outInverted, protocol, protocolInverted, fragment, fragmentInverted);
  }

  public IpHeader withDestination(Ipv4Prefix newDestination) {
    return new IpHeader(source, sourceInverted, newDestination, destinationInverted, inInterface, inInverted,
        outInterface, outInverted, protocol, protocolInverted, fragment, fragmentInverted);
  }

  /**
   * Whether the rule can only see packets of {@code number}: {@code -p NUMBER} without {@code !}. Extensions
   * that need a protocol ({@code --dport} needs {@code -p tcp}) ask this.
   */
  public boolean requiresProtocol(int number) {
    return protocol == number && !protocolInverted;
  }

  /**
   * Whether interface {@code name} (null or empty: no interface) matches {@code pattern} the way the kernel
   * compares them: a pattern ending in {@code +} is a prefix, anything else must be equal; the empty
   * pattern matches everything.
   */
  public static boolean interfaceMatches(String pattern, String name) {
    if (pattern.isEmpty()) {
      return true;
    }
    String actual = name == null ? "" : name;
    int last = pattern.length() - 1;
    if (pattern.charAt(last) == '+') {
      return actual.regionMatches(0, pattern, 0, last);
    }
    return actual.equals(pattern);
  }
}
