package dev.netsim.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.sim.World;
import dev.netsim.sim.shell.RunOptions;
import dev.netsim.sim.shell.ScriptRunner;
import dev.netsim.sim.shell.ToolRegistry;
import dev.netsim.sim.tools.SimulatedHost;
import dev.netsim.sim.trace.Disposition;
import dev.netsim.sim.trace.Trace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Limits that keep the work of one command bounded, whatever the script asks for: huge rule sets and many
 * namespaces are handled, and conntrack follows {@code nf_conntrack_max} as Linux reads it. (Routing and
 * bridge loops and a full conntrack table are in {@link KernelTest} and {@code ConntrackTableTest}.) Times are printed, not asserted: speed belongs in the JMH
 * benchmarks.
 */
class BoundedWorkTest {
  private static final ToolRegistry TOOLS = ToolRegistry.standard();

  private final World world = new World();
  private final List<Trace> traces = new ArrayList<>();

  {
    world.kernel().addTraceObserver(traces::add);
  }

  private String output = "";

  private void run(String... lines) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new ScriptRunner(TOOLS).run(String.join("\n", lines) + "\n", "test", null, new SimulatedHost(world),
        RunOptions.defaults().withEcho(true), out, out);
    output = bytes.toString(StandardCharsets.UTF_8);
  }

  private static final String[] ROUTER = {
      "ip netns add C", "ip netns add R", "ip netns add S",
      "ip link add c0 netns C type veth peer name r0 netns R",
      "ip link add r1 netns R type veth peer name s0 netns S",
      "ip netns exec C ip addr add 192.0.2.2/24 dev c0", "ip netns exec R ip addr add 192.0.2.1/24 dev r0",
      "ip netns exec R ip addr add 198.51.100.1/24 dev r1", "ip netns exec S ip addr add 198.51.100.2/24 dev s0",
      "ip netns exec C ip link set c0 up", "ip netns exec R ip link set r0 up", "ip netns exec R ip link set r1 up",
      "ip netns exec S ip link set s0 up", "ip netns exec C ip link set lo up", "ip netns exec S ip link set lo up",
      "ip netns exec C ip route add default via 192.0.2.1",
      "ip netns exec S ip route add default via 198.51.100.1",
      "ip netns exec R sysctl -qw net.ipv4.ip_forward=1"};

  private Trace lastRequest() {
    for (int i = traces.size() - 1; i >= 0; i--) {
      if (traces.get(i).packet().startsWith("ICMP echo request")) {
        return traces.get(i);
      }
    }
    throw new AssertionError("no echo request among " + traces);
  }

  @Test
  void aPacketWalksAChainOfOneHundredThousandRules() {
    run(ROUTER);
    StringBuilder rules = new StringBuilder("*filter\n:FORWARD ACCEPT [0:0]\n");
    for (int i = 0; i < 100_000; i++) {
      // rules that all fail on their last test, so the walk visits every one
      rules.append("-A FORWARD -s 192.0.2.2/32 -p icmp -m icmp --icmp-type ").append(i % 2 == 0 ? 13 : 15)
          .append(" -j DROP\n");
    }
    rules.append("COMMIT\n");
    long start = System.nanoTime();
    run("ip netns exec R iptables-restore <<'EOF'\n" + rules + "EOF");
    long loaded = System.nanoTime();
    assertThat(output).doesNotContain("iptables-restore:");
    traces.clear();
    run("ip netns exec C ping -c 1 -W 1 198.51.100.2");
    long walked = System.nanoTime();
    assertThat(output).contains("1 received");
    assertThat(lastRequest().disposition()).isEqualTo(Disposition.DELIVERED);
    run("ip netns exec R iptables -S FORWARD | wc -l");
    assertThat(output).contains("100001");
    System.out.printf("100000-rule chain: restore %.0f ms, one ping through it %.0f ms%n", (loaded - start) / 1e6,
        (walked - loaded) / 1e6);
  }

  @Test
  void tenThousandNamespaces() {
    StringBuilder script = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      script.append("ip netns add n").append(i).append('\n');
    }
    long start = System.nanoTime();
    run(script.toString(), "ip netns list | wc -l", "ip netns exec n9999 ip link set lo up",
        "ip netns exec n9999 ping -c 1 127.0.0.1");
    assertThat(output).contains("$ ip netns list | wc -l\n10000\n").contains("1 received");
    assertThat(world.topology().namespace("n9999")).isNotNull();
    System.out.printf("10000 namespaces: %.0f ms%n", (System.nanoTime() - start) / 1e6);
  }

  @Test
  void aConntrackMaximumOfZeroIsNoLimitAndANegativeOneIsNoCrash() {
    run(ROUTER);
    run("ip netns exec R iptables -A FORWARD -m conntrack --ctstate INVALID -j DROP",
        "sysctl -qw net.netfilter.nf_conntrack_max=0");
    for (int i = 0; i < 3; i++) {
      run("ip netns exec C ping -c 1 -W 1 -p 0" + i + " 198.51.100.2");
      run("ip netns exec C ping -c 1 -W 1 198.51.100.2");
      assertThat(output).contains("1 received");
    }
    run("sysctl -qw net.netfilter.nf_conntrack_max=-1", "ip netns exec C ping -c 1 -W 1 198.51.100.2");
    assertThat(output).contains("1 received");
  }
}
