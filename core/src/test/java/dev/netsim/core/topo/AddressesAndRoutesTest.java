package dev.netsim.core.topo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Ipv4Prefix;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Addresses and the routes the kernel derives from them; each case was checked on Linux 6.18. */
class AddressesAndRoutesTest {
  private Topology topology = Topology.initial().edit(0, e -> e.addVeth("", "d0", "", "d1"));

  private void run(Consumer<TopologyEditor> change) {
    topology = topology.edit(0, change);
  }

  private static IfAddress address(String text) {
    String[] parts = text.split("/");
    return IfAddress.of(Ipv4.parse(parts[0]), Integer.parseInt(parts[1]), "d0");
  }

  private int d0() {
    return topology.host().link("d0").index();
  }

  private List<String> table(int id) {
    Namespace host = topology.host();
    return host.table(id).routes().stream()
        .map(r -> r.type().label() + " " + r.destination() + (r.gateway() == null ? "" : " via " + r.gateway())
            + " dev " + host.link(r.device()).name() + (r.preferredSource() == null ? "" : " src " + r.preferredSource()))
        .toList();
  }

  private static Route staticRoute(String destination, String gateway, int device) {
    return new Route(Route.TABLE_MAIN, AddressType.UNICAST, Ipv4Prefix.parse(destination),
        gateway == null ? null : Ipv4.parse(gateway), device, RouteProtocol.BOOT,
        gateway == null ? Scope.LINK : Scope.GLOBAL, null, 0);
  }

  @Test
  void addressOnADownDeviceGetsOnlyItsLocalRoute() {
    run(e -> e.addAddress("", "d0", address("192.0.2.1/24")));
    assertThat(table(Route.TABLE_MAIN)).isEmpty();
    assertThat(table(Route.TABLE_LOCAL)).contains("local 192.0.2.1/32 dev d0 src 192.0.2.1")
        .noneMatch(r -> r.startsWith("broadcast 192.0.2"));
    run(e -> e.setUp("", "d0", true));
    assertThat(table(Route.TABLE_MAIN)).containsExactly("unicast 192.0.2.0/24 dev d0 src 192.0.2.1");
    assertThat(table(Route.TABLE_LOCAL)).containsSequence(
        "local 192.0.2.1/32 dev d0 src 192.0.2.1", "broadcast 192.0.2.255/32 dev d0 src 192.0.2.1");
  }

  @Test
  void downRemovesEveryRouteButLocalOnesAndUpRestoresOnlyTheKernelRoutes() {
    run(e -> {
      e.addAddress("", "d0", address("192.0.2.1/24"));
      e.setUp("", "d0", true);
      e.setUp("", "d1", true);
      e.addRoute("", staticRoute("198.51.100.0/24", "192.0.2.254", 0), false);
    });
    assertThat(table(Route.TABLE_MAIN)).containsExactly(
        "unicast 192.0.2.0/24 dev d0 src 192.0.2.1", "unicast 198.51.100.0/24 via 192.0.2.254 dev d0");
    run(e -> e.setUp("", "d0", false));
    assertThat(table(Route.TABLE_MAIN)).isEmpty();
    assertThat(table(Route.TABLE_LOCAL)).contains("local 192.0.2.1/32 dev d0 src 192.0.2.1");
    run(e -> e.setUp("", "d0", true));
    assertThat(table(Route.TABLE_MAIN)).containsExactly("unicast 192.0.2.0/24 dev d0 src 192.0.2.1");
  }

  @Test
  void gatewayMustBeOnAConnectedNetwork() {
    run(e -> e.addAddress("", "d0", address("192.0.2.1/24")));
    assertThatThrownBy(() -> topology.edit(0, e -> e.addRoute("", staticRoute("198.51.100.0/24", "192.0.2.254", 0), false)))
        .isInstanceOfSatisfying(KernelException.class, k -> {
          assertThat(k.errno()).isEqualTo(Errno.EINVAL);
          assertThat(k.extack()).isEqualTo("Nexthop has invalid gateway");
        });
    assertThatThrownBy(() -> topology.edit(0, e -> e.addRoute("", staticRoute("198.51.100.0/24", null, d0()), false)))
        .isInstanceOfSatisfying(KernelException.class,
            k -> assertThat(k.extack()).isEqualTo("Device for nexthop is not up"));
    run(e -> e.setUp("", "d0", true));
    // d0 is up but has no carrier (d1 is down): accepted, the route is "linkdown"
    run(e -> e.addRoute("", staticRoute("198.51.100.0/24", "192.0.2.254", 0), false));
    assertThat(topology.host().link("d0").carrier()).isFalse();
    assertThatThrownBy(() -> topology.edit(0, e -> e.addRoute("", staticRoute("198.51.100.0/24", "192.0.2.253", 0), false)))
        .isInstanceOfSatisfying(KernelException.class, k -> assertThat(k.errno()).isEqualTo(Errno.EEXIST));
    assertThatThrownBy(() -> topology.edit(0, e -> e.addRoute("", staticRoute("10.0.0.0/8", null, 0), false)))
        .isInstanceOfSatisfying(KernelException.class, k -> assertThat(k.errno()).isEqualTo(Errno.ENODEV));
  }

  @Test
  void secondaryAddressesFollowPrimariesAndDieWithThem() {
    run(e -> {
      e.addAddress("", "d0", address("10.0.0.1/24"));
      e.addAddress("", "d0", address("10.0.0.3/32"));
      e.addAddress("", "d0", address("10.0.0.2/24"));
      e.addAddress("", "d0", new IfAddress(Ipv4.parse("10.0.5.4"), 24, Ipv4.parse("10.0.5.255"), Scope.GLOBAL,
          "d0:1", false));
    });
    assertThat(topology.host().link("d0").addresses())
        .extracting(a -> a + (a.secondary() ? " secondary" : ""))
        .containsExactly("10.0.0.1/24", "10.0.0.3/32", "10.0.5.4/24", "10.0.0.2/24 secondary");
    assertThatThrownBy(() -> topology.edit(0, e -> e.addAddress("", "d0", address("10.0.0.1/24"))))
        .hasMessageContaining("ipv4: Address already assigned");
    run(e -> e.deleteAddress("", "d0", Ipv4.parse("10.0.0.1"), 24, null));
    assertThat(topology.host().link("d0").addresses()).extracting(IfAddress::toString)
        .containsExactly("10.0.0.3/32", "10.0.5.4/24");
    assertThatThrownBy(() -> topology.edit(0, e -> e.deleteAddress("", "d0", Ipv4.parse("10.0.0.9"), 24, null)))
        .hasMessageContaining("ipv4: Address not found");
    assertThat(table(Route.TABLE_LOCAL)).noneMatch(r -> r.contains("10.0.0.2") || r.contains("10.0.0.1/"));
  }

  @Test
  void promoteSecondariesKeepsTheNextAddress() {
    run(e -> {
      e.writeSysctl("", "net.ipv4.conf.all.promote_secondaries", "1");
      e.addAddress("", "d0", address("10.0.0.1/24"));
      e.addAddress("", "d0", address("10.0.0.2/24"));
      e.setUp("", "d0", true);
      e.deleteAddress("", "d0", Ipv4.parse("10.0.0.1"), null, null);
    });
    assertThat(topology.host().link("d0").addresses()).extracting(a -> a + " " + a.secondary())
        .containsExactly("10.0.0.2/24 false");
    assertThat(table(Route.TABLE_MAIN)).containsExactly("unicast 10.0.0.0/24 dev d0 src 10.0.0.2");
  }

  @Test
  void deleteMatchesOnlyGivenAttributes() {
    run(e -> {
      e.addAddress("", "d0", address("192.0.2.1/24"));
      e.setUp("", "d0", true);
      e.addRoute("", staticRoute("10.0.0.0/8", "192.0.2.254", 0), false);
    });
    assertThatThrownBy(() -> topology.edit(0, e -> e.deleteRoute("", RouteMatch.to(Ipv4Prefix.parse("10.9.0.0/16")))))
        .isInstanceOfSatisfying(KernelException.class, k -> assertThat(k.errno()).isEqualTo(Errno.ESRCH));
    run(e -> e.deleteRoute("", RouteMatch.to(Ipv4Prefix.parse("10.0.0.0/8"))));
    assertThat(table(Route.TABLE_MAIN)).containsExactly("unicast 192.0.2.0/24 dev d0 src 192.0.2.1");
  }

  @Test
  void deletingADeviceTakesItsRoutes() {
    run(e -> {
      e.addAddress("", "d0", address("192.0.2.1/24"));
      e.setUp("", "d0", true);
      e.addRoute("", staticRoute("10.0.0.0/8", "192.0.2.254", 0), false);
      e.deleteLink("", "d1");
    });
    assertThat(table(Route.TABLE_MAIN)).isEmpty();
    assertThat(table(Route.TABLE_LOCAL)).noneMatch(r -> r.contains("d0"));
  }

  @Test
  void prefsrcMustBeLocal() {
    run(e -> {
      e.addAddress("", "d0", address("192.0.2.1/24"));
      e.setUp("", "d0", true);
    });
    Route withBadSource = new Route(Route.TABLE_MAIN, AddressType.UNICAST, Ipv4Prefix.parse("10.0.0.0/24"), null,
        d0(), RouteProtocol.BOOT, Scope.LINK, Ipv4.parse("192.0.2.9"), 0);
    assertThatThrownBy(() -> topology.edit(0, e -> e.addRoute("", withBadSource, false)))
        .hasMessageContaining("Invalid prefsrc address");
  }
}
