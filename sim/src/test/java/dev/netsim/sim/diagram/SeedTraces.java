package dev.netsim.sim.diagram;

import dev.netsim.sim.trace.Disposition;
import dev.netsim.sim.trace.RuleRef;
import dev.netsim.sim.trace.Step;
import dev.netsim.sim.trace.Trace;
import java.util.List;

/** Traces as the engine will produce them for the seed's scenarios, and the seed's topologies. */
final class SeedTraces {
  private SeedTraces() {}

  /** Section 1.2: RED and BLUE on br0 in the host, Docker's filter FORWARD policy DROP. */
  static Topology bridge() {
    return new Topology(List.of(
        new Topology.Namespace("RED", List.of(Topology.Interface.of("reth0", "11.11.11.2/24"))),
        new Topology.Namespace("", List.of(
            Topology.Interface.of("eth0", "10.0.2.15/24"),
            Topology.Interface.bridge("docker0", "172.17.0.1/16"),
            Topology.Interface.bridge("br0"),
            Topology.Interface.port("reth1", "br0"),
            Topology.Interface.port("beth1", "br0"))),
        new Topology.Namespace("BLUE", List.of(Topology.Interface.of("beth0", "11.11.11.3/24")))),
        List.of(new Topology.Link("RED", "reth0", "", "reth1"), new Topology.Link("BLUE", "beth0", "", "beth1")));
  }

  private static RuleRef forward(int number, String spec) {
    return new RuleRef("filter", "FORWARD", number, spec, null);
  }

  /** RED pings BLUE; filter FORWARD's policy DROP ends it (br_netfilter on). */
  static Trace droppedBridgePing() {
    String packet = "ICMP echo request 11.11.11.2 > 11.11.11.3 id 5973 seq 1";
    return new Trace(packet, List.of(
        new Step.Originated("RED", "ping", packet),
        new Step.Routed("RED", "11.11.11.3 is on link reth0", "11.11.11.0/24 dev reth0 proto kernel scope link src 11.11.11.2"),
        new Step.Neighbour("RED", "11.11.11.3", "reth0", "resolved to f2:5e:f8:8b:9c:3e"),
        new Step.Transmitted("RED", "reth0", "", "reth1"),
        new Step.Received("", "reth1", packet),
        new Step.Learned("", "br0", "8a:e5:9b:c5:d2:c5", "reth1"),
        new Step.SysctlDecided("", "net.bridge.bridge-nf-call-iptables", "1", "bridged IPv4 passes iptables"),
        new Step.ChainEntered("", "PREROUTING", "raw", "PREROUTING"),
        new Step.PolicyApplied("", "raw", "PREROUTING", "ACCEPT"),
        new Step.ChainEntered("", "PREROUTING", "mangle", "PREROUTING"),
        new Step.PolicyApplied("", "mangle", "PREROUTING", "ACCEPT"),
        new Step.ChainEntered("", "PREROUTING", "nat", "PREROUTING"),
        new Step.RuleChecked("", new RuleRef("nat", "PREROUTING", 1, "-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER",
            null), false, "11.11.11.3 is not a local address"),
        new Step.PolicyApplied("", "nat", "PREROUTING", "ACCEPT"),
        new Step.Bridged("", "br0", "forward (FDB hit)", List.of("beth1")),
        new Step.ChainEntered("", "FORWARD", "filter", "FORWARD"),
        new Step.RuleChecked("", forward(1, "-A FORWARD -j DOCKER-USER"), true, null),
        new Step.ChainEntered("", "FORWARD", "filter", "DOCKER-USER"),
        new Step.RuleChecked("", new RuleRef("filter", "DOCKER-USER", 1, "-A DOCKER-USER -j RETURN", null), true, null),
        new Step.RuleChecked("", forward(2, "-A FORWARD -j DOCKER-ISOLATION-STAGE-1"), true, null),
        new Step.ChainEntered("", "FORWARD", "filter", "DOCKER-ISOLATION-STAGE-1"),
        new Step.RuleChecked("", forward(3, "-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT"),
            false, "out-interface is br0, not docker0"),
        new Step.RuleChecked("", forward(4, "-A FORWARD -o docker0 -j DOCKER"), false, "out-interface is br0"),
        new Step.RuleChecked("", forward(5, "-A FORWARD -i docker0 ! -o docker0 -j ACCEPT"), false,
            "in-interface is br0"),
        new Step.RuleChecked("", forward(6, "-A FORWARD -i docker0 -o docker0 -j ACCEPT"), false, "in-interface is br0"),
        new Step.PolicyApplied("", "filter", "FORWARD", "DROP")),
        Disposition.DROPPED_BY_POLICY, "filter FORWARD policy DROP");
  }

  /** Section 2.4: the outside PC reaches web1 through the published port (DNAT, then FORWARD accepts). */
  static Topology dockerHost() {
    return new Topology(List.of(
        new Topology.Namespace("pc", List.of(Topology.Interface.of("eth0", "192.168.50.1/24"))),
        new Topology.Namespace("", List.of(
            Topology.Interface.of("eth1", "192.168.50.10/24"),
            Topology.Interface.bridge("docker0", "172.17.0.1/16"),
            Topology.Interface.port("veth1a2b3c", "docker0"))),
        new Topology.Namespace("web1", List.of(Topology.Interface.of("eth0", "172.17.0.2/16")))),
        List.of(new Topology.Link("pc", "eth0", "", "eth1"), new Topology.Link("web1", "eth0", "", "veth1a2b3c")));
  }

  static Trace publishedPortSyn() {
    String packet = "TCP 192.168.50.1:40000 > 192.168.50.10:10001 [SYN]";
    RuleRef dnat = new RuleRef("nat", "DOCKER", 2,
        "-A DOCKER ! -i docker0 -p tcp -m tcp --dport 10001 -j DNAT --to-destination 172.17.0.2:80", "docker run -p");
    RuleRef accept = new RuleRef("filter", "DOCKER", 1,
        "-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT", "docker run -p");
    return new Trace(packet, List.of(
        new Step.Transmitted("pc", "eth0", "", "eth1"),
        new Step.Received("", "eth1", packet),
        new Step.Tracked("", "NEW", "tcp 192.168.50.1:40000 → 192.168.50.10:10001", true),
        new Step.ChainEntered("", "PREROUTING", "nat", "PREROUTING"),
        new Step.RuleChecked("", new RuleRef("nat", "PREROUTING", 1,
            "-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER", null), true, null),
        new Step.ChainEntered("", "PREROUTING", "nat", "DOCKER"),
        new Step.RuleChecked("", dnat, true, null),
        new Step.Verdict("", "nat", "DOCKER", "DNAT", dnat),
        new Step.Translated("", "DNAT", "192.168.50.10:10001", "172.17.0.2:80"),
        new Step.Routed("", "forward to 172.17.0.2 via docker0", "172.17.0.0/16 dev docker0 proto kernel scope link"),
        new Step.ChainEntered("", "FORWARD", "filter", "FORWARD"),
        new Step.ChainEntered("", "FORWARD", "filter", "DOCKER"),
        new Step.RuleChecked("", accept, true, null),
        new Step.Verdict("", "filter", "DOCKER", "ACCEPT", accept),
        new Step.ChainEntered("", "POSTROUTING", "nat", "POSTROUTING"),
        new Step.PolicyApplied("", "nat", "POSTROUTING", "ACCEPT"),
        new Step.Neighbour("", "172.17.0.2", "docker0", "resolved"),
        new Step.Transmitted("", "docker0", "web1", "eth0"),
        new Step.Received("web1", "eth0", "TCP 192.168.50.1:40000 > 172.17.0.2:80 [SYN]"),
        new Step.Routed("web1", "local", "local 172.17.0.2 dev eth0"),
        new Step.Note("web1", "nginx listens on 0.0.0.0:80: SYN/ACK")),
        Disposition.DELIVERED, "to nginx on 172.17.0.2:80");
  }
}
