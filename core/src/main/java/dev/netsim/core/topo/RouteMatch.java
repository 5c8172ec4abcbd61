package dev.netsim.core.topo;

import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Ipv4Prefix;
import java.util.Objects;

/**
 * Which route {@code ip route del} means: the destination and table always, every other attribute only when
 * given (null, or 0 for device and metric, match anything), as the kernel's {@code fib_table_delete} compares.
 */
public record RouteMatch(
    int table,
    Ipv4Prefix destination,
    AddressType type,
    Ipv4 gateway,
    int device,
    RouteProtocol protocol,
    Scope scope,
    Ipv4 preferredSource,
    int metric) {
  public RouteMatch {
    Objects.requireNonNull(destination, "destination");
  }

  /** Matches any route of the main table to {@code destination}. */
  public static RouteMatch to(Ipv4Prefix destination) {
    return new RouteMatch(Route.TABLE_MAIN, destination, null, null, 0, null, null, null, 0);
  }

  public boolean matches(Route route) {
    return route.table() == table
        && route.destination().equals(destination)
        && (type == null || route.type() == type)
        && (gateway == null || gateway.equals(route.gateway()))
        && (device == 0 || route.device() == device)
        && (protocol == null || route.protocol().equals(protocol))
        && (scope == null || scope == Scope.NOWHERE || route.scope() == scope)
        && (preferredSource == null || preferredSource.equals(route.preferredSource()))
        && (metric == 0 || route.metric() == metric);
  }
}
