package dev.netsim.core.topo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Ipv4Prefix;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTableTest {
  private static Route route(String destination, String gateway, int device, int metric) {
    return new Route(Route.TABLE_MAIN, AddressType.UNICAST, Ipv4Prefix.parse(destination),
        gateway == null ? null : Ipv4.parse(gateway), device, RouteProtocol.BOOT,
        gateway == null ? Scope.LINK : Scope.GLOBAL, null, metric);
  }

  private static RouteTable table(Route... routes) {
    List<Route> sorted = new ArrayList<>(List.of(routes));
    sorted.sort(RouteTable.DUMP_ORDER);
    return RouteTable.ofSorted(sorted);
  }

  private static int ip(String text) {
    return Ipv4.parse(text).bits();
  }

  @Test
  void longestPrefixWins() {
    Route slash8 = route("10.0.0.0/8", "192.0.2.254", 3, 0);
    Route slash16 = route("10.0.0.0/16", "192.0.2.253", 3, 0);
    Route slash24 = route("10.0.0.0/24", null, 3, 0);
    Route fallback = route("0.0.0.0/0", "192.0.2.1", 3, 100);
    RouteTable table = table(slash8, slash16, slash24, fallback);
    assertThat(table.lookup(ip("10.0.0.7"), 0, Scope.GLOBAL)).isEqualTo(slash24);
    assertThat(table.lookup(ip("10.0.1.7"), 0, Scope.GLOBAL)).isEqualTo(slash16);
    assertThat(table.lookup(ip("10.9.1.7"), 0, Scope.GLOBAL)).isEqualTo(slash8);
    assertThat(table.lookup(ip("8.8.8.8"), 0, Scope.GLOBAL)).isEqualTo(fallback);
  }

  @Test
  void listsInKernelDumpOrder() {
    // ip route lists them this way whatever the order they were added in (kernel/topology/ip-routes.txt)
    Route slash8 = route("10.0.0.0/8", "192.0.2.254", 3, 0);
    Route slash16 = route("10.0.0.0/16", "192.0.2.254", 3, 0);
    Route slash24 = route("10.0.0.0/24", null, 3, 0);
    Route fallback = route("0.0.0.0/0", "192.0.2.254", 3, 100);
    Route connected = route("192.0.2.0/24", null, 3, 0);
    assertThat(table(connected, slash8, slash16, fallback, slash24).routes())
        .containsExactly(fallback, slash24, slash16, slash8, connected);
  }

  @Test
  void lowerMetricWinsAndDeviceRestrictionSkipsToTheNextAlias() {
    Route viaThree = route("0.0.0.0/0", "192.0.2.1", 3, 100);
    Route viaFour = route("0.0.0.0/0", "198.51.100.1", 4, 200);
    RouteTable table = table(viaFour, viaThree);
    assertThat(table.lookup(ip("1.2.3.4"), 0, Scope.GLOBAL)).isEqualTo(viaThree);
    assertThat(table.lookup(ip("1.2.3.4"), 4, Scope.GLOBAL)).isEqualTo(viaFour);
    assertThat(table.lookup(ip("1.2.3.4"), 5, Scope.GLOBAL)).isNull();
  }

  @Test
  void scopeFilterBacktracksToShorterPrefixes() {
    Route gatewayRoute = route("10.0.0.0/24", "192.0.2.254", 3, 0);
    Route linkRoute = route("10.0.0.0/8", null, 3, 0);
    RouteTable table = table(gatewayRoute, linkRoute);
    assertThat(table.lookup(ip("10.0.0.1"), 0, Scope.LINK)).isEqualTo(linkRoute);
    assertThat(table.lookup(ip("10.0.0.1"), 0, Scope.GLOBAL)).isEqualTo(gatewayRoute);
  }

  @Test
  void emptyTableFindsNothing() {
    assertThat(RouteTable.EMPTY.lookup(ip("1.2.3.4"), 0, Scope.GLOBAL)).isNull();
  }
}
