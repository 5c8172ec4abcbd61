package dev.netsim.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.core.value.Ipv4;
import dev.netsim.sim.conntrack.Connection;
import dev.netsim.sim.trace.Disposition;
import dev.netsim.sim.trace.Step;
import dev.netsim.sim.trace.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelTest extends ScriptedWorldTest {
  private static final String[] SEED_BRIDGE = {
      "ip netns add RED", "ip netns add BLUE",
      "ip link add reth0 netns RED type veth peer name reth1",
      "ip link add beth0 netns BLUE type veth peer name beth1",
      "ip netns exec RED ip addr add 11.11.11.2/24 dev reth0",
      "ip netns exec BLUE ip addr add 11.11.11.3/24 dev beth0",
      "ip netns exec RED ip link set reth0 up", "ip netns exec BLUE ip link set beth0 up",
      "ip link add br0 type bridge", "ip link set reth1 master br0", "ip link set beth1 master br0",
      "ip link set reth1 up", "ip link set beth1 up", "ip link set br0 up"};

  @Test
  void theSeedsBridgedPingIsDroppedByDockersForwardPolicy() {
    run(SEED_BRIDGE);
    run("iptables -P FORWARD DROP", "ip netns exec RED ping -c 1 -W 1 11.11.11.3", "iptables -nvL FORWARD");

    Trace request = last("ICMP echo request");
    assertThat(request.disposition()).isEqualTo(Disposition.DROPPED_BY_POLICY);
    assertThat(request.steps()).anySatisfy(step -> assertThat(step).isEqualTo(
        new Step.PolicyApplied("", "filter", "FORWARD", "DROP")));
    assertThat(request.steps()).anySatisfy(step -> assertThat(step).isInstanceOf(Step.Bridged.class));
    assertThat(output).contains("1 packets transmitted, 0 received, 100% packet loss")
        .contains("Chain FORWARD (policy DROP 1 packets, 84 bytes)");
  }

  @Test
  void withBridgeNfCallIptablesOffBridgedTrafficSkipsIptables() {
    run(SEED_BRIDGE);
    run("iptables -P FORWARD DROP", "sysctl -qw net.bridge.bridge-nf-call-iptables=0",
        "ip netns exec RED ping -c 1 -W 1 11.11.11.3");

    assertThat(output).contains("1 packets transmitted, 1 received, 0% packet loss");
    assertThat(last("ICMP echo request").disposition()).isEqualTo(Disposition.DELIVERED);
    assertThat(last("ICMP echo request").steps()).noneMatch(step -> step instanceof Step.ChainEntered);
  }

  @Test
  void aRouterDecrementsTheTtlAndAnswersTimeExceededWhenItRunsOut() {
    run(ROUTER);
    run("ip netns exec C ping -c 1 -W 1 198.51.100.2");
    assertThat(output).contains("64 bytes from 198.51.100.2: icmp_seq=1 ttl=63");

    run("ip netns exec C ping -c 1 -W 1 -t 1 198.51.100.2");
    assertThat(output).contains("From 192.0.2.1 icmp_seq=1 Time to live exceeded");
    assertThat(last("ICMP echo request").disposition()).isEqualTo(Disposition.TTL_EXCEEDED);
  }

  @Test
  void withoutIpForwardARouterDropsSilently() {
    run(ROUTER);
    run("ip netns exec R sysctl -qw net.ipv4.ip_forward=0", "ip netns exec C ping -c 1 -W 1 198.51.100.2");

    assertThat(output).contains("1 packets transmitted, 0 received, 100% packet loss").doesNotContain("From ");
    assertThat(last("ICMP echo request").disposition()).isEqualTo(Disposition.FORWARDING_DISABLED);
  }

  @Test
  void masqueradeRewritesTheSourceAndConntrackUndoesItForTheReply() {
    run(ROUTER);
    run("ip netns exec S ip route del default",
        "ip netns exec R iptables -t nat -A POSTROUTING -s 192.0.2.0/24 -o r1 -j MASQUERADE",
        "ip netns exec C ping -c 1 -W 1 198.51.100.2", "ip netns exec R iptables -t nat -nvL POSTROUTING");

    assertThat(output).contains("64 bytes from 198.51.100.2")
        .contains("    1    84 MASQUERADE  0    --  *      r1      192.0.2.0/24         0.0.0.0/0");
    Trace request = last("ICMP echo request");
    assertThat(request.steps()).anySatisfy(step -> assertThat(step).isEqualTo(
        new Step.Translated("R", "MASQUERADE", "192.0.2.2 > 198.51.100.2", "198.51.100.1 > 198.51.100.2")));
    List<Connection> entries = world.kernel().runtime("R").conntrackTable().entries(world.now());
    assertThat(entries).singleElement().satisfies(connection -> {
      assertThat(connection.original().src()).isEqualTo(Ipv4.parse("192.0.2.2").bits());
      assertThat(connection.reply().dst()).isEqualTo(Ipv4.parse("198.51.100.1").bits());
      assertThat(connection.isSourceNatted()).isTrue();
    });
  }

  @Test
  void conntrackStaysOffUntilARuleNeedsIt() {
    run(ROUTER);
    run("ip netns exec R iptables -A FORWARD -j ACCEPT", "ip netns exec C ping -c 1 -W 1 198.51.100.2");
    assertThat(world.kernel().runtime("R").conntrackTable().entries(world.now())).isEmpty();

    run("ip netns exec R iptables -A FORWARD -m conntrack --ctstate INVALID -j DROP",
        "ip netns exec C ping -c 1 -W 1 198.51.100.2");
    assertThat(world.kernel().runtime("R").conntrackTable().entries(world.now())).hasSize(1);
  }

  @Test
  void withoutANatTableNoNatBindingIsSetUpButANatTableNullBindsEveryConnection() {
    run(ROUTER);
    run("ip netns exec R iptables -A FORWARD -m conntrack --ctstate NEW -j ACCEPT",
        "ip netns exec C ping -c 1 -W 1 198.51.100.2");
    assertThat(world.kernel().runtime("R").conntrackTable().entries(world.now())).singleElement()
        .satisfies(connection -> assertThat(connection.status() & (Connection.SRC_NAT_DONE | Connection.DST_NAT_DONE))
            .isZero());

    // iptables-nft registers the NAT hooks once the nat table exists: a connection it leaves alone gets
    // null bindings (both *_NAT_DONE bits, no translation), as conntrack -L --src-nat then shows
    run("ip netns exec R conntrack -F", "ip netns exec R iptables -t nat -A POSTROUTING -o r0 -j MASQUERADE",
        "ip netns exec C ping -c 1 -W 1 198.51.100.2");
    assertThat(world.kernel().runtime("R").conntrackTable().entries(world.now())).singleElement()
        .satisfies(connection -> {
          assertThat(connection.has(Connection.SRC_NAT_DONE | Connection.DST_NAT_DONE)).isTrue();
          assertThat(connection.isSourceNatted()).isFalse();
        });
  }

  @Test
  void icmpErrorsToOneHostAreRateLimitedAfterABurstOfSix() {
    run(ROUTER);
    run("ip netns exec R iptables -A FORWARD -p icmp -j REJECT");
    for (int i = 0; i < 7; i++) {
      run("ip netns exec C ping -c 1 -W 1 198.51.100.2");
    }
    // A rejected ping ends as soon as its error arrives: seven come within microseconds, as on the kernel
    // (conformance script 22, whose seventh REJECT variant prints nothing).
    assertThat(output).doesNotContain("From ");
    assertThat(answeredErrors()).isEqualTo(6);
    assertThat(last("ICMP port unreachable").reason()).contains("ICMP error rate limit");

    run("sleep 1", "ip netns exec C ping -c 1 -W 1 198.51.100.2");
    assertThat(output).contains("From 192.0.2.1 icmp_seq=1 Destination Port Unreachable");
    assertThat(answeredErrors()).isEqualTo(7);
  }

  @Test
  void aRouterWithoutARouteAnswersTwoUnreachablesInABurstThenOneEveryTwoSeconds() {
    run(ROUTER);
    // ip_error draws a second from the source's tokens before icmp_send draws its own: checked on the kernel
    // with `ping -c 8 -i 0.2` to an unrouted network (2 errors), and in conformance script 36.
    run("ip netns exec C ping -c 8 -i 0.2 -W 1 203.0.113.9");
    assertThat(output).contains("8 packets transmitted, 0 received, +2 errors, 100% packet loss");
    assertThat(traces).anySatisfy(t -> assertThat(t.render()).contains("rate limit of unreachable answers"));

    run("sleep 2", "ip netns exec C ping -c 1 -W 1 203.0.113.9");
    assertThat(output).contains("From 192.0.2.1 icmp_seq=1 Destination Net Unreachable");
  }

  private long answeredErrors() {
    return traces.stream().filter(t -> t.packet().startsWith("ICMP port unreachable")
        && t.disposition() == Disposition.DELIVERED).count();
  }

  @Test
  void anUnansweredArpFailsAfterThreeProbesAndTheSenderHearsHostUnreachable() {
    run(ROUTER);
    run("ip netns exec C ping -c 1 -W 5 192.0.2.99", "ip netns exec C ip neigh show 192.0.2.99");

    assertThat(output).contains("From 192.0.2.2 icmp_seq=1 Destination Host Unreachable")
        .contains("192.0.2.99 dev c0 FAILED");
    assertThat(last("ICMP echo request").disposition()).isEqualTo(Disposition.NEIGHBOUR_UNREACHABLE);
  }

  @Test
  void rejectRoutesGiveTheLocalSenderTheirOwnErrors() {
    run(ROUTER);
    run("ip netns exec C ip route add unreachable 203.0.113.0/24",
        "ip netns exec C ip route add prohibit 203.0.113.64/26",
        "ip netns exec C ip route add blackhole 203.0.113.128/26",
        "ip netns exec C ip route del default",
        "ip netns exec C ping -c 1 203.0.113.1", "ip netns exec C ping -c 1 203.0.113.65",
        "ip netns exec C ping -c 1 203.0.113.129", "ip netns exec C ping -c 1 198.51.100.2");

    assertThat(output).contains("ping: connect: No route to host")
        .contains("ping: connect: Permission denied")
        .contains("ping: connect: Invalid argument")
        .contains("ping: connect: Network is unreachable");
  }

  @Test
  void aBridgeLoopStormsUntilNetsimStopsIt() {
    run("ip link add br0 type bridge", "ip link add br1 type bridge",
        "ip link add a0 type veth peer name b0", "ip link add a1 type veth peer name b1",
        "ip link set a0 master br0", "ip link set a1 master br0", "ip link set b0 master br1",
        "ip link set b1 master br1", "ip netns add X", "ip link add x0 netns X type veth peer name xp",
        "ip link set xp master br0", "ip netns exec X ip addr add 192.0.2.2/24 dev x0",
        "ip netns exec X ip link set x0 up");
    for (String dev : List.of("br0", "br1", "a0", "a1", "b0", "b1", "xp")) {
      run("ip link set " + dev + " up");
    }
    run("ip netns exec X ping -c 1 -W 1 192.0.2.9");

    assertThat(output).contains("1 packets transmitted, 0 received");
    assertThat(traces).anySatisfy(trace -> {
      assertThat(trace.disposition()).isEqualTo(Disposition.BROADCAST_STORM);
      assertThat(trace.reason()).contains("bridge loop");
    });
  }

  @Test
  void dnatToLoopbackIsMartianUnlessRouteLocalnetAllowsIt() {
    run(ROUTER);
    run("ip netns exec R ip link set lo up",
        "ip netns exec R iptables -t nat -A PREROUTING -p icmp -j DNAT --to-destination 127.0.0.1",
        "ip netns exec C ping -c 1 -W 1 198.51.100.2");
    assertThat(last("ICMP echo request").disposition()).isEqualTo(Disposition.MARTIAN);
    assertThat(output).contains("0 received");

    run("ip netns exec R sysctl -qw net.ipv4.conf.r0.route_localnet=1", "ip netns exec C ping -c 1 -W 1 198.51.100.3");
    assertThat(output).contains("64 bytes from 198.51.100.3");
  }

  @Test
  void strictReversePathFilteringDropsSourcesRoutedElsewhere() {
    run(ROUTER);
    run("ip netns exec S ip addr add 203.0.113.5/32 dev lo", "ip netns exec S ip link set lo up",
        "ip netns exec R sysctl -qw net.ipv4.conf.all.rp_filter=1",
        "ip netns exec C ping -c 1 -W 1 -I 192.0.2.2 198.51.100.2");
    assertThat(output).contains("64 bytes from 198.51.100.2");

    run("ip netns exec C ip addr add 203.0.113.77/32 dev lo", "ip netns exec C ip link set lo up",
        "ip netns exec R ip route add 203.0.113.77 via 198.51.100.2",
        "ip netns exec C ping -c 1 -W 1 -I 203.0.113.77 198.51.100.2");
    assertThat(last("ICMP echo request").disposition()).isEqualTo(Disposition.RP_FILTERED);
  }

  @Test
  void aFullConntrackTableMakesRoomByDroppingAnUnassuredEntry() {
    run(ROUTER);
    run("sysctl -qw net.netfilter.nf_conntrack_max=2",
        "ip netns exec R iptables -A FORWARD -m conntrack --ctstate INVALID -j DROP");
    for (int i = 0; i < 3; i++) {
      run("ip netns exec C ping -c 1 -W 1 198.51.100.2");
      assertThat(output).contains("1 received");
    }
    assertThat(world.kernel().runtime("R").conntrackTable().entries(world.now())).hasSize(2);
  }

  @Test
  void aRoutingLoopEndsByTtlWithTimeExceeded() {
    run(ROUTER);
    run("ip netns exec S sysctl -qw net.ipv4.ip_forward=1",
        "ip netns exec R ip route add 203.0.113.0/24 via 198.51.100.2",
        "ip netns exec S ip route add 203.0.113.0/24 via 198.51.100.1",
        "ip netns exec C ping -c 1 -W 1 203.0.113.1");

    assertThat(output).contains("Time to live exceeded");
    assertThat(last("ICMP echo request").disposition()).isEqualTo(Disposition.TTL_EXCEEDED);
  }
}
