package dev.netsim.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.sim.trace.Disposition;
import org.junit.jupiter.api.Test;

/**
 * Limits that keep the work of one command bounded, whatever the script asks for: huge rule sets and many
 * namespaces are handled, and conntrack follows {@code nf_conntrack_max} as Linux reads it. (Routing and
 * bridge loops and a full conntrack table are in {@link KernelTest} and {@code ConntrackTableTest}.) Times are
 * printed, not asserted: speed belongs in the JMH benchmarks.
 */
class BoundedWorkTest extends ScriptedWorldTest {
  @Test
  void aPacketWalksAChainOfOneHundredThousandRules() {
    run(ROUTER);
    run("ip netns exec S ip link set lo up");
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
    assertThat(last("ICMP echo request").disposition()).isEqualTo(Disposition.DELIVERED);
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
    run("ip netns exec S ip link set lo up");
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
