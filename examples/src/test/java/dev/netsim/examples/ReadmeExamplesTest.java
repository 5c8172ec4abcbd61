package dev.netsim.examples;

import static dev.netsim.sim.api.assertions.NetsimAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.sim.api.Netns;
import dev.netsim.sim.api.Netsim;
import dev.netsim.sim.api.Packet;
import dev.netsim.sim.api.ProbeResult;
import dev.netsim.sim.api.RuleLoad;
import dev.netsim.sim.trace.Disposition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The code of the README's section "Embedding and testing rule sets in Java", run as tests; the last test checks
 * that every Java block of that section appears here word for word, so the README cannot drift from code that
 * compiles and passes.
 */
class ReadmeExamplesTest {
  @Test
  void embedding() {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      // README: embedding
      Netsim net = Netsim.create();
      Netns host = net.host(), red = net.netns("RED"), blue = net.netns("BLUE");
      net.veth(red, "reth0", host, "reth1").veth(blue, "beth0", host, "beth1");
      host.bridge("br0", "reth1", "beth1").up("reth1", "beth1").iptables("-P FORWARD DROP");
      red.address("reth0", "11.11.11.2/24").up("reth0");
      blue.address("beth0", "11.11.11.3/24").up("beth0");

      ProbeResult result = red.ping("11.11.11.3");
      System.out.println(result.outcome());     // DROPPED_BY_POLICY
      System.out.println(result.decision());    // Optional[policy DROP of filter FORWARD]
      System.out.print(result.render());        // the explained path, hop by hop
      // README: end
    } finally {
      System.setOut(original);
    }
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .startsWith("DROPPED_BY_POLICY\nOptional[policy DROP of filter FORWARD]\nprobe: ping 11.11.11.3 from RED\n");
  }

  // README: rule-set test
  @Test
  void theDatabaseIsClosedToTheInternet() throws IOException {
    Netsim net = Netsim.fromScript(resource("docker-host.sh"));           // namespaces, veths, docker0, routes
    RuleLoad load = net.host().loadRules(resource("docker-host.rules"));  // an iptables-save dump
    assertThat(load.notModelled()).isEmpty();                             // netsim models every rule in it
    net.netns("web").listenTcp(80);

    assertThat(net.host().inject("eth0", Packet.tcp("203.0.113.7", 40000, "10.0.2.15", 5432)))
        .isDropped().byRule("-A DOCKER-USER ! -s 10.0.2.0/24 -i eth0 -o docker0 -p tcp -m tcp --dport 5432 -j DROP");
    assertThat(net.netns("office").connectTcp("10.0.2.15", 8080))
        .isDelivered().wasDnatedTo("172.17.0.2:80").reachedSocket("web", 80);
    assertThat(net.netns("web").ping("198.51.100.1")).isDelivered().wasMasqueradedTo("10.0.2.15");
  }
  // README: end

  // README: flow table
  @Test
  void flowsOfTheDockerHost() throws IOException {
    Netsim net = Netsim.fromScript(resource("docker-host.sh"));
    net.host().loadRules(resource("docker-host.rules"));

    assertThat(net.flows()
        .expect("office", "tcp 10.0.2.15:8080", Disposition.DELIVERED)
        .expect("office", "ping 172.17.0.2", Disposition.NO_ROUTE)
        .expect("web", "udp 198.51.100.1:53", Disposition.DELIVERED)
        .expect("db", "tcp 172.17.0.2:80", Disposition.DELIVERED)
        .run()).hasNoMismatches();
  }
  // README: end

  @Test
  void theReadmeShowsTheseExamplesWordForWord() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String section = readme.substring(readme.indexOf("## Embedding and testing rule sets in Java"));
    int next = section.indexOf("\n## ");
    section = next < 0 ? section : section.substring(0, next);
    String source = normalise(Files.readString(Path.of("src/test/java/dev/netsim/examples/ReadmeExamplesTest.java")));
    List<String> blocks = new ArrayList<>();
    Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(section);
    while (block.find()) {
      blocks.add(block.group(1));
    }
    assertThat(blocks).hasSize(3);
    for (String code : blocks) {
      assertThat(source).as("README block:\n" + code).contains(normalise(code));
    }
  }

  /** Leading spaces of each line removed: the README's blocks are not indented as a class body is. */
  private static String normalise(String code) {
    return code.lines().map(String::strip).filter(line -> !line.isEmpty()).reduce("", (a, b) -> a + b + "\n");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ReadmeExamplesTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
