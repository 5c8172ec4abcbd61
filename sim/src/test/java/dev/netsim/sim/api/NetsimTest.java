package dev.netsim.sim.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.sim.trace.Disposition;
import org.junit.jupiter.api.Test;

class NetsimTest {
  /** The seed's bridge: RED and BLUE on br0 in the host, FORWARD policy DROP as Docker sets it. */
  static Netsim seedBridge() {
    Netsim net = Netsim.create();
    Netns host = net.host();
    Netns red = net.netns("RED");
    Netns blue = net.netns("BLUE");
    net.veth(red, "reth0", host, "reth1").veth(blue, "beth0", host, "beth1");
    host.bridge("br0", "reth1", "beth1").up("reth1", "beth1");
    red.address("reth0", "11.11.11.2/24").up("reth0");
    blue.address("beth0", "11.11.11.3/24").up("beth0");
    host.loadRules("""
        *filter
        :INPUT ACCEPT [0:0]
        :FORWARD DROP [0:0]
        :OUTPUT ACCEPT [0:0]
        :DOCKER-USER - [0:0]
        -A FORWARD -j DOCKER-USER
        -A DOCKER-USER -j RETURN
        COMMIT
        """);
    return net;
  }

  @Test
  void pingAcrossTheBridgeIsDroppedByTheForwardPolicy() {
    ProbeResult result = seedBridge().netns("RED").ping("11.11.11.3");

    assertThat(result.outcome()).isEqualTo(Disposition.DROPPED_BY_POLICY);
    assertThat(result.decision()).hasValue(new Decision("filter", "FORWARD", 0, null, "DROP"));
    assertThat(result.matchedRules()).containsExactly("-A FORWARD -j DOCKER-USER", "-A DOCKER-USER -j RETURN");
    assertThat(result.replies()).isEmpty();
    assertThat(result.render()).contains("probe: ping 11.11.11.3 from RED", "policy DROP of filter FORWARD");
  }

  @Test
  void anAcceptRuleInDockerUserLetsThePingThroughAndItIsAnswered() {
    Netsim net = seedBridge();
    net.host().iptables("-I DOCKER-USER -j ACCEPT");

    ProbeResult result = net.netns("RED").ping("11.11.11.3");

    assertThat(result.outcome()).isEqualTo(Disposition.DELIVERED);
    assertThat(result.matchedRules()).contains("-A DOCKER-USER -j ACCEPT");
    assertThat(result.replies()).containsExactly(new Reply("11.11.11.3", "echo reply"));
    assertThat(result.decision()).isEmpty();
  }

  @Test
  void tcpAndUdpProbesReachListeningSocketsOrAreRefused() {
    Netsim net = seedBridge();
    net.host().iptables("-I DOCKER-USER -j ACCEPT");
    Netns blue = net.netns("BLUE").listenTcp(80).listenUdp(53);
    Netns red = net.netns("RED");

    ProbeResult connected = red.connectTcp("11.11.11.3", 80);
    ProbeResult refused = red.connectTcp("11.11.11.3", 81);
    ProbeResult datagram = red.sendUdp("11.11.11.3", 53);
    ProbeResult closedPort = red.sendUdp("11.11.11.3", 54);

    assertThat(connected.replies()).containsExactly(new Reply("11.11.11.3", "connected"));
    assertThat(connected.sockets()).singleElement().satisfies(socket -> {
      assertThat(socket.netns()).isEqualTo("BLUE");
      assertThat(socket.port()).isEqualTo(80);
    });
    assertThat(refused.outcome()).isEqualTo(Disposition.DELIVERED);
    assertThat(refused.replies()).containsExactly(new Reply("11.11.11.3", "Connection refused"));
    assertThat(refused.sockets()).isEmpty();
    assertThat(datagram.replies()).containsExactly(new Reply("11.11.11.3", "datagram of 5 bytes"));
    assertThat(closedPort.replies()).containsExactly(new Reply("11.11.11.3", "Connection refused"));
    assertThat(blue.name()).isEqualTo("BLUE");
  }

  @Test
  void aDropRuleIsTheDecisionAndRejectAnswers() {
    Netsim net = seedBridge();
    net.host().iptables("-I DOCKER-USER -j ACCEPT").iptables("-I DOCKER-USER -p icmp -j DROP");
    net.netns("BLUE").iptables("-A INPUT -p tcp --dport 22 -j REJECT --reject-with tcp-reset");
    Netns red = net.netns("RED");

    ProbeResult ping = red.ping("11.11.11.3");
    ProbeResult ssh = red.connectTcp("11.11.11.3", 22);

    assertThat(ping.outcome()).isEqualTo(Disposition.DROPPED_BY_RULE);
    assertThat(ping.decision()).hasValue(new Decision("filter", "DOCKER-USER", 1, "-A DOCKER-USER -p icmp -j DROP", null));
    assertThat(ssh.outcome()).isEqualTo(Disposition.REJECTED);
    assertThat(ssh.decision()).map(Decision::toString)
        .hasValue("filter INPUT rule 1 `-A INPUT -p tcp -m tcp --dport 22 -j REJECT --reject-with tcp-reset'");
    assertThat(ssh.replies()).containsExactly(new Reply("11.11.11.3", "Connection refused"));
    assertThat(ssh.otherTraces()).anySatisfy(trace -> assertThat(trace.packet()).contains("[R.]"));
  }

  @Test
  void rulesNetsimDoesNotModelAreReportedOnLoadAndMakeTheOutcomeUndetermined() {
    Netsim net = seedBridge();
    RuleLoad load = net.host().loadRules("""
        *filter
        :INPUT ACCEPT [0:0]
        :FORWARD DROP [0:0]
        :OUTPUT ACCEPT [0:0]
        -A FORWARD -m string --string "evil" --algo bm -j DROP
        -A FORWARD -j ACCEPT
        COMMIT
        """);

    assertThat(load.fullyModelled()).isFalse();
    assertThat(load.notModelled()).singleElement().satisfies(rule -> {
      assertThat(rule.chain()).isEqualTo("FORWARD");
      assertThat(rule.ruleNumber()).isEqualTo(1);
      assertThat(rule.reason()).isEqualTo("netsim does not carry payload bytes");
    });
    ProbeResult result = net.netns("RED").ping("11.11.11.3");
    assertThat(result.outcome()).isEqualTo(Disposition.UNDETERMINED);
    assertThat(result.decision()).map(Decision::ruleNumber).hasValue(1);
  }

  @Test
  void aDumpIptablesRestoreRefusesFailsWithItsMessage() {
    Netsim net = Netsim.create();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> net.host().loadRules("*filter\n-A NOPE -j ACCEPT\nCOMMIT\n"))
        .isInstanceOf(NetsimException.class)
        .hasMessageContaining("iptables-restore");
  }

  @Test
  void aSetupCommandTheToolRefusesFailsWithTheToolsMessage() {
    Netsim net = Netsim.create();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> net.host().address("nope0", "192.0.2.1/24"))
        .isInstanceOf(NetsimException.class)
        .hasMessageContaining("Cannot find device \"nope0\"");
  }

  @Test
  void handBuiltPacketsCanBeSentOrInjectedWithAnyHeaders() {
    Netsim net = seedBridge();
    net.host().iptables("-I DOCKER-USER -p tcp --tcp-flags SYN,ACK SYN,ACK -j DROP");
    Netns red = net.netns("RED");

    ProbeResult synAck = red.send(Packet.tcp("11.11.11.2", 40000, "11.11.11.3", 80).withTcpFlags("SYN,ACK"));
    ProbeResult lowTtl = net.host().inject("reth1", Packet.udp("11.11.11.9", 5000, "11.11.11.3", 53).withTtl(1));

    assertThat(synAck.outcome()).isEqualTo(Disposition.DROPPED_BY_RULE);
    assertThat(synAck.decision()).map(Decision::rule)
        .hasValue("-A DOCKER-USER -p tcp -m tcp --tcp-flags SYN,ACK SYN,ACK -j DROP");
    assertThat(lowTtl.trace().packet()).isEqualTo("UDP 11.11.11.9:5000 > 11.11.11.3:53 ttl 1");
    assertThat(lowTtl.trace().steps().get(0).text()).startsWith("injected on reth1");
  }

  @Test
  void noRouteIsAnOutcomeNotAnException() {
    Netsim net = Netsim.create();

    ProbeResult result = net.host().ping("198.51.100.1");

    assertThat(result.outcome()).isEqualTo(Disposition.NO_ROUTE);
  }

  @Test
  void aScriptBuildsTheSameMachine() {
    Netsim net = Netsim.fromScript("""
        ip netns add RED
        ip link add reth0 type veth peer name reth1
        ip link set reth0 netns RED
        ip addr add 11.11.11.1/24 dev reth1
        ip link set reth1 up
        ip netns exec RED ip addr add 11.11.11.2/24 dev reth0
        ip netns exec RED ip link set reth0 up
        """);

    assertThat(net.namespaces()).containsExactly("", "RED");
    assertThat(net.netns("RED").ping("11.11.11.1").replies()).containsExactly(new Reply("11.11.11.1", "echo reply"));
    assertThat(net.script("ip netns exec RED ip -br addr show reth0")).contains("11.11.11.2/24");
  }

  @Test
  void flowTablesReportEveryMismatch() {
    Netsim net = seedBridge();
    net.netns("BLUE").listenTcp(80);

    FlowReport report = net.flows()
        .expect("RED", "ping 11.11.11.3", Disposition.DROPPED_BY_POLICY)
        .expect("RED", "tcp 11.11.11.3:80", Disposition.DELIVERED)
        .expect("RED", "udp 11.11.11.3:53", Disposition.DELIVERED)
        .run();

    assertThat(report.flows()).hasSize(3);
    assertThat(report.mismatches()).extracting(FlowReport.Flow::label)
        .containsExactly("tcp 11.11.11.3:80 from RED", "udp 11.11.11.3:53 from RED");
    assertThat(report.render()).contains("ok        ping 11.11.11.3 from RED: expected dropped by policy",
        "MISMATCH  tcp 11.11.11.3:80 from RED: expected delivered, got dropped by policy (policy DROP of filter FORWARD)");
  }
  @Test
  void probesWithoutARouteEndNoRouteAndSayWhatTheSenderSees() {
    Netns host = Netsim.create().host();

    ProbeResult tcp = host.connectTcp("198.51.100.1", 80);
    ProbeResult udp = host.sendUdp("198.51.100.1", 53);

    assertThat(tcp.outcome()).isEqualTo(Disposition.NO_ROUTE);
    assertThat(tcp.replies()).containsExactly(new Reply("host", "Network is unreachable"));
    assertThat(udp.outcome()).isEqualTo(Disposition.NO_ROUTE);
    assertThat(udp.replies()).containsExactly(new Reply("host", "Network is unreachable"));
  }

  @Test
  void anOutputDropStopsTheProbeWhereItStarts() {
    Netsim net = seedBridge();
    Netns red = net.netns("RED").iptables("-P OUTPUT DROP");

    ProbeResult tcp = red.connectTcp("11.11.11.3", 80);

    assertThat(tcp.outcome()).isEqualTo(Disposition.DROPPED_BY_POLICY);
    assertThat(tcp.decision()).hasValue(new Decision("filter", "OUTPUT", 0, null, "DROP"));
    assertThat(tcp.trace().steps()).allSatisfy(step -> assertThat(step.netns()).isEqualTo("RED"));
  }

  @Test
  void aFlowFromANamespaceThatDoesNotExistIsAMistake() {
    Netsim net = seedBridge();

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> net.flows().expect("GREEN", "ping 11.11.11.3",
        Disposition.DELIVERED)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no namespace `GREEN' (there are [host, RED, BLUE])");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> net.flows().expect("RED", "tcp 11.11.11.3",
        Disposition.DELIVERED)).hasMessage("no port in `tcp 11.11.11.3'; write ADDRESS:PORT");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> net.flows().expect("RED", "ping blue",
        Disposition.DELIVERED)).hasMessage("not an IPv4 address: `blue' in `ping blue'");
  }
  @Test
  void laterFragmentsMeetTheFragmentMatch() {
    Netsim net = seedBridge();
    net.host().iptables("-I DOCKER-USER -j ACCEPT").iptables("-I DOCKER-USER -f -j DROP");
    Netns red = net.netns("RED");
    Packet first = Packet.udp("11.11.11.2", 5000, "11.11.11.3", 53).withFragment(false, true, 0);

    assertThat(red.send(first).outcome()).isEqualTo(Disposition.DELIVERED);
    assertThat(red.send(first.withFragment(false, false, 185)).decision()).map(Decision::rule)
        .hasValue("-A DOCKER-USER -f -j DROP");
  }
}
