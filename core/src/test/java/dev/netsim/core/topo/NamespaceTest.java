package dev.netsim.core.topo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Ipv4Prefix;
import org.junit.jupiter.api.Test;

class NamespaceTest {
  private static int ip(String text) {
    return Ipv4.parse(text).bits();
  }

  /** The seed's section 1.3 host: br0 11.11.11.1/24 with a port, a default route via 10.0.2.2 on eth0. */
  private static Topology seedHost() {
    return Topology.initial().edit(0, e -> {
      e.addNamespace("internet");
      e.addEthernetPair("", "eth0", "internet", "eth0");
      e.addBridge("", "br0");
      e.addVeth("", "reth1", "", "reth0");
      e.setMaster("", "reth1", "br0");
      for (String name : new String[] {"eth0", "br0", "reth1", "reth0"}) {
        e.setUp("", name, true);
      }
      e.setUp("internet", "eth0", true);
      e.addAddress("", "eth0", IfAddress.of(Ipv4.parse("10.0.2.15"), 24, "eth0"));
      e.addAddress("", "br0", IfAddress.of(Ipv4.parse("11.11.11.1"), 24, "br0"));
      e.addRoute("", new Route(Route.TABLE_MAIN, AddressType.UNICAST, Ipv4Prefix.ANY, Ipv4.parse("10.0.2.2"), 0,
          RouteProtocol.BOOT, Scope.GLOBAL, null, 0), false);
    });
  }

  @Test
  void addressTypesFollowTheLocalTable() {
    Namespace host = seedHost().host();
    int br0 = host.link("br0").index();
    int eth0 = host.link("eth0").index();
    assertThat(host.typeOf(ip("11.11.11.1"))).isEqualTo(AddressType.LOCAL);
    assertThat(host.typeOf(ip("10.0.2.15"))).isEqualTo(AddressType.LOCAL);
    assertThat(host.typeOf(ip("127.0.0.1"))).isEqualTo(AddressType.LOCAL);
    assertThat(host.typeOf(ip("127.1.2.3"))).isEqualTo(AddressType.LOCAL);
    assertThat(host.typeOf(ip("11.11.11.255"))).isEqualTo(AddressType.BROADCAST);
    assertThat(host.typeOf(ip("255.255.255.255"))).isEqualTo(AddressType.BROADCAST);
    assertThat(host.typeOf(ip("0.1.2.3"))).isEqualTo(AddressType.BROADCAST);
    assertThat(host.typeOf(ip("224.0.0.1"))).isEqualTo(AddressType.MULTICAST);
    assertThat(host.typeOf(ip("8.8.8.8"))).isEqualTo(AddressType.UNICAST);
    assertThat(host.typeOf(ip("11.11.11.2"))).isEqualTo(AddressType.UNICAST);
    // --limit-iface: the local route of 11.11.11.1 goes through br0
    assertThat(host.typeOf(ip("11.11.11.1"), br0)).isEqualTo(AddressType.LOCAL);
    assertThat(host.typeOf(ip("11.11.11.1"), eth0)).isEqualTo(AddressType.UNICAST);
    assertThat(host.isLocalAddress(ip("10.0.2.15"))).isTrue();
  }

  @Test
  void routeLookupTriesLocalThenMain() {
    Namespace host = seedHost().host();
    assertThat(host.lookupRoute(ip("11.11.11.1")).type()).isEqualTo(AddressType.LOCAL);
    Route connected = host.lookupRoute(ip("11.11.11.3"));
    assertThat(connected.gateway()).isNull();
    assertThat(connected.device()).isEqualTo(host.link("br0").index());
    assertThat(connected.protocol()).isEqualTo(RouteProtocol.KERNEL);
    Route fallback = host.lookupRoute(ip("8.8.8.8"));
    assertThat(fallback.gateway()).isEqualTo(Ipv4.parse("10.0.2.2"));
    assertThat(fallback.device()).isEqualTo(host.link("eth0").index());
    Namespace empty = Topology.initial().edit(0, e -> e.addNamespace("RED")).namespace("RED");
    assertThat(empty.lookupRoute(ip("8.8.8.8"))).isNull();
  }

  @Test
  void sourceAddressComesFromTheOutputDevice() {
    Namespace host = seedHost().host();
    assertThat(host.selectSourceAddress(host.link("eth0").index(), ip("8.8.8.8"), Scope.GLOBAL))
        .isEqualTo(Ipv4.parse("10.0.2.15"));
    assertThat(host.selectSourceAddress(host.link("br0").index(), ip("11.11.11.2"), Scope.LINK))
        .isEqualTo(Ipv4.parse("11.11.11.1"));
    // a device without addresses borrows another device's
    assertThat(host.selectSourceAddress(host.link("reth0").index(), ip("1.2.3.4"), Scope.GLOBAL))
        .isEqualTo(Ipv4.parse("10.0.2.15"));
  }

  @Test
  void sysctlDefaultsOfAFreshNamespace() {
    Topology topology = Topology.initial().edit(0, e -> {
      e.addNamespace("RED");
      e.addVeth("RED", "v0", "RED", "v1");
    });
    Namespace red = topology.namespace("RED");
    assertThat(red.sysctl("net.ipv4.ip_forward")).isEqualTo("0");
    assertThat(red.sysctl("net/ipv4/ip_forward")).isEqualTo("0");
    assertThat(red.sysctl("net.bridge.bridge-nf-call-iptables")).isEqualTo("1");
    assertThat(red.sysctl("net.ipv4.conf.all.rp_filter")).isEqualTo("0");
    assertThat(red.sysctl("net.ipv4.conf.v0.route_localnet")).isEqualTo("0");
    assertThat(red.sysctl("net.ipv4.conf.lo.disable_policy")).isEqualTo("1");
    assertThat(red.sysctl("net.ipv4.conf.v0.disable_policy")).isEqualTo("0");
    assertThat(red.sysctl("net.netfilter.nf_conntrack_max")).isEqualTo("262144");
    assertThat(red.sysctl("net.netfilter.nf_conntrack_tcp_timeout_established")).isEqualTo("432000");
    assertThat(red.sysctl("net.ipv4.neigh.v0.base_reachable_time_ms")).isEqualTo("30000");
    assertThat(red.sysctl("net.ipv6.conf.lo.mtu")).isEqualTo("65536");
    assertThat(red.sysctl("net.ipv4.ip_local_port_range")).isEqualTo("32768\t60999");
    assertThat(red.sysctl("net.ipv4.neigh.default.base_reachable_time_ms")).isNull();
    assertThat(red.sysctl("net.ipv4.conf.veth9.rp_filter")).isNull();
    assertThat(red.sysctl("net.ipv4.bogus")).isNull();
    assertThat(red.sysctlWritable("net.netfilter.nf_conntrack_max")).isFalse();
    assertThat(topology.host().sysctlWritable("net.netfilter.nf_conntrack_max")).isTrue();
    assertThat(red.sysctlKeys()).hasSize(825).startsWith("net.bridge.bridge-nf-call-arptables");
  }

  @Test
  void ipForwardIsConfAllForwardingAndPropagates() {
    Topology topology = Topology.initial().edit(0, e -> {
      e.addNamespace("RED");
      e.writeSysctl("RED", "net.ipv4.ip_forward", "1");
      e.addVeth("RED", "v2", "RED", "v3");
    });
    Namespace red = topology.namespace("RED");
    assertThat(red.sysctl("net.ipv4.conf.all.forwarding")).isEqualTo("1");
    assertThat(red.sysctl("net.ipv4.conf.default.forwarding")).isEqualTo("1");
    assertThat(red.sysctl("net.ipv4.conf.lo.forwarding")).isEqualTo("1");
    assertThat(red.sysctl("net.ipv4.conf.v2.forwarding")).isEqualTo("1");
    assertThat(red.sysctl("net.ipv4.conf.all.accept_redirects")).isEqualTo("0");
    topology = topology.edit(0, e -> e.writeSysctl("RED", "net.ipv4.conf.all.forwarding", "0"));
    assertThat(topology.namespace("RED").sysctl("net.ipv4.ip_forward")).isEqualTo("0");
    assertThat(topology.namespace("RED").sysctlInt("net.ipv4.conf.v2.forwarding")).isZero();
  }

  @Test
  void devicesInheritConfDefaultUntilSetThemselves() {
    Topology topology = Topology.initial().edit(0, e -> {
      e.addVeth("", "v0", "", "v1");
      e.writeSysctl("", "net.ipv4.conf.default.rp_filter", "2");
      e.writeSysctl("", "net.ipv4.conf.v0.rp_filter", "1");
      e.writeSysctl("", "net.ipv4.conf.default.rp_filter", "0");
      e.writeSysctl("", "net.ipv4.conf.all.rp_filter", "2");
    });
    Namespace host = topology.host();
    assertThat(host.sysctl("net.ipv4.conf.v0.rp_filter")).isEqualTo("1");
    assertThat(host.sysctl("net.ipv4.conf.v1.rp_filter")).isEqualTo("0");
    assertThat(host.ipv4Conf("v0", "rp_filter")).isEqualTo(2);
    assertThat(host.ipv4Conf("v1", "route_localnet")).isZero();
  }

  @Test
  void sysctlWritesAreValidated() {
    Topology topology = Topology.initial().edit(0, e -> e.addNamespace("RED"));
    assertThatThrownBy(() -> topology.edit(0, e -> e.writeSysctl("RED", "net.ipv4.bogus", "1")))
        .isInstanceOfSatisfying(KernelException.class, k -> assertThat(k.errno()).isEqualTo(Errno.ENOENT));
    assertThatThrownBy(() -> topology.edit(0, e -> e.writeSysctl("RED", "net.ipv4.ip_forward", "abc")))
        .isInstanceOfSatisfying(KernelException.class, k -> assertThat(k.errno()).isEqualTo(Errno.EINVAL));
    assertThatThrownBy(() -> topology.edit(0, e -> e.writeSysctl("RED", "net.netfilter.nf_conntrack_count", "5")))
        .isInstanceOfSatisfying(KernelException.class, k -> assertThat(k.errno()).isEqualTo(Errno.EACCES));
    Topology changed = topology.edit(0, e -> {
      e.writeSysctl("RED", "net.ipv4.ip_forward", " 2");
      e.writeSysctl("RED", "net.bridge.bridge-nf-call-iptables", "7");
      e.writeSysctl("RED", "net.ipv4.ip_local_port_range", "1024 2048");
    });
    Namespace red = changed.namespace("RED");
    assertThat(red.sysctl("net.ipv4.ip_forward")).isEqualTo("2");
    assertThat(red.sysctl("net.bridge.bridge-nf-call-iptables")).isEqualTo("1");
    assertThat(red.sysctl("net.ipv4.ip_local_port_range")).isEqualTo("1024\t2048");
  }
}
