package dev.netsim.sim.tools.iproute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.core.value.Mac;
import org.junit.jupiter.api.Test;

class Ipv6TextTest {
  @Test
  void linkLocalIsTheEui64OfTheMacAsIprouteWritesIt() {
    // from kernel/topology/ip-veth-namespaces.txt and the seed
    assertThat(Ipv6Text.linkLocal(Mac.parse("f6:86:fe:b4:c1:f0"))).isEqualTo("fe80::f486:feff:feb4:c1f0");
    assertThat(Ipv6Text.linkLocal(Mac.parse("6e:23:aa:2c:08:8c"))).isEqualTo("fe80::6c23:aaff:fe2c:88c");
    assertThat(Ipv6Text.linkLocal(Mac.parse("96:86:0a:81:90:b5"))).isEqualTo("fe80::9486:aff:fe81:90b5");
    assertThat(Ipv6Text.linkLocal(Mac.parse("02:00:00:00:00:01"))).isEqualTo("fe80::ff:fe00:1");
  }

  @Test
  void solicitedNodeGroupKeepsTheLowThreeBytes() {
    assertThat(Ipv6Text.solicitedNodeMac(Mac.parse("32:6c:73:a9:17:fb"))).isEqualTo(Mac.parse("33:33:ff:a9:17:fb"));
  }
}
