package dev.netsim.rules.ext;

import dev.netsim.core.value.InvalidValueException;
import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Protocol;
import dev.netsim.core.value.Services;
import java.util.Locale;
import java.util.Map;

/**
 * The name services iptables consults, as a stock Debian host answers them without DNS: {@code /etc/hosts}
 * (localhost), {@code /etc/networks} (default, loopback, link-local), {@code /etc/protocols} and
 * {@code /etc/services}. netsim never resolves anything else, so unknown names fail the way they fail on a
 * machine without network.
 */
public final class Names {
  private static final Map<String, Integer> HOSTS = Map.of("localhost", 0x7f000001);
  private static final Map<Integer, String> HOST_NAMES = Map.of(0x7f000001, "localhost");
  private static final Map<Integer, String> NETWORK_NAMES =
      Map.of(0, "default", 0x7f000000, "loopback", 0xa9fe0000, "link-local");

  /** The protocols iptables names without asking {@code /etc/protocols} ({@code xtables_chain_protos}). */
  private static final Map<String, Integer> CHAIN_PROTOCOLS = Map.ofEntries(
      Map.entry("tcp", 6), Map.entry("sctp", 132), Map.entry("udp", 17), Map.entry("udplite", 136),
      Map.entry("icmp", 1), Map.entry("icmpv6", 58), Map.entry("ipv6-icmp", 58), Map.entry("esp", 50),
      Map.entry("ah", 51), Map.entry("ipv6-mh", 135), Map.entry("mh", 135), Map.entry("all", 0));

  private Names() {}

  /** The address of host {@code name} from {@code /etc/hosts}, or null. */
  public static Integer hostAddress(String name) {
    return HOSTS.get(name);
  }

  /**
   * {@code xtables_ipaddr_to_anyname}: the host name of the address, else its network name, else the dotted
   * quad.
   */
  public static String anyName(int address) {
    String host = HOST_NAMES.get(address);
    if (host != null) {
      return host;
    }
    String network = NETWORK_NAMES.get(address);
    return network != null ? network : Ipv4.format(address);
  }

  /** {@code xtables_ipmask_to_numeric}: "" for /32, {@code /N} for a prefix, {@code /a.b.c.d} otherwise. */
  public static String maskSuffix(int mask) {
    if (mask == -1) {
      return "";
    }
    int length = cidr(mask);
    return "/" + (length >= 0 ? Integer.toString(length) : Ipv4.format(mask));
  }

  /** The prefix length of a contiguous mask, -1 for a non-contiguous one. */
  public static int cidr(int mask) {
    int inverted = ~mask;
    return (inverted & (inverted + 1)) == 0 ? Integer.bitCount(mask) : -1;
  }

  /**
   * {@code xtables_parse_protocol}: a number 0..255 (C syntax), {@code all}, or a name; the text is expected
   * in lower case. Throws iptables' {@code unknown protocol "x" specified}.
   */
  public static int parseProtocol(String text) {
    long number = CNumbers.parseUnsigned(text, 0, 255);
    if (number >= 0) {
      return (int) number;
    }
    if (text.equals("all")) {
      return 0;
    }
    Integer known = protocolNumber(text);
    if (known != null) {
      return known;
    }
    throw IptablesException.parameter("unknown protocol \"" + text + "\" specified");
  }

  /** The number of protocol {@code name} from /etc/protocols or iptables' own list, or null. */
  public static Integer protocolNumber(String name) {
    if (!name.isEmpty() && !Character.isDigit(name.charAt(0))) {
      try {
        return Protocol.parse(name).number();
      } catch (InvalidValueException e) {
        // not in /etc/protocols: iptables' own list follows
      }
    }
    return CHAIN_PROTOCOLS.get(name);
  }

  /** The name iptables knows {@code number} by without asking /etc/protocols (tcp, udp, icmp, ..., all). */
  public static String chainProtocolName(int number) {
    for (String name : new String[] {"tcp", "sctp", "udp", "udplite", "icmp", "icmpv6", "esp", "ah", "ipv6-mh",
        "all"}) {
      if (CHAIN_PROTOCOLS.get(name) == number) {
        return name;
      }
    }
    return null;
  }

  /** The {@code /etc/protocols} name of {@code number}, or null. */
  public static String protocolName(int number) {
    return new Protocol(number).name();
  }

  /** The name iptables-save and -L (without -n) print for a protocol: "all" for 0, else /etc/protocols. */
  public static String protocolLabel(int number) {
    if (number == 0) {
      return "all";
    }
    String name = protocolName(number);
    return name != null ? name : Integer.toString(number);
  }

  /** {@code getservbyname(name, protocol)}: the port, or -1. */
  public static int servicePort(String name, String protocol) {
    return Services.port(name, protocol.toLowerCase(Locale.ROOT));
  }

  /** {@code getservbyport}: the service name of {@code port}, or null. */
  public static String serviceName(int port, String protocol) {
    return Services.name(port, protocol);
  }
}
