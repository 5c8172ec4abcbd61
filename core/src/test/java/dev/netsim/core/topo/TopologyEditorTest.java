package dev.netsim.core.topo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Mac;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each expectation here was checked on Linux 6.18 with iproute2 6.1 (see sim/src/test/resources/kernel/topology). */
class TopologyEditorTest {
  private Topology topology = Topology.initial();

  private void run(Consumer<TopologyEditor> change) {
    topology = topology.edit(0, change);
  }

  private Link link(String ns, String name) {
    return topology.namespace(ns).link(name);
  }

  private static IfAddress address(String text, String device) {
    String[] parts = text.split("/");
    return IfAddress.of(Ipv4.parse(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : 32, device);
  }

  private List<String> routes(String ns, int table) {
    return topology.namespace(ns).table(table).routes().stream()
        .map(r -> r.type().label() + " " + r.destination() + (r.gateway() == null ? "" : " via " + r.gateway())
            + " dev " + topology.namespace(ns).link(r.device()).name())
        .toList();
  }

  @Test
  void hostStartsWithLoopbackUpAndItsLocalRoutes() {
    Link lo = link("", "lo");
    assertThat(lo.index()).isEqualTo(1);
    assertThat(lo.adminUp()).isTrue();
    assertThat(lo.operState()).isEqualTo(OperState.UNKNOWN);
    assertThat(lo.addresses()).containsExactly(new IfAddress(Ipv4.LOOPBACK, 8, null, Scope.HOST, "lo", false));
    assertThat(routes("", Route.TABLE_LOCAL)).containsExactly(
        "local 127.0.0.0/8 dev lo", "local 127.0.0.1/32 dev lo", "broadcast 127.255.255.255/32 dev lo");
    assertThat(routes("", Route.TABLE_MAIN)).isEmpty();
  }

  @Test
  void newNamespaceHasOnlyLoopbackDown() {
    run(e -> e.addNamespace("RED"));
    Namespace red = topology.namespace("RED");
    assertThat(red.links()).hasSize(1);
    Link lo = red.link("lo");
    assertThat(lo.adminUp()).isFalse();
    assertThat(lo.qdisc()).isEqualTo("noop");
    assertThat(lo.addresses()).isEmpty();
    assertThat(red.tableIds()).isEmpty();
    assertThatThrownBy(() -> topology.edit(0, e -> e.addNamespace("RED")))
        .isInstanceOfSatisfying(KernelException.class, k -> assertThat(k.errno()).isEqualTo(Errno.EEXIST));
  }

  @Test
  void vethPeerIsRegisteredFirstAndIndexesArePerNamespaceAndCyclic() {
    // ip link add x0 type veth peer name x1 -> 2: x1@x0, 3: x0@x1
    run(e -> e.addVeth("", "x0", "", "x1"));
    assertThat(link("", "x1").index()).isEqualTo(2);
    assertThat(link("", "x0").index()).isEqualTo(3);
    assertThat(link("", "x0").peer()).isEqualTo(new Peer("", 2));
    // deleted indexes are not reused: w0/w1 were 4/5, the next pair gets 6/7
    run(e -> e.addVeth("", "w0", "", "w1"));
    run(e -> e.deleteLink("", "w1"));
    assertThat(link("", "w0")).isNull();
    run(e -> e.addVeth("", "v0", "", "v1"));
    assertThat(link("", "v1").index()).isEqualTo(6);
    // in a new namespace numbering starts after lo
    run(e -> {
      e.addNamespace("A");
      e.addVeth("A", "y0", "", "y1");
    });
    assertThat(link("A", "y0").index()).isEqualTo(2);
    assertThat(link("", "y1").index()).isEqualTo(8);
  }

  @Test
  void movedLinkKeepsItsIndexWhenFreeElseGetsTheNextOne() {
    run(e -> {
      e.addNamespace("A");
      e.addNamespace("B");
      e.addVeth("", "x0", "", "x1");
      e.addVeth("A", "q0", "A", "q1");
    });
    assertThat(link("", "x0").index()).isEqualTo(3);
    run(e -> e.moveLink("", "x0", "A"));
    // 3 is taken in A (lo, q1, q0): the lowest free index from A's cursor
    assertThat(link("A", "x0").index()).isEqualTo(4);
    run(e -> e.moveLink("A", "q1", "B"));
    assertThat(link("B", "q1").index()).isEqualTo(2);
    assertThat(link("A", "q0").peer()).isEqualTo(new Peer("B", 2));
  }

  @Test
  void movingADeviceDownsItAndDropsAddressesRoutesAndBridgePort() {
    run(e -> {
      e.addNamespace("RED");
      e.addBridge("", "br0");
      e.addVeth("", "a0", "", "a1");
      e.setMaster("", "a1", "br0");
      e.addAddress("", "a0", address("192.0.2.1/24", "a0"));
      e.setUp("", "a0", true);
      e.setUp("", "a1", true);
      e.setUp("", "br0", true);
    });
    assertThat(link("", "br0").carrier()).isTrue();
    assertThat(link("", "br0").mac()).isEqualTo(link("", "a1").mac());
    run(e -> e.moveLink("", "a1", "RED"));
    Link moved = link("RED", "a1");
    assertThat(moved.adminUp()).isFalse();
    assertThat(moved.master()).isZero();
    assertThat(moved.qdisc()).isEqualTo("noop");
    // the bridge lost its only port: no carrier, all-zero MAC (br_stp_recalculate_bridge_id)
    assertThat(link("", "br0").carrier()).isFalse();
    assertThat(link("", "br0").mac()).isEqualTo(Mac.ZERO);
    assertThat(link("", "a0").operState()).isEqualTo(OperState.LOWERLAYERDOWN);
    run(e -> e.moveLink("", "a0", "RED"));
    assertThat(link("RED", "a0").addresses()).isEmpty();
    assertThat(routes("", Route.TABLE_MAIN)).isEmpty();
    assertThat(routes("", Route.TABLE_LOCAL)).noneMatch(r -> r.contains("192.0.2"));
  }

  @Test
  void loopbackAndBridgesCannotMoveAndNamesMustBeFreeInTheTarget() {
    run(e -> {
      e.addNamespace("RED");
      e.addBridge("", "br0");
      e.addVeth("", "v4", "", "v5");
      e.addVeth("RED", "v4", "RED", "v6");
    });
    assertThatThrownBy(() -> topology.edit(0, e -> e.moveLink("", "br0", "RED")))
        .hasMessageContaining("The interface netns is immutable");
    assertThatThrownBy(() -> topology.edit(0, e -> e.moveLink("", "lo", "RED")))
        .hasMessageContaining("The interface netns is immutable");
    assertThatThrownBy(() -> topology.edit(0, e -> e.moveLink("", "v4", "RED")))
        .hasMessageContaining("An interface with the same name exists in the target netns");
  }

  @Test
  void deletingOneVethEndDeletesBoth() {
    run(e -> {
      e.addNamespace("RED");
      e.addVeth("RED", "veth0", "", "veth1");
    });
    run(e -> e.deleteLink("", "veth1"));
    assertThat(link("RED", "veth0")).isNull();
    assertThat(link("", "veth1")).isNull();
  }

  @Test
  void deletingANamespaceDestroysItsVethsWithTheirPeersAndReturnsNics() {
    run(e -> {
      e.addNamespace("RED");
      e.addNamespace("pc");
      e.addVeth("RED", "veth0", "", "veth1");
      e.addBridge("", "br0");
      e.setMaster("", "veth1", "br0");
      e.addEthernetPair("", "eth1", "pc", "eth0");
      e.moveLink("", "eth1", "RED");
    });
    assertThat(link("RED", "eth1")).isNotNull();
    run(e -> e.deleteNamespace("RED"));
    assertThat(topology.namespace("RED")).isNull();
    assertThat(link("", "veth1")).isNull();
    assertThat(link("", "br0").mac()).isEqualTo(Mac.ZERO);
    Link back = link("", "eth1");
    assertThat(back).isNotNull();
    assertThat(back.adminUp()).isFalse();
    assertThat(topology.peerOf(back)).isEqualTo(link("pc", "eth0"));
    assertThatThrownBy(() -> topology.edit(0, e -> e.deleteNamespace("RED")))
        .isInstanceOfSatisfying(KernelException.class, k -> assertThat(k.errno()).isEqualTo(Errno.ENOENT));
  }

  @Test
  void loopbackAndNicsCannotBeDeleted() {
    run(e -> {
      e.addNamespace("pc");
      e.addEthernetPair("", "eth0", "pc", "eth0");
    });
    assertThatThrownBy(() -> topology.edit(0, e -> e.deleteLink("", "lo")))
        .isInstanceOfSatisfying(KernelException.class, k -> assertThat(k.errno()).isEqualTo(Errno.EOPNOTSUPP));
    assertThatThrownBy(() -> topology.edit(0, e -> e.deleteLink("", "eth0")))
        .isInstanceOfSatisfying(KernelException.class, k -> assertThat(k.errno()).isEqualTo(Errno.EOPNOTSUPP));
  }

  @Test
  void vethCarrierNeedsBothEndsUpAndLowerLayerDownNeedsDistinctIndexes() {
    run(e -> {
      e.addNamespace("RED");
      e.addNamespace("BLUE");
      e.addVeth("", "veth0", "", "veth1");
    });
    run(e -> e.setUp("", "veth0", true));
    assertThat(link("", "veth0").carrier()).isFalse();
    assertThat(link("", "veth0").operState()).isEqualTo(OperState.LOWERLAYERDOWN);
    run(e -> e.setUp("", "veth1", true));
    assertThat(link("", "veth0").carrier()).isTrue();
    assertThat(link("", "veth1").operState()).isEqualTo(OperState.UP);
    // both ends get index 2 in their own namespaces: iflink == ifindex makes an idle end DOWN, not LOWERLAYERDOWN
    run(e -> e.addVeth("RED", "r0", "BLUE", "b0"));
    run(e -> e.setUp("RED", "r0", true));
    assertThat(link("RED", "r0").index()).isEqualTo(link("BLUE", "b0").index());
    assertThat(link("RED", "r0").operState()).isEqualTo(OperState.DOWN);
    run(e -> e.setUp("BLUE", "b0", true));
    assertThat(link("RED", "r0").carrier()).isTrue();
    run(e -> e.setUp("BLUE", "b0", false));
    assertThat(link("RED", "r0").carrier()).isFalse();
  }

  @Test
  void bridgeHasCarrierWhileAPortForwardsAndTakesTheLowestPortMac() {
    run(e -> {
      e.addBridge("", "br0");
      e.addVeth("", "h0", "", "h1");
      e.addVeth("", "g0", "", "g1");
    });
    Mac initial = link("", "br0").mac();
    assertThat(initial).isNotEqualTo(Mac.ZERO);
    assertThat(link("", "br0").bridge().bridgeId()).isEqualTo(Mac.ZERO);
    run(e -> {
      e.setMac("", "h0", Mac.parse("12:00:00:00:00:02"));
      e.setMac("", "g0", Mac.parse("12:00:00:00:00:01"));
      e.setMaster("", "h0", "br0");
    });
    assertThat(link("", "br0").mac()).isEqualTo(Mac.parse("12:00:00:00:00:02"));
    run(e -> e.setMaster("", "g0", "br0"));
    assertThat(link("", "br0").mac()).isEqualTo(Mac.parse("12:00:00:00:00:01"));
    assertThat(link("", "br0").bridge().bridgeId()).isEqualTo(Mac.parse("12:00:00:00:00:01"));
    assertThat(link("", "g0").portNumber()).isEqualTo(2);
    run(e -> {
      e.setUp("", "br0", true);
      e.setUp("", "h0", true);
    });
    assertThat(link("", "br0").carrier()).isFalse(); // h0's peer h1 is down
    run(e -> e.setUp("", "h1", true));
    assertThat(link("", "br0").carrier()).isTrue();
    assertThat(link("", "br0").operState()).isEqualTo(OperState.UP);
    run(e -> e.setUp("", "h0", false));
    assertThat(link("", "br0").carrier()).isFalse();
    // an address set by hand sticks
    run(e -> e.setMac("", "br0", Mac.parse("02:42:29:82:1c:4f")));
    run(e -> e.clearMaster("", "g0"));
    assertThat(link("", "br0").mac()).isEqualTo(Mac.parse("02:42:29:82:1c:4f"));
  }

  @Test
  void enslavingRules() {
    run(e -> {
      e.addBridge("", "br0");
      e.addVeth("", "v0", "", "v1");
      e.addVeth("", "v2", "", "v3");
    });
    assertThatThrownBy(() -> topology.edit(0, e -> e.setMaster("", "v0", "v2")))
        .isInstanceOfSatisfying(KernelException.class, k -> assertThat(k.errno()).isEqualTo(Errno.EOPNOTSUPP));
    assertThatThrownBy(() -> topology.edit(0, e -> e.setMaster("", "lo", "br0")))
        .isInstanceOfSatisfying(KernelException.class, k -> assertThat(k.extack()).isNull());
    assertThatThrownBy(() -> topology.edit(0, e -> e.setMaster("", "br0", "br0")))
        .hasMessageContaining("Can not enslave a bridge to a bridge");
  }

  @Test
  void namespaceIdsAreAllocatedWhereTheKernelAllocatesThem() {
    // ip link add y0 netns A type veth peer name y1: A gives the host an id, the host gives A none yet
    run(e -> {
      e.addNamespace("A");
      e.addNamespace("B");
      e.addVeth("A", "y0", "", "y1");
    });
    Namespace host = topology.host();
    assertThat(topology.namespace("A").nsidOf(host)).isZero();
    assertThat(host.nsidOf(topology.namespace("A"))).isEqualTo(-1);
    run(e -> e.noteLinkDump("")); // ip link in the host
    assertThat(topology.host().nsidOf(topology.namespace("A"))).isZero();
    // ip link add z0 type veth peer name z1 netns B: the host (main device's namespace) gives B the next id
    run(e -> e.addVeth("", "z0", "B", "z1"));
    assertThat(topology.host().nsidOf(topology.namespace("B"))).isEqualTo(1);
    assertThat(topology.namespace("B").nsidOf(topology.namespace("A"))).isEqualTo(-1);
  }

  @Test
  void movesAllocateIdsInBothNamespacesAndFreedIdsAreReused() {
    run(e -> {
      e.addNamespace("RED");
      e.addNamespace("BLUE");
      e.addVeth("", "veth0", "", "veth1");
      e.moveLink("", "veth0", "RED");
    });
    assertThat(topology.host().nsidOf(topology.namespace("RED"))).isZero();
    assertThat(topology.namespace("RED").nsidOf(topology.host())).isZero();
    run(e -> e.moveLink("", "veth1", "BLUE"));
    assertThat(topology.host().nsidOf(topology.namespace("BLUE"))).isEqualTo(1);
    assertThat(topology.namespace("BLUE").nsidOf(topology.namespace("RED"))).isZero();
    run(e -> {
      e.deleteNamespace("RED");
      e.addNamespace("PURPLE");
      e.addVeth("", "h0", "", "h1");
      e.moveLink("", "h1", "PURPLE");
    });
    assertThat(topology.host().nsidOf(topology.namespace("PURPLE"))).isZero();
    assertThat(topology.host().nsidOf(topology.namespace("BLUE"))).isEqualTo(1);
  }

  @Test
  void generatedMacsAreDeterministicLocallyAdministeredUnicast() {
    Topology a = Topology.initial().edit(0, e -> e.addVeth("", "v0", "", "v1"));
    Topology b = Topology.initial().edit(0, e -> e.addVeth("", "v0", "", "v1"));
    Mac mac = a.host().link("v0").mac();
    assertThat(mac).isEqualTo(b.host().link("v0").mac());
    assertThat(mac).isNotEqualTo(a.host().link("v1").mac());
    assertThat(mac.isMulticast()).isFalse();
    assertThat(mac.octet(0) & 0x02).isEqualTo(0x02);
  }

  @Test
  void failedChangeLeavesTheSnapshotUntouched() {
    Topology before = topology;
    assertThatThrownBy(() -> topology.edit(0, e -> {
      e.addVeth("", "veth0", "", "veth1");
      e.addVeth("", "veth0", "", "veth2");
    })).isInstanceOf(KernelException.class);
    assertThat(before.host().link("veth0")).isNull();
    assertThat(before.host().links()).hasSize(1);
  }

  @Test
  void autoNamesTakeTheLowestFreeNumberPeerFirst() {
    run(e -> e.addVeth("", "veth0", "", "veth1"));
    run(e -> e.addVeth("", null, "", null));
    assertThat(link("", "veth2").index()).isLessThan(link("", "veth3").index());
    assertThat(link("", "veth3").peer().index()).isEqualTo(link("", "veth2").index());
  }

  @Test
  void renameMovesSysctlsAndRelabelsAddresses() {
    run(e -> {
      e.addVeth("", "v0", "", "v1");
      e.writeSysctl("", "net.ipv4.conf.v0.rp_filter", "1");
      e.addAddress("", "v0", address("192.0.2.1/24", "v0"));
      e.addAddress("", "v0", address("198.51.100.1/24", "v0"));
      e.rename("", "v0", "w0");
    });
    assertThat(topology.host().sysctl("net.ipv4.conf.w0.rp_filter")).isEqualTo("1");
    assertThat(topology.host().sysctl("net.ipv4.conf.v0.rp_filter")).isNull();
    assertThat(link("", "w0").addresses()).extracting(IfAddress::label).containsExactly("w0", "w0:2");
  }

  @Test
  void macChangesAreValidated() {
    run(e -> e.addVeth("", "v0", "", "v1"));
    for (String bad : new String[] {"ff:ff:ff:ff:ff:ff", "01:00:00:00:00:01", "00:00:00:00:00:00"}) {
      assertThatThrownBy(() -> topology.edit(0, e -> e.setMac("", "v0", Mac.parse(bad))))
          .isInstanceOfSatisfying(KernelException.class,
              k -> assertThat(k.errno()).isEqualTo(Errno.EADDRNOTAVAIL));
    }
    run(e -> e.setMac("", "v0", Mac.parse("02:00:00:00:00:01")));
    assertThat(link("", "v0").mac()).isEqualTo(Mac.parse("02:00:00:00:00:01"));
  }

  @Test
  void linkLocalAddressAppearsWithCarrierAndIsTentativeForAWhile() {
    run(e -> e.addVeth("", "a0", "", "a1"));
    topology = topology.edit(5_000_000_000L, e -> {
      e.setUp("", "a0", true);
      e.setUp("", "a1", true);
    });
    Link a0 = link("", "a0");
    assertThat(a0.linkLocal()).isEqualTo(new LinkLocal(5_000_000_000L, a0.mac()));
    assertThat(a0.linkLocalTentative(5_500_000_000L)).isTrue();
    assertThat(a0.linkLocalTentative(7_000_000_000L)).isFalse();
    run(e -> e.setUp("", "a1", false));
    assertThat(link("", "a0").linkLocal().since()).isEqualTo(5_000_000_000L); // survives carrier loss
    // a new MAC does not change it: Linux keeps the address it derived when the device came up
    run(e -> e.setMac("", "a0", Mac.parse("02:00:00:00:00:0a")));
    assertThat(link("", "a0").linkLocal().mac()).isEqualTo(a0.mac());
    run(e -> e.setUp("", "a0", false));
    assertThat(link("", "a0").linkLocal()).isNull();
  }

  @Test
  void tenThousandContainersOnOneBridge() {
    run(e -> {
      e.addBridge("", "docker0");
      e.setUp("", "docker0", true);
    });
    for (int i = 0; i < 10_000; i++) {
      String ns = "c" + i;
      String hostEnd = "veth" + i;
      run(e -> {
        e.addNamespace(ns, false);
        e.addVeth(ns, "eth0", "", hostEnd);
        e.setMaster("", hostEnd, "docker0");
        e.setUp("", hostEnd, true);
        e.setUp(ns, "eth0", true);
      });
    }
    Namespace host = topology.host();
    int bridge = host.link("docker0").index();
    assertThat(host.linkCount()).isEqualTo(10_002);
    assertThat(host.portsOf(bridge)).hasSize(10_000);
    assertThat(host.link("veth9999").portNumber()).isEqualTo(10_000);
    assertThat(host.link("docker0").carrier()).isTrue();
    assertThat(host.nsidOf(topology.namespace("c9999"))).isEqualTo(9_999);
    run(e -> e.deleteNamespace("c0"));
    assertThat(topology.host().portsOf(bridge)).hasSize(9_999);
    assertThat(topology.host().link("veth0")).isNull();
    run(e -> {
      e.addNamespace("late", false);
      e.addVeth("", "vethlate", "late", "eth0");
      e.setMaster("", "vethlate", "docker0");
    });
    // the freed id and port number are the lowest free ones again
    assertThat(topology.host().nsidOf(topology.namespace("late"))).isZero();
    assertThat(topology.host().link("vethlate").portNumber()).isEqualTo(1);
  }
}
