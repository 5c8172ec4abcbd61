package dev.netsim.sim.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PacketTest {
  @Test
  void packetsDescribeThemselvesAsTracesDo() {
    assertThat(Packet.tcp("203.0.113.7", 40000, "192.0.2.10", 22)).hasToString(
        "TCP 203.0.113.7:40000 > 192.0.2.10:22 [S] ttl 64");
    assertThat(Packet.tcp("203.0.113.7", 40000, "192.0.2.10", 22).withTcpFlags("SYN,ACK").withTtl(3)).hasToString(
        "TCP 203.0.113.7:40000 > 192.0.2.10:22 [S.] ttl 3");
    assertThat(Packet.tcp("203.0.113.7", 40000, "192.0.2.10", 22).withTcpFlags("NONE")).hasToString(
        "TCP 203.0.113.7:40000 > 192.0.2.10:22 [] ttl 64");
    assertThat(Packet.udp("192.0.2.1", 53, "192.0.2.2", 5353).withPayloadLength(100)).hasToString(
        "UDP 192.0.2.1:53 > 192.0.2.2:5353 ttl 64");
    assertThat(Packet.icmpEcho("192.0.2.1", "192.0.2.2")).hasToString(
        "ICMP echo request 192.0.2.1 > 192.0.2.2 id 1 seq 1 ttl 64");
    assertThat(Packet.icmp("192.0.2.1", "192.0.2.2", 3, 3)).hasToString(
        "ICMP port unreachable 192.0.2.1 > 192.0.2.2 ttl 64");
    assertThat(Packet.ipProtocol("192.0.2.1", "192.0.2.2", 47)).hasToString("IP proto 47 192.0.2.1 > 192.0.2.2 ttl 64");
  }

  @Test
  void headerFieldsReachThePacket() {
    Packet packet = Packet.udp("192.0.2.1", 53, "192.0.2.2", 5353).withTos(0x10).withId(77)
        .withFragment(false, true, 0);

    assertThat(packet.ip().tos()).isEqualTo(0x10);
    assertThat(packet.ip().id()).isEqualTo(77);
    assertThat(packet.ip().dontFragment()).isFalse();
    assertThat(packet.ip().moreFragments()).isTrue();
    assertThat(packet.withFragment(false, false, 10).ip().isLaterFragment()).isTrue();
    assertThat(packet).isEqualTo(Packet.udp("192.0.2.1", 53, "192.0.2.2", 5353).withTos(0x10).withId(77)
        .withFragment(false, true, 0)).isNotEqualTo(Packet.udp("192.0.2.1", 53, "192.0.2.2", 5353));
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> Packet.tcp("203.0.113", 1, "192.0.2.10", 22))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("not an IPv4 address: `203.0.113'");
    assertThatThrownBy(() -> Packet.tcp("203.0.113.7", 1, "192.0.2.10", 22).withTcpFlags("SYN,PUSH"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown TCP flag `PUSH' in \"SYN,PUSH\"");
    assertThatThrownBy(() -> Packet.udp("192.0.2.1", 53, "192.0.2.2", 53).withTcpFlags("SYN"))
        .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("not a TCP packet");
  }

  @Test
  void natRewritesSplitTheirEndpoints() {
    NatRewrite rewrite = new NatRewrite("", "DNAT", "10.0.2.2:40000 > 10.0.2.15:8080", "10.0.2.2:40000 > 172.17.0.2:80");

    assertThat(rewrite.sourceAfter()).isEqualTo("10.0.2.2:40000");
    assertThat(rewrite.destinationAfter()).isEqualTo("172.17.0.2:80");
    assertThat(rewrite).hasToString("DNAT: 10.0.2.2:40000 > 10.0.2.15:8080 → 10.0.2.2:40000 > 172.17.0.2:80");
  }
}
