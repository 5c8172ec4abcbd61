package dev.netsim.sim.engine;

import dev.netsim.core.topo.Link;
import dev.netsim.core.topo.Namespace;
import java.util.HashMap;
import java.util.Map;

/**
 * The sysctls the packet path consults for every packet, read once per topology snapshot of a namespace
 * (sysctl lookups go through names and the all/default/device rules; a snapshot never changes).
 */
final class PathSettings {
  /** Per-device IPv4 settings, as {@code Namespace.ipv4Conf} combines them. */
  record Device(boolean forwarding, int rpFilter, boolean routeLocalnet, boolean acceptLocal) {}

  final Namespace namespace;
  final boolean bridgeCallsIptables;
  /** {@code net.netfilter.nf_conntrack_max}: the kernel's one limit, set in the initial namespace. */
  final int conntrackMax;
  private final Map<Integer, Device> devices = new HashMap<>();

  PathSettings(Namespace namespace) {
    this.namespace = namespace;
    String value = namespace.sysctl("net.bridge.bridge-nf-call-iptables");
    this.bridgeCallsIptables = value != null && !value.equals("0");
    this.conntrackMax = namespace.sysctlInt("net.netfilter.nf_conntrack_max");
  }

  Device device(Link link) {
    // get-then-put rather than computeIfAbsent: the capturing lambda would be allocated on every packet.
    Device device = devices.get(link.index());
    if (device == null) {
      device = new Device(
          namespace.ipv4Conf(link.name(), "forwarding") != 0,
          namespace.ipv4Conf(link.name(), "rp_filter"),
          namespace.ipv4Conf(link.name(), "route_localnet") != 0,
          namespace.ipv4Conf(link.name(), "accept_local") != 0);
      devices.put(link.index(), device);
    }
    return device;
  }
}
