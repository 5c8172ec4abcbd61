package dev.netsim.sim.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class PathDiagramTest {
  private static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
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
  void theDroppedBridgePingShowsItsPathAndTheDropInFilterForward() throws Exception {
    String svg = PathDiagram.svg(SeedTraces.droppedBridgePing(), SeedTraces.bridge());
    Files.createDirectories(Path.of("target/diagrams"));
    Files.writeString(Path.of("target/diagrams/dropped-bridge-ping.svg"), svg);
    Document document = parse(svg);
    List<String> texts = texts(document);

    assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
    assertThat(texts).contains("hop 1 of 2: namespace RED", "hop 2 of 2: namespace host (initial)",
        "filter · policy DROP", "✖", "br_netfilter: net.bridge.bridge-nf-call-iptables = 1", "port in: reth1",
        "⇒ dropped by policy: filter FORWARD policy DROP");
    assertThat(texts).anyMatch(text -> text.contains("raw PREROUTING, policy ACCEPT"))
        .anyMatch(text -> text.contains("mangle PREROUTING, policy ACCEPT"))
        .anyMatch(text -> text.contains("nat PREROUTING, 1 rule did not match, policy ACCEPT"))
        .anyMatch(text -> text.contains("filter FORWARD, rule 1 `-A FORWARD -j DOCKER-USER' matched → DOCKER-USER"))
        .anyMatch(text -> text.endsWith("4 rules did not match, policy DROP"));
  }

  @Test
  void theHopsListTheBoxesInTheOrderThePacketWentThrough() {
    List<PathDiagram.Hop> hops = PathDiagram.hops(SeedTraces.droppedBridgePing(), SeedTraces.bridge());

    assertThat(hops).extracting(hop -> hop.netns).containsExactly("RED", "");
    assertThat(hops.get(0).visits).extracting(PathDiagram.Visit::node)
        .containsExactly(FlowNode.LOCAL, FlowNode.OUT_ROUTE, FlowNode.OUT);
    assertThat(hops.get(1).visits).extracting(PathDiagram.Visit::node).containsExactly(
        FlowNode.PORT_IN, FlowNode.BRIDGE_CHECK, FlowNode.BRIDGE_PRE, FlowNode.PRE_RAW, FlowNode.PRE_MANGLE,
        FlowNode.PRE_NAT, FlowNode.FDB, FlowNode.BRIDGE_FWD, FlowNode.FWD_FILTER);
    assertThat(hops.get(1).visits).extracting(PathDiagram.Visit::number).startsWith(4, 5, 6);
    assertThat(hops.get(1).dropped).containsEntry(FlowNode.FWD_FILTER, true);
    // Policies that let the packet go on are not decisions; only the DROP is marked.
    assertThat(hops.get(1).decisions).containsOnly(Map.entry(FlowNode.FWD_FILTER, "policy DROP"));
    assertThat(hops.get(0).passedHooks).containsExactly("OUTPUT", "POSTROUTING");
    assertThat(hops.get(1).passedHooks).containsExactly("PREROUTING", "FORWARD");
  }

  @Test
  void aDnatedConnectionShowsTheRewriteAndTheAcceptingRule() throws Exception {
    String svg = PathDiagram.svg(SeedTraces.publishedPortSyn(), SeedTraces.dockerHost());
    Files.createDirectories(Path.of("target/diagrams"));
    Files.writeString(Path.of("target/diagrams/published-port.svg"), svg);
    List<String> texts = texts(parse(svg));

    assertThat(texts).contains("hop 3 of 3: namespace web1", "DOCKER #1 ACCEPT", "nat · DOCKER #2 DNAT")
        .anyMatch(text -> text.contains("DNAT: 192.168.50.10:10001 → 172.17.0.2:80"));
    List<PathDiagram.Hop> hops = PathDiagram.hops(SeedTraces.publishedPortSyn(), SeedTraces.dockerHost());
    assertThat(hops.get(1).dropped).containsEntry(FlowNode.FWD_FILTER, false);
    assertThat(hops.get(2).visits).extracting(PathDiagram.Visit::node)
        .containsExactly(FlowNode.IN, FlowNode.ROUTE, FlowNode.LOCAL);
    assertThat(hops.get(2).passedHooks).containsExactly("PREROUTING", "INPUT");
  }

  @Test
  void textIsEscaped() throws IOException {
    assertThat(Svg.escape("a < b & \"c\" > 'd'")).isEqualTo("a &lt; b &amp; &quot;c&quot; &gt; &apos;d&apos;");
  }
}
