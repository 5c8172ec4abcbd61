package dev.netsim.rules.ext.target;

import dev.netsim.core.value.Ipv4;
import dev.netsim.rules.ext.CNumbers;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.Names;

/**
 * What a NAT target maps to ({@code nf_nat_range2}): an address range (when {@link #hasAddresses()}), a port
 * range (when {@link #hasPorts()}), and for DNAT the base of a shifted port map ({@code /BASE}, 0 when none).
 * Ports and addresses are inclusive.
 */
public record NatRange(boolean hasAddresses, int minAddress, int maxAddress, boolean hasPorts, int minPort,
    int maxPort, int basePort) {

  public static final NatRange NONE = new NatRange(false, 0, 0, false, 0, 0, 0);

  /** {@code 1.1.1.1-1.1.1.10:1025-65535/1000} as iptables prints it (no leading space). */
  public String text() {
    StringBuilder out = new StringBuilder();
    if (hasAddresses) {
      out.append(Ipv4.format(minAddress));
      if (maxAddress != minAddress) {
        out.append('-').append(Ipv4.format(maxAddress));
      }
    }
    if (hasPorts) {
      out.append(':').append(minPort);
      if (maxPort != minPort) {
        out.append('-').append(maxPort);
      }
      if (basePort != 0) {
        out.append('/').append(basePort);
      }
    }
    return out.toString();
  }

  /** {@code 1024} or {@code 1024-65535}: the port part alone. */
  public String portText() {
    return minPort == maxPort ? Integer.toString(minPort) : minPort + "-" + maxPort;
  }

  /**
   * Whether {@code -p} allows a port specification: TCP, UDP, SCTP, DCCP or ICMP, not negated.
   */
  static boolean portsAllowed(int protocol, boolean inverted) {
    return !inverted && (protocol == 6 || protocol == 17 || protocol == 132 || protocol == 33 || protocol == 1);
  }

  /** {@code parse_to}: {@code [addr[-addr]][:port[-port[/base]]]}. */
  static NatRange parseTo(String text, boolean portsAllowed) {
    int colon = text.indexOf(':');
    if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) {
      colon = -1;
    }
    NatRange ports = NONE;
    if (colon >= 0) {
      ports = parsePorts(text.substring(colon + 1), portsAllowed);
      if (colon == 0) {
        return ports;
      }
    }
    String addresses = colon >= 0 ? text.substring(0, colon) : text;
    int dash = addresses.indexOf('-');
    String low = dash < 0 ? addresses : addresses.substring(0, dash);
    int min = address(low);
    int max = dash < 0 ? min : address(addresses.substring(dash + 1));
    return new NatRange(true, min, max, ports.hasPorts, ports.minPort, ports.maxPort, ports.basePort);
  }

  private static int address(String text) {
    if (!Ipv4.isValid(text)) {
      throw IptablesException.parameter("Bad IP address \"" + text + "\"");
    }
    return Ipv4.parse(text).bits();
  }

  /** {@code parse_ports}: {@code port[-port[/base]]}; the first port may be a service name. */
  static NatRange parsePorts(String text, boolean portsAllowed) {
    if (!portsAllowed) {
      throw IptablesException.parameter("Need TCP, UDP, SCTP or DCCP with port specification");
    }
    CNumbers.Parsed first = CNumbers.strtoulPrefix(text, 0, 0, 65535, 0);
    int port;
    String rest;
    if (first == null) {
      port = service(text);
      rest = "";
    } else {
      port = (int) first.value();
      rest = text.substring(first.end());
    }
    if (rest.isEmpty()) {
      return new NatRange(false, 0, 0, true, port, port, 0);
    }
    if (rest.charAt(0) == ':') {
      throw IptablesException.parameter("Invalid port:port syntax - use dash");
    }
    if (rest.charAt(0) != '-') {
      throw IptablesException.parameter("Garbage after port value: `" + rest + "'");
    }
    String maxText = rest.substring(1);
    CNumbers.Parsed second = CNumbers.strtoulPrefix(maxText, 0, 0, 65535, 0);
    if (second == null) {
      throw IptablesException.parameter("Port `" + maxText + "' not valid");
    }
    int maxPort = (int) second.value();
    if (maxPort < port) {
      throw IptablesException.parameter("Port range `" + maxText + "' funky");
    }
    rest = maxText.substring(second.end());
    if (rest.isEmpty()) {
      return new NatRange(false, 0, 0, true, port, maxPort, 0);
    }
    if (rest.charAt(0) != '/') {
      throw IptablesException.parameter("Garbage after port range: `" + rest + "'");
    }
    String baseText = rest.substring(1);
    CNumbers.Parsed base = CNumbers.strtoulPrefix(baseText, 0, 1, 65535, 0);
    int basePort = base != null && base.consumedAll(baseText) ? (int) base.value() : service(baseText);
    return new NatRange(false, 0, 0, true, port, maxPort, basePort);
  }

  private static int service(String name) {
    int port = Names.servicePort(name, "tcp");
    if (port < 0) {
      port = Names.servicePort(name, "udp");
    }
    if (port < 0) {
      throw IptablesException.parameter("Port `" + name + "' not valid");
    }
    return port;
  }

  /** Whether {@code address} lies in the address range. */
  public boolean containsAddress(int address) {
    return Integer.compareUnsigned(address, minAddress) >= 0 && Integer.compareUnsigned(address, maxAddress) <= 0;
  }
}
