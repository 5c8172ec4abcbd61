package dev.netsim.sim.capture;

import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Mac;
import dev.netsim.core.value.Services;
import java.util.Map;

/**
 * How tcpdump writes addresses and ports, with {@code -n} (all numeric) or without it.
 *
 * <p>Without {@code -n}, tcpdump 4.99 asks the resolver for every IPv4 address. netsim has no DNS, so it
 * behaves like a host whose resolver answers at once that no name exists: addresses stay numeric, except
 * those Debian's {@code /etc/hosts} names ({@code 127.0.0.1 localhost}). On a real host with a reachable
 * resolver, tcpdump would also send PTR queries (which appear in the capture) and stall for their timeouts;
 * netsim leaves that out. Ports get their {@code /etc/services} names ({@code http}, {@code http-alt}) and
 * MAC addresses the vendor tcpdump's small OUI table knows, e.g. {@code 8a:e5:9b:c5:d2:c5 (oui Unknown)}.
 */
public final class AddressNames {
  /** tcpdump's built-in OUI table ({@code oui.c}), for MAC addresses printed without {@code -n}. */
  private static final Map<Integer, String> OUIS = Map.ofEntries(
      Map.entry(0x000000, "Ethernet"),
      Map.entry(0x00000c, "Cisco"),
      Map.entry(0x00005e, "IANA"),
      Map.entry(0x000081, "Nortel Networks SONMP"),
      Map.entry(0x0000f8, "Cisco bridged"),
      Map.entry(0x0080c2, "Ethernet bridged"),
      Map.entry(0x00a03e, "ATM Forum"),
      Map.entry(0x00e02f, "DOCSIS Spanning Tree"),
      Map.entry(0x080007, "Appletalk"),
      Map.entry(0x009069, "Juniper"),
      Map.entry(0x080009, "Hewlett-Packard"),
      Map.entry(0x00120f, "IEEE 802.3 Private"),
      Map.entry(0x0012bb, "ANSI/TIA"),
      Map.entry(0x001b21, "DCBX"),
      Map.entry(0x002320, "Nicira Networks"),
      Map.entry(0x5c16c7, "Big Switch Networks"),
      Map.entry(0xb0d2f5, "Vello Systems"),
      Map.entry(0x002481, "HP"),
      Map.entry(0x0004ea, "HP-Labs"),
      Map.entry(0x748771, "Infoblox Inc"),
      Map.entry(0xa42305, "Open Networking Lab"),
      Map.entry(0x00049f, "Freescale"),
      Map.entry(0x0015ad, "Netronome"),
      Map.entry(0x001018, "Broadcom"),
      Map.entry(0x00e004, "PMC-Sierra"),
      Map.entry(0xd0f0db, "Ericsson"));

  /** {@code -n}: everything numeric. */
  public static final AddressNames NUMERIC = new AddressNames(true);
  /** No {@code -n}: names where a Debian host without DNS answers would have them. */
  public static final AddressNames NAMED = new AddressNames(false);

  private final boolean numeric;

  private AddressNames(boolean numeric) {
    this.numeric = numeric;
  }

  public static AddressNames of(boolean numeric) {
    return numeric ? NUMERIC : NAMED;
  }

  public boolean numeric() {
    return numeric;
  }

  /** An IPv4 address as tcpdump prints it. */
  public String ipv4(int address) {
    if (!numeric && address == Ipv4.LOOPBACK.bits()) {
      return "localhost";
    }
    return Ipv4.format(address);
  }

  /** A TCP port: its service name without {@code -n}, else the number. */
  public String tcpPort(int port) {
    return port(port, "tcp");
  }

  /** A UDP port: its service name without {@code -n}, else the number. */
  public String udpPort(int port) {
    return port(port, "udp");
  }

  private String port(int port, String protocol) {
    if (!numeric) {
      String name = Services.name(port, protocol);
      if (name != null) {
        return name;
      }
    }
    return Integer.toString(port);
  }

  /** A MAC address: hex, followed without {@code -n} by its vendor, or {@code Broadcast}. */
  public String mac(Mac mac) {
    if (numeric) {
      return mac.toString();
    }
    if (mac.isBroadcast()) {
      return "Broadcast";
    }
    return mac + " (oui " + OUIS.getOrDefault((int) (mac.bits() >>> 24), "Unknown") + ")";
  }
}
