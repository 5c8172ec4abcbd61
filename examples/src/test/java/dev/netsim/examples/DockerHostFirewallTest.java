package dev.netsim.examples;

import static dev.netsim.sim.api.assertions.NetsimAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.sim.api.FlowReport;
import dev.netsim.sim.api.Netns;
import dev.netsim.sim.api.Netsim;
import dev.netsim.sim.api.Packet;
import dev.netsim.sim.api.RuleLoad;
import dev.netsim.sim.trace.Disposition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Docker host's firewall, as {@code iptables-save} dumped it (docker-host.rules): two published containers,
 * {@code web} (8080 → 172.17.0.2:80) and {@code db} (5432 → 172.17.0.3:5432), and the admin's own rule in
 * DOCKER-USER that keeps the database away from everyone outside the office network 10.0.2.0/24.
 *
 * <p>The machine: the host's eth0 (10.0.2.15/24) faces the office router {@code office} (10.0.2.2, which also
 * answers for an internet address 198.51.100.1); docker0 (172.17.0.1/16) bridges the two containers.
 */
class DockerHostFirewallTest {
  private Netsim net;
  private RuleLoad load;

  @BeforeEach
  void dockerHost() throws IOException {
    net = Netsim.create();
    Netns host = net.host();
    Netns office = net.netns("office");
    Netns web = net.netns("web");
    Netns db = net.netns("db");
    net.veth(host, "eth0", office, "eth0")
        .veth(web, "eth0", host, "vethweb")
        .veth(db, "eth0", host, "vethdb");
    host.address("eth0", "10.0.2.15/24").up("eth0", "vethweb", "vethdb")
        .bridge("docker0", "vethweb", "vethdb").address("docker0", "172.17.0.1/16")
        .route("default via 10.0.2.2").sysctl("net.ipv4.ip_forward", "1");
    office.address("eth0", "10.0.2.2/24").address("lo", "198.51.100.1/32").up("lo", "eth0");
    web.address("eth0", "172.17.0.2/16").up("lo", "eth0").route("default via 172.17.0.1").listenTcp(80);
    db.address("eth0", "172.17.0.3/16").up("lo", "eth0").route("default via 172.17.0.1").listenTcp(5432);
    load = host.loadRules(resource("docker-host.rules"));
  }

  @Test
  void everyRuleOfTheDumpIsModelled() {
    assertThat(load.notModelled()).isEmpty();
  }

  @Test
  void theFlowsAnAdminExpects() {
    FlowReport report = net.flows()
        .expect("office", "tcp 10.0.2.15:8080", Disposition.DELIVERED)      // the published web port
        .expect("office", "tcp 10.0.2.15:5432", Disposition.DELIVERED)      // the database, from the office
        .expect("office", "tcp 10.0.2.15:9000", Disposition.DELIVERED)      // nothing there: the host answers RST
        .expect("office", "tcp 172.17.0.3:5432", Disposition.NO_ROUTE)      // containers are not routed from outside
        .expect("web", "ping 198.51.100.1", Disposition.DELIVERED)          // containers reach the internet
        .expect("web", "tcp 172.17.0.3:5432", Disposition.DELIVERED)        // and each other, over docker0
        .expect("db", "udp 10.0.2.2:53", Disposition.DELIVERED)
        .expect("Database from the internet", () -> net.host().inject("eth0",
            Packet.tcp("203.0.113.7", 40000, "10.0.2.15", 5432)), Disposition.DROPPED_BY_RULE)
        .expect("web from the internet", () -> net.host().inject("eth0",
            Packet.tcp("203.0.113.7", 40001, "10.0.2.15", 8080)), Disposition.DELIVERED)
        .expect("an unpublished container port from the internet", () -> net.host().inject("eth0",
            Packet.tcp("203.0.113.7", 40002, "172.17.0.2", 22)), Disposition.DROPPED_BY_POLICY)
        .run();

    assertThat(report).hasNoMismatches();
  }

  @Test
  void thePublishedPortIsDnatedToTheContainer() {
    assertThat(net.netns("office").connectTcp("10.0.2.15", 8080))
        .isDelivered()
        .wasDnatedTo("172.17.0.2:80")
        .matchedRule("-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80")
        .matchedRule("-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT")
        .reachedSocket("web", 80)
        .gotReply("connected");
  }

  @Test
  void containersLeaveMasqueradedBehindTheHostsAddress() {
    assertThat(net.netns("web").ping("198.51.100.1"))
        .isDelivered()
        .wasMasqueradedTo("10.0.2.15")
        .matchedRule("-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE")
        .gotReply("echo reply");
  }

  @Test
  void theUserRuleInDockerUserKeepsTheDatabaseFromTheInternet() {
    assertThat(net.host().inject("eth0", Packet.tcp("203.0.113.7", 40000, "10.0.2.15", 5432)))
        .isDropped()
        .byRule("-A DOCKER-USER ! -s 10.0.2.0/24 -i eth0 -o docker0 -p tcp -m tcp --dport 5432 -j DROP")
        .wasDnatedTo("172.17.0.3:5432");
  }

  @Test
  void theDatabaseFromTheOfficeIsAcceptedByDockersOwnChain() {
    assertThat(net.netns("office").connectTcp("10.0.2.15", 5432))
        .isDelivered()
        .didNotMatchRule("-A DOCKER-USER ! -s 10.0.2.0/24 -i eth0 -o docker0 -p tcp -m tcp --dport 5432 -j DROP")
        .matchedRule("-A DOCKER -d 172.17.0.3/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 5432 -j ACCEPT")
        .reachedSocket("db", 5432);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = DockerHostFirewallTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
