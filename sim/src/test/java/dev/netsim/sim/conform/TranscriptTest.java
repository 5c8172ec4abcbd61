package dev.netsim.sim.conform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptTest {
  // From the kernel (09-ttl-expiry.sh, 27-user-chains.sh).
  static final String KERNEL = """
      $ ip netns exec R2 sysctl -w net.ipv4.ip_forward=1
      net.ipv4.ip_forward = 1
      $ ip netns exec C ping -c 1 -W 1 -t 1 203.0.113.2
      PING 203.0.113.2 (203.0.113.2) 56(84) bytes of data.
      From 192.0.2.1 icmp_seq=1 Time to live exceeded

      --- 203.0.113.2 ping statistics ---
      1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms

      [exit 1]
      $ iptables -N WEB
      """;

  @Test
  void parsesOneBlockPerCommandWithOutputAndExitStatus() {
    Transcript t = Transcript.parse(KERNEL);
    assertThat(t.blocks()).hasSize(3);
    assertThat(t.blocks().get(0)).isEqualTo(new Block("ip netns exec R2 sysctl -w net.ipv4.ip_forward=1",
        List.of("net.ipv4.ip_forward = 1"), 0, false));
    Block ping = t.blocks().get(1);
    assertThat(ping.exit()).isEqualTo(1);
    assertThat(ping.output()).hasSize(6).endsWith("");
    assertThat(t.blocks().get(2).output()).isEmpty();
  }

  @Test
  void renderGivesTheTextBack() {
    assertThat(Transcript.parse(KERNEL).render()).isEqualTo(KERNEL);
  }

  @Test
  void unstableMarkFollowsTheCommandLineAndSurvivesARoundTrip() {
    String text = "$ conntrack -L\n[unstable]\nconntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.\n";
    Transcript t = Transcript.parse(text);
    assertThat(t.blocks().get(0).unstable()).isTrue();
    assertThat(t.blocks().get(0).output()).containsExactly("conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.");
    assertThat(t.render()).isEqualTo(text);
  }

  @Test
  void anExitLineInsideTheOutputIsOutput() {
    Transcript t = Transcript.parse("$ echo '[exit 3]'; echo x\n[exit 3]\nx\n");
    assertThat(t.blocks().get(0).exit()).isZero();
    assertThat(t.blocks().get(0).output()).containsExactly("[exit 3]", "x");
  }
}
