package dev.netsim.sim.conform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  // Recorded on the kernel (02-seed-bridge-forward-drop.sh), with the conntrack block marked unstable by hand.
  private static final String KERNEL = """
      $ ip netns exec RED ping -c 1 -W 1 11.11.11.3
      PING 11.11.11.3 (11.11.11.3) 56(84) bytes of data.

      --- 11.11.11.3 ping statistics ---
      1 packets transmitted, 0 received, 100% packet loss, time 0ms

      [exit 1]
      $ iptables -v --numeric --table filter --list DOCKER-USER
      Chain DOCKER-USER (1 references)
       pkts bytes target     prot opt in     out     source               destination         
          1    84 RETURN     0    --  *      *       0.0.0.0/0            0.0.0.0/0           
      $ conntrack -L
      [unstable]
      conntrack v1.4.7 (conntrack-tools): 3 flow entries have been shown.
      $ ip netns exec RED ip neigh
      11.11.11.3 dev reth0 lladdr 8e:f4:70:8b:58:06 REACHABLE 
      """;

  private static Comparison compare(String netsim) {
    return Comparison.of("02.sh", Transcript.parse(KERNEL), Transcript.parse(netsim));
  }

  @Test
  void identicalUpToRunToRunDifferencesAgreesAndSkipsUnstableBlocks() {
    String netsim = KERNEL.replace("time 0ms", "time 1ms").replace("8e:f4:70:8b:58:06", "02:aa:bb:cc:dd:ee")
        .replace("[unstable]\n", "").replace("3 flow", "9 flow");
    Comparison c = compare(netsim);
    assertThat(c.agrees()).isTrue();
    assertThat(c.agreeing()).isEqualTo(3);
    assertThat(c.stable()).isEqualTo(3);
    assertThat(c.report()).isEqualTo("02.sh: agree 3/3 blocks\n");
  }

  @Test
  void aDifferentCounterIsADisagreementShownSideBySide() {
    Comparison c = compare(KERNEL.replace("    1    84 RETURN", "    0     0 RETURN"));
    assertThat(c.agrees()).isFalse();
    assertThat(c.agreeing()).isEqualTo(2);
    assertThat(c.disagreements()).hasSize(1);
    assertThat(c.report()).contains("  $ iptables -v --numeric --table filter --list DOCKER-USER")
        .contains("!     1    84 RETURN")
        .contains("|     0     0 RETURN");
  }

  @Test
  void aMissingExitStatusDisagrees() {
    Comparison c = compare(KERNEL.replace("[exit 1]\n", ""));
    assertThat(c.disagreements()).extracting(d -> d.kernel().command())
        .containsExactly("ip netns exec RED ping -c 1 -W 1 11.11.11.3");
    assertThat(c.report()).contains("! [exit 1]");
  }

  @Test
  void aMacThatChangesBetweenUsesDisagreesEvenThoughMacsAreNormalised() {
    String netsim = KERNEL + "$ ip netns exec RED ip neigh\n11.11.11.3 dev reth0 lladdr 02:00:00:00:00:01 REACHABLE \n";
    String kernel = KERNEL + "$ ip netns exec RED ip neigh\n11.11.11.3 dev reth0 lladdr 8e:f4:70:8b:58:06 REACHABLE \n";
    Comparison c = Comparison.of("x", Transcript.parse(kernel), Transcript.parse(netsim));
    assertThat(c.agreeing()).isEqualTo(3);
    assertThat(c.stable()).isEqualTo(4);
  }

  @Test
  void missingBlocksDisagree() {
    Comparison c = compare("$ ip netns exec RED ping -c 1 -W 1 11.11.11.3\n");
    assertThat(c.agreeing()).isZero();
    assertThat(c.report()).contains("(no such block)");
  }

  @Test
  void summaryAddsUpOverScripts() {
    Comparison good = compare(KERNEL);
    Comparison bad = compare(KERNEL.replace("[exit 1]\n", ""));
    assertThat(Comparison.summary(List.of(good, bad))).isEqualTo("agree 5/6 blocks (83.3%)");
  }
}
