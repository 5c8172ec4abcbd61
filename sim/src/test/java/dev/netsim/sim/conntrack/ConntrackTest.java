package dev.netsim.sim.conntrack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.core.packet.Icmp;
import dev.netsim.core.packet.Ipv4Packet;
import dev.netsim.core.packet.Payload;
import dev.netsim.core.packet.Tcp;
import dev.netsim.core.packet.TcpOptions;
import dev.netsim.core.packet.Udp;
import dev.netsim.core.value.Ipv4;
import org.junit.jupiter.api.Test;

/**
 * Conntrack and NAT on a router namespace that MASQUERADEs 192.0.2.0/24 out of 198.51.100.1, as in the
 * kernel transcript sim/src/test/resources/kernel/conntrack-masquerade.txt.
 */
class ConntrackTest {
  private static final int A = Ipv4.parse("192.0.2.2").bits();
  private static final int B = Ipv4.parse("198.51.100.2").bits();
  private static final int ROUTER_OUT = Ipv4.parse("198.51.100.1").bits();
  private static final long SECOND = 1_000_000_000L;

  private final ConntrackTable table = new ConntrackTable();
  private final Conntrack conntrack = new Conntrack(table);
  private long now = 10 * SECOND;

  private Connection lastConnection;
  private CtInfo lastInfo;

  private CtInfo track(Ipv4Packet packet) {
    conntrack.track(packet, 0, now, (connection, info) -> {
      lastConnection = connection;
      lastInfo = info;
    });
    return lastInfo;
  }

  /** The forward path of the router: conntrack in PREROUTING, MASQUERADE in POSTROUTING, confirm. */
  private Ipv4Packet forward(Ipv4Packet packet) {
    CtInfo info = track(packet);
    if (!info.hasConnection()) {
      return packet;
    }
    Connection connection = lastConnection;
    Ipv4Packet out = Nat.apply(connection, info, Nat.Manip.DST, packet);
    if (info == CtInfo.NEW && !Nat.isInitialized(connection, Nat.Manip.DST)) {
      assertThat(Nat.bindNull(table, connection, Nat.Manip.DST, now)).isTrue();
    }
    if (info == CtInfo.NEW && !Nat.isInitialized(connection, Nat.Manip.SRC)) {
      boolean masquerade = packet.src() == A;
      assertThat(masquerade
          ? Nat.bind(table, connection, Nat.Manip.SRC, NatRange.address(ROUTER_OUT), now)
          : Nat.bindNull(table, connection, Nat.Manip.SRC, now)).isTrue();
    }
    out = Nat.apply(connection, info, Nat.Manip.SRC, out);
    assertThat(table.confirm(connection, now)).isTrue();
    return out;
  }

  private static Ipv4Packet tcp(int src, int sport, int dst, int dport, int flags) {
    return Ipv4Packet.of(Ipv4.of(src), Ipv4.of(dst),
        new Tcp(sport, dport, 1, 1, flags, 64240, TcpOptions.NONE, Payload.EMPTY));
  }

  @Test
  void pingThroughMasqueradeListsAsTheKernelDoes() {
    Ipv4Packet request = Ipv4Packet.of(Ipv4.of(A), Ipv4.of(B), Icmp.echoRequest(5973, 1, 56));
    Ipv4Packet out = forward(request);
    assertThat(lastInfo).isEqualTo(CtInfo.NEW);
    assertThat(out.src()).isEqualTo(ROUTER_OUT);
    assertThat(out.dst()).isEqualTo(B);

    Ipv4Packet reply = Ipv4Packet.of(Ipv4.of(B), Ipv4.of(ROUTER_OUT), Icmp.echoReply((Icmp) out.l4()));
    Ipv4Packet back = forward(reply);
    assertThat(lastInfo).isEqualTo(CtInfo.ESTABLISHED_REPLY);
    assertThat(back.dst()).isEqualTo(A);
    assertThat(back.src()).isEqualTo(B);

    now += SECOND / 2;
    assertThat(table.entries(now)).singleElement().extracting(c -> c.format(now)).isEqualTo(
        "icmp     1 29 src=192.0.2.2 dst=198.51.100.2 type=8 code=0 id=5973 "
            + "src=198.51.100.2 dst=198.51.100.1 type=0 code=0 id=5973 mark=0 use=1");
  }

  @Test
  void tcpHandshakeAndCloseEndInTimeWaitAssured() {
    forward(tcp(A, 58784, B, 8080, Tcp.SYN));
    assertThat(lastConnection.tcpState()).isEqualTo(TcpState.SYN_SENT);
    forward(tcp(B, 8080, ROUTER_OUT, 58784, Tcp.SYN | Tcp.ACK));
    assertThat(lastInfo).isEqualTo(CtInfo.ESTABLISHED_REPLY);
    assertThat(lastConnection.tcpState()).isEqualTo(TcpState.SYN_RECV);
    forward(tcp(A, 58784, B, 8080, Tcp.ACK));
    assertThat(lastInfo).isEqualTo(CtInfo.ESTABLISHED);
    assertThat(lastConnection.tcpState()).isEqualTo(TcpState.ESTABLISHED);
    assertThat(lastConnection.isAssured()).isTrue();
    forward(tcp(A, 58784, B, 8080, Tcp.FIN | Tcp.ACK));
    forward(tcp(B, 8080, ROUTER_OUT, 58784, Tcp.ACK));
    forward(tcp(B, 8080, ROUTER_OUT, 58784, Tcp.FIN | Tcp.ACK));
    assertThat(lastConnection.tcpState()).isEqualTo(TcpState.LAST_ACK);
    forward(tcp(A, 58784, B, 8080, Tcp.ACK));
    now += SECOND / 2;
    assertThat(table.entries(now)).singleElement().extracting(c -> c.format(now)).isEqualTo(
        "tcp      6 119 TIME_WAIT src=192.0.2.2 dst=198.51.100.2 sport=58784 dport=8080 "
            + "src=198.51.100.2 dst=198.51.100.1 sport=8080 dport=58784 [ASSURED] mark=0 use=1");
  }

  @Test
  void unansweredUdpIsUnreplied() {
    forward(Ipv4Packet.of(Ipv4.of(A), Ipv4.of(B), new Udp(54831, 53, Payload.ofLength(3))));
    now += SECOND / 2;
    assertThat(table.entries(now)).singleElement().extracting(c -> c.format(now)).isEqualTo(
        "udp      17 29 src=192.0.2.2 dst=198.51.100.2 sport=54831 dport=53 [UNREPLIED] "
            + "src=198.51.100.2 dst=198.51.100.1 sport=53 dport=54831 mark=0 use=1");
    now += 30 * SECOND;
    assertThat(table.entries(now)).isEmpty();
  }

  @Test
  void udpBecomesAnAssuredStreamAfterTwoSecondsOfReplies() {
    Ipv4Packet query = Ipv4Packet.of(Ipv4.of(A), Ipv4.of(B), new Udp(40000, 53, Payload.ofLength(3)));
    forward(query);
    forward(Ipv4Packet.of(Ipv4.of(B), Ipv4.of(ROUTER_OUT), new Udp(53, 40000, Payload.ofLength(3))));
    assertThat(lastConnection.isAssured()).isFalse();
    assertThat(lastConnection.secondsLeft(now)).isEqualTo(30);
    now += 3 * SECOND;
    forward(query);
    assertThat(lastConnection.isAssured()).isTrue();
    assertThat(lastConnection.secondsLeft(now)).isEqualTo(120);
  }

  @Test
  void packetsThatCannotOpenAConnectionAreInvalid() {
    assertThat(track(tcp(A, 1000, B, 80, Tcp.SYN | Tcp.ACK))).isEqualTo(CtInfo.INVALID);
    assertThat(track(tcp(A, 1000, B, 80, Tcp.FIN | Tcp.ACK))).isEqualTo(CtInfo.INVALID);
    assertThat(track(tcp(A, 1000, B, 80, Tcp.SYN | Tcp.FIN))).isEqualTo(CtInfo.INVALID);
    Ipv4Packet strayReply = Ipv4Packet.of(Ipv4.of(A), Ipv4.of(B), Icmp.echoReply(Icmp.echoRequest(1, 1, 8)));
    assertThat(track(strayReply)).isEqualTo(CtInfo.INVALID);
    // A bare ACK is picked up mid-connection (nf_conntrack_tcp_loose=1), with the short timeout.
    assertThat(track(tcp(A, 1000, B, 80, Tcp.ACK))).isEqualTo(CtInfo.NEW);
    assertThat(lastConnection.tcpState()).isEqualTo(TcpState.ESTABLISHED);
    assertThat(lastConnection.secondsLeft(now)).isEqualTo(300);
  }

  @Test
  void aResetAsTheOnlyReplyRemovesTheEntry() {
    forward(tcp(A, 1000, B, 81, Tcp.SYN));
    forward(tcp(B, 81, ROUTER_OUT, 1000, Tcp.RST | Tcp.ACK));
    assertThat(lastInfo).isEqualTo(CtInfo.ESTABLISHED_REPLY);
    assertThat(table.entries(now)).isEmpty();
  }

  @Test
  void icmpErrorsAreRelatedAndUnNatedOnTheWayBack() {
    Ipv4Packet query = Ipv4Packet.of(Ipv4.of(A), Ipv4.of(B), new Udp(40000, 9, Payload.ofLength(3)));
    Ipv4Packet sent = forward(query);
    Ipv4Packet error = Ipv4Packet.of(Ipv4.of(B), Ipv4.of(ROUTER_OUT), Icmp.error(Icmp.DEST_UNREACHABLE, 3, sent));
    Ipv4Packet back = forward(error);
    assertThat(lastInfo).isEqualTo(CtInfo.RELATED_REPLY);
    assertThat(back.dst()).isEqualTo(A);
    assertThat(back.src()).isEqualTo(B);
    Ipv4Packet quoted = ((Icmp) back.l4()).quoted();
    assertThat(quoted.src()).isEqualTo(A);
    assertThat(((Udp) quoted.l4()).srcPort()).isEqualTo(40000);
    assertThat(quoted.dst()).isEqualTo(B);
  }

  @Test
  void masqueradeMovesAClashingSourcePortAside() {
    int otherHost = Ipv4.parse("192.0.2.3").bits();
    forward(tcp(A, 40000, B, 80, Tcp.SYN));
    // The second host uses the same source port: not masqueraded in forward(), so bind by hand.
    Ipv4Packet second = tcp(otherHost, 40000, B, 80, Tcp.SYN);
    track(second);
    Connection connection = lastConnection;
    assertThat(Nat.bind(table, connection, Nat.Manip.SRC, NatRange.address(ROUTER_OUT), now)).isTrue();
    assertThat(connection.reply().dstKey()).isNotEqualTo(40000).isBetween(1024, 65535);
    assertThat(table.confirm(connection, now)).isTrue();
    assertThat(table.entries(now)).hasSize(2);
  }

  @Test
  void aFullTableDropsAnUnassuredEntryToMakeRoom() {
    table.setMax(1);
    forward(Ipv4Packet.of(Ipv4.of(A), Ipv4.of(B), new Udp(1, 53, Payload.EMPTY)));
    forward(Ipv4Packet.of(Ipv4.of(A), Ipv4.of(B), new Udp(2, 53, Payload.EMPTY)));
    assertThat(table.entries(now)).singleElement()
        .extracting(c -> c.original().srcKey()).isEqualTo(2);
  }
}
