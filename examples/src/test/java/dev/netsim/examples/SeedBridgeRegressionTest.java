package dev.netsim.examples;

import static dev.netsim.sim.api.assertions.NetsimAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.sim.api.Netsim;
import dev.netsim.sim.api.ProbeResult;
import dev.netsim.sim.trace.Step;
import org.junit.jupiter.api.Test;

/**
 * The seed's bridge case as a regression test: RED and BLUE hang off bridge br0 in the host; with br_netfilter
 * ({@code net.bridge.bridge-nf-call-iptables = 1}) their bridged traffic passes filter FORWARD, whose policy is DROP
 * as Docker sets it, so RED cannot ping BLUE — until an admin accepts it in DOCKER-USER.
 */
class SeedBridgeRegressionTest {
  /** The seed session's setup, as a tutorial types it. */
  private static final String SEED = """
      ip netns add RED
      ip link add reth0 type veth peer name reth1
      ip link set reth0 netns RED
      ip netns add BLUE
      ip link add beth0 type veth peer name beth1
      ip link set beth0 netns BLUE
      ip link add br0 type bridge
      ip link set reth1 master br0
      ip link set beth1 master br0
      ip netns exec RED ip addr add 11.11.11.2/24 dev reth0
      ip netns exec BLUE ip addr add 11.11.11.3/24 dev beth0
      ip netns exec RED ip link set reth0 up; ip link set reth1 up
      ip netns exec BLUE ip link set beth0 up; ip link set beth1 up
      ip link set br0 up
      iptables -N DOCKER-USER
      iptables -N DOCKER-ISOLATION-STAGE-1
      iptables -A FORWARD -j DOCKER-USER
      iptables -A FORWARD -j DOCKER-ISOLATION-STAGE-1
      iptables -A DOCKER-USER -j RETURN
      iptables -A DOCKER-ISOLATION-STAGE-1 -j RETURN
      iptables -P FORWARD DROP
      """;

  @Test
  void bridgedPingIsDroppedByTheForwardPolicy() {
    Netsim net = Netsim.fromScript(SEED);

    ProbeResult ping = net.netns("RED").ping("11.11.11.3");

    assertThat(ping).isDropped().byPolicy("filter", "FORWARD")
        .matchedRule("-A FORWARD -j DOCKER-USER")
        .matchedRule("-A DOCKER-USER -j RETURN");
    assertThat(ping.trace().steps()).anySatisfy(step -> assertThat(step)
        .isEqualTo(new Step.SysctlDecided("", "net.bridge.bridge-nf-call-iptables", "1",
            "bridged IPv4 passes iptables (br_netfilter)")));
    assertThat(ping.replies()).isEmpty();
  }

  @Test
  void anAcceptInDockerUserLetsItThrough() {
    Netsim net = Netsim.fromScript(SEED);
    net.host().iptables("-I DOCKER-USER -j ACCEPT");

    assertThat(net.netns("RED").ping("11.11.11.3")).isDelivered()
        .matchedRule("-A DOCKER-USER -j ACCEPT")
        .didNotMatchRule("-A DOCKER-USER -j RETURN")
        .gotReply("echo reply");
  }

  @Test
  void withoutBrNetfilterTheBridgeIgnoresIptables() {
    Netsim net = Netsim.fromScript(SEED);
    net.host().sysctl("net.bridge.bridge-nf-call-iptables", "0");

    assertThat(net.netns("RED").ping("11.11.11.3")).isDelivered().didNotMatchRule("-A FORWARD -j DOCKER-USER");
  }
}
