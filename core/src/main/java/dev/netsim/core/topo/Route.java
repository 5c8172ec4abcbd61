package dev.netsim.core.topo;

import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Ipv4Prefix;
import java.util.Objects;

/**
 * One IPv4 route of a namespace's routing table, as {@code ip route show table all} lists it.
 *
 * @param table the table id: {@link #TABLE_LOCAL} 255, {@link #TABLE_MAIN} 254, {@link #TABLE_DEFAULT} 253,
 *     or a user table
 * @param type unicast for ordinary routes; local and broadcast in the local table; blackhole, unreachable,
 *     prohibit, throw for reject routes
 * @param destination the destination network (0.0.0.0/0 is {@code default})
 * @param gateway the next hop ({@code via}), or null for a directly connected route
 * @param device the output interface's index in the route's namespace, or 0 for reject routes
 * @param protocol kernel for routes the kernel derives from addresses, boot for {@code ip route add}
 * @param scope link for connected routes, host for local ones, global (universe) for gateway routes
 * @param preferredSource the {@code src} address, or null
 * @param metric the priority; lower wins among routes to the same prefix
 */
public record Route(
    int table,
    AddressType type,
    Ipv4Prefix destination,
    Ipv4 gateway,
    int device,
    RouteProtocol protocol,
    Scope scope,
    Ipv4 preferredSource,
    int metric) {
  public static final int TABLE_LOCAL = 255;
  public static final int TABLE_MAIN = 254;
  public static final int TABLE_DEFAULT = 253;

  public Route {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(scope, "scope");
    if (!destination.isContiguous()) {
      throw new IllegalArgumentException("route destination needs a contiguous mask: " + destination);
    }
  }

  public int prefixLength() {
    return destination.length();
  }

  Route withDevice(int ifindex) {
    return new Route(table, type, destination, gateway, ifindex, protocol, scope, preferredSource, metric);
  }
}
