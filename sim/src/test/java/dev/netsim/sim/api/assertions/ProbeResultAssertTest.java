package dev.netsim.sim.api.assertions;

import static dev.netsim.sim.api.assertions.NetsimAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netsim.sim.api.FlowReport;
import dev.netsim.sim.api.Netns;
import dev.netsim.sim.api.Netsim;
import dev.netsim.sim.api.ProbeResult;
import dev.netsim.sim.trace.Disposition;
import org.junit.jupiter.api.Test;

class ProbeResultAssertTest {
  /** RED (11.11.11.2) behind router R, which masquerades towards OUT (203.0.113.0/24) and DNATs port 8080 to RED. */
  private static Netsim routed() {
    Netsim net = Netsim.create();
    Netns red = net.netns("RED");
    Netns router = net.netns("R");
    Netns out = net.netns("OUT");
    net.veth(red, "eth0", router, "in0").veth(router, "out0", out, "eth0");
    red.address("eth0", "11.11.11.2/24").up("lo", "eth0").route("default via 11.11.11.1").listenTcp(80);
    router.address("in0", "11.11.11.1/24").address("out0", "203.0.113.1/24").up("lo", "in0", "out0")
        .sysctl("net.ipv4.ip_forward", "1");
    out.address("eth0", "203.0.113.9/24").up("lo", "eth0");
    router.loadRules("""
        *nat
        :PREROUTING ACCEPT [0:0]
        :INPUT ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        :POSTROUTING ACCEPT [0:0]
        -A PREROUTING -i out0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 11.11.11.2:80
        -A POSTROUTING -o out0 -j MASQUERADE
        COMMIT
        *filter
        :INPUT ACCEPT [0:0]
        :FORWARD DROP [0:0]
        :OUTPUT ACCEPT [0:0]
        -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        -A FORWARD -i in0 -o out0 -j ACCEPT
        -A FORWARD -d 11.11.11.2/32 -p tcp -m tcp --dport 80 -j ACCEPT
        COMMIT
        """);
    return net;
  }

  @Test
  void passingAssertionsOnNatAndSockets() {
    Netsim net = routed();

    assertThat(net.netns("RED").ping("203.0.113.9")).isDelivered().wasMasqueradedTo("203.0.113.1")
        .matchedRule("-A POSTROUTING -o out0 -j MASQUERADE").gotReply("echo reply").wasAnswered();
    assertThat(net.netns("OUT").connectTcp("203.0.113.1", 8080)).isDelivered().wasDnatedTo("11.11.11.2:80")
        .wasDnatedTo("11.11.11.2").reachedSocket("RED", 80).gotReply("connected");
    assertThat(net.netns("OUT").ping("203.0.113.1")).isDelivered().wasNotTranslated()
        .didNotMatchRule("-A FORWARD -i in0 -o out0 -j ACCEPT");
    assertThat(net.netns("OUT").connectTcp("11.11.11.2", 22)).hasOutcome(Disposition.NO_ROUTE);
    assertThat(net.netns("OUT").inject("eth0", dev.netsim.sim.api.Packet.udp("203.0.113.1", 53, "203.0.113.9", 9)))
        .isDelivered();
  }

  @Test
  void policyAndRuleDecisions() {
    Netsim net = routed();
    net.netns("R").iptables("-I FORWARD -p udp --dport 53 -j DROP");
    net.netns("R").iptables("-I FORWARD -p udp --dport 54 -j REJECT");

    assertThat(net.netns("RED").sendUdp("203.0.113.9", 53)).isDropped()
        .byRule("-A FORWARD -p udp -m udp --dport 53 -j DROP");
    assertThat(net.netns("RED").sendUdp("203.0.113.9", 54)).isRejected()
        .byRule("-A FORWARD -p udp -m udp --dport 54 -j REJECT --reject-with icmp-port-unreachable")
        .gotReply("Connection refused");
    assertThat(net.netns("OUT").connectTcp("203.0.113.1", 8081)).isDelivered().gotReply("Connection refused");
  }

  @Test
  void aWrongAssertionsMessageContainsTheTrace() {
    Netsim net = routed();
    ProbeResult result = net.netns("OUT").ping("11.11.11.2");

    assertThatThrownBy(() -> assertThat(result).isDelivered())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("expected delivered but was no route")
        .hasMessageContaining("probe: ping 11.11.11.2 from OUT")
        .hasMessageContaining("[OUT]")
        .hasMessageContaining("⇒ no route");
    ProbeResult forwarded = net.netns("OUT").connectTcp("203.0.113.1", 8080);
    assertThatThrownBy(() -> assertThat(forwarded).isDropped().byPolicy("filter", "FORWARD"))
        .hasMessageContaining("expected the packet to be dropped but it was delivered")
        .hasMessageContaining("DNAT: 203.0.113.9:");
    assertThatThrownBy(() -> assertThat(forwarded).wasMasqueradedTo("203.0.113.1"))
        .hasMessageContaining("expected MASQUERADE of the source to 203.0.113.1, but there was [DNAT: 203.0.113.9:");
    assertThatThrownBy(() -> assertThat(forwarded).matchedRule("-A FORWARD -j ACCEPT"))
        .hasMessageContaining("expected `-A FORWARD -j ACCEPT' to match, but the rules that matched were [");
    assertThatThrownBy(() -> assertThat(forwarded).reachedSocket("RED", 81))
        .hasMessageContaining("expected the probe to reach port 81 in RED, but it reached [tcp 11.11.11.2:80 in RED");
  }

  @Test
  void byPolicyNamesTheTableAndChain() {
    Netsim net = routed();
    net.netns("R").iptables("-D FORWARD -i in0 -o out0 -j ACCEPT");
    ProbeResult result = net.netns("RED").ping("203.0.113.9");

    assertThat(result).isDropped().byPolicy("filter", "FORWARD");
    assertThatThrownBy(() -> assertThat(result).byPolicy("filter", "INPUT"))
        .hasMessageContaining("expected the policy of filter INPUT to decide, but it was decided by policy DROP of filter FORWARD");
    assertThatThrownBy(() -> assertThat(result).byRule("-A FORWARD -j DROP"))
        .hasMessageContaining("but it was decided by policy DROP of filter FORWARD");
  }

  @Test
  void flowReportsListEveryMismatchWithItsTrace() {
    Netsim net = routed();
    FlowReport report = net.flows()
        .expect("RED", "ping 203.0.113.9", Disposition.DELIVERED)
        .expect("OUT", "ping 11.11.11.2", Disposition.DELIVERED)
        .expect("OUT", "tcp 203.0.113.1:8080", Disposition.DROPPED_BY_POLICY)
        .run();

    assertThatThrownBy(() -> assertThat(report).hasNoMismatches())
        .hasMessageContaining("2 of 3 flows did not end as expected")
        .hasMessageContaining("ok        ping 203.0.113.9 from RED")
        .hasMessageContaining("MISMATCH  ping 11.11.11.2 from OUT: expected delivered, got no route")
        .hasMessageContaining("MISMATCH  tcp 203.0.113.1:8080 from OUT: expected dropped by policy, got delivered")
        .hasMessageContaining("== tcp 203.0.113.1:8080 from OUT\nprobe: tcp connect 203.0.113.1:8080 from OUT");
  }
}
