package dev.netsim.sim.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.sim.World;
import dev.netsim.sim.shell.RunOptions;
import dev.netsim.sim.shell.ScriptRunner;
import dev.netsim.sim.shell.ToolRegistry;
import dev.netsim.sim.tools.SimulatedHost;
import dev.netsim.sim.trace.Trace;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** Diagrams of the packets the engine really walks: the seed's bridge, dropped and then allowed. */
class TraceDiagramsTest {
  private static final String SEED_BRIDGE = String.join("\n",
      "ip netns add RED", "ip netns add BLUE",
      "ip link add reth0 netns RED type veth peer name reth1",
      "ip link add beth0 netns BLUE type veth peer name beth1",
      "ip netns exec RED ip addr add 11.11.11.2/24 dev reth0",
      "ip netns exec BLUE ip addr add 11.11.11.3/24 dev beth0",
      "ip netns exec RED ip link set reth0 up", "ip netns exec BLUE ip link set beth0 up",
      "ip link add br0 type bridge", "ip link set reth1 master br0", "ip link set beth1 master br0",
      "ip link set reth1 up", "ip link set beth1 up", "ip link set br0 up");

  @TempDir
  Path dir;

  private final World world = new World();
  private final List<Trace> traces = new ArrayList<>();

  private void run(String script) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new ScriptRunner(ToolRegistry.standard()).run(script + "\n", "test", null, new SimulatedHost(world),
        RunOptions.defaults(), out, out);
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(file)));
  }

  private static List<String> texts(Document document) {
    NodeList nodes = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent());
    }
    return texts;
  }

  @Test
  void theDroppedSeedPingIsDrawnDroppedInFilterForwardAndTheAllowedOneDelivered() throws Exception {
    run(SEED_BRIDGE);
    TraceDiagrams diagrams = TraceDiagrams.attach(world, dir.resolve("svg"));
    world.kernel().addTraceObserver(traces::add);
    run("iptables -N DOCKER-USER\niptables -A FORWARD -j DOCKER-USER\niptables -A DOCKER-USER -j RETURN\n"
        + "iptables -P FORWARD DROP\nip netns exec RED ping -c 1 -W 1 11.11.11.3");
    run("iptables -I DOCKER-USER -j ACCEPT\nip netns exec RED ping -c 1 -W 1 11.11.11.3");

    assertThat(diagrams.failure()).isNull();
    assertThat(diagrams.written()).extracting(path -> path.getFileName().toString()).containsExactly(
        "001-icmp-echo-request-11.11.11.2-11.11.11.3.svg",
        "002-icmp-echo-request-11.11.11.2-11.11.11.3.svg",
        "003-icmp-echo-reply-11.11.11.3-11.11.11.2.svg");
    List<String> dropped = texts(parse(diagrams.written().get(0)));
    assertThat(dropped).contains("hop 1 of 2: namespace RED", "hop 2 of 2: namespace host (initial)",
        "filter · policy DROP", "✖", "port in: reth1", "FORWARD", "PREROUTING", "POSTROUTING",
        "⇒ dropped by policy: policy DROP of filter FORWARD");
    assertThat(dropped).anyMatch(text -> text.contains("filter FORWARD, rule 1 `-A FORWARD -j DOCKER-USER' matched"));
    List<PathDiagram.Hop> hops = PathDiagram.hops(traces.get(0), Topology.of(world.topology()));
    assertThat(hops.get(1).visits).extracting(PathDiagram.Visit::node).containsExactly(FlowNode.PORT_IN,
        FlowNode.BRIDGE_CHECK, FlowNode.FDB, FlowNode.BRIDGE_FWD, FlowNode.FWD_FILTER);
    assertThat(hops.get(1).dropped).containsOnly(java.util.Map.entry(FlowNode.FWD_FILTER, true));

    List<String> allowed = texts(parse(diagrams.written().get(1)));
    assertThat(allowed).contains("hop 3 of 3: namespace BLUE", "DOCKER-USER #1 ACCEPT", "port out: beth1",
        "delivered");
  }

  @Test
  void theTopologyBesideItIsTheEngines() {
    run(SEED_BRIDGE);
    Topology topology = Topology.of(world.topology());

    assertThat(topology.namespaces()).extracting(Topology.Namespace::label).containsExactly("host", "RED", "BLUE");
    assertThat(topology.namespace("").interfaces()).extracting(Topology.Interface::name)
        .containsExactly("lo", "reth1", "beth1", "br0");
    assertThat(topology.bridgeOf("", "reth1")).isEqualTo("br0");
    assertThat(topology.namespace("RED").interfaces().get(1))
        .isEqualTo(new Topology.Interface("reth0", List.of("11.11.11.2/24"), false, null));
    assertThat(topology.links()).containsExactly(new Topology.Link("", "reth1", "RED", "reth0"),
        new Topology.Link("", "beth1", "BLUE", "beth0"));
  }

  @Test
  void fileNamesSayWhatThePacketIs() {
    assertThat(TraceDiagrams.slug("ICMP echo request 11.11.11.2 > 11.11.11.3 id 2817 seq 1 ttl 64"))
        .isEqualTo("icmp-echo-request-11.11.11.2-11.11.11.3");
    assertThat(TraceDiagrams.slug("TCP 192.0.2.2:40000 > 198.51.100.2:80 [S] seq 1"))
        .isEqualTo("tcp-192.0.2.2.40000-198.51.100.2.80-s");
    assertThat(TraceDiagrams.slug("> <")).isEqualTo("packet");
  }
}
