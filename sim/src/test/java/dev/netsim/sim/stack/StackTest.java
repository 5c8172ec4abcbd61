package dev.netsim.sim.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netsim.core.packet.Icmp;
import dev.netsim.core.packet.Ipv4Packet;
import dev.netsim.core.packet.Tcp;
import dev.netsim.core.packet.Udp;
import dev.netsim.core.time.VirtualClock;
import dev.netsim.core.value.Ipv4;
import dev.netsim.sim.engine.Scheduler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two stacks joined by a wire that delivers each packet after 50 µs and records it. */
class StackTest {
  private static final int CLIENT = Ipv4.parse("192.0.2.2").bits();
  private static final int SERVER = Ipv4.parse("192.0.2.1").bits();

  private final Scheduler scheduler = new Scheduler(new VirtualClock());
  private final List<Ipv4Packet> wire = new ArrayList<>();
  private Stack client;
  private Stack server;

  StackTest() {
    client = new Stack(scheduler, output(SERVER, () -> server), dst -> 1500, 1);
    server = new Stack(scheduler, output(CLIENT, () -> client), dst -> 1500, 2);
  }

  private IpOutput output(int reachable, java.util.function.Supplier<Stack> peer) {
    return new IpOutput() {
      @Override
      public int sourceAddressFor(int dst) throws SocketError {
        if (dst != reachable) {
          throw new SocketError(Errno.ENETUNREACH);
        }
        return reachable == SERVER ? CLIENT : SERVER;
      }

      @Override
      public Errno send(Ipv4Packet packet) {
        wire.add(packet);
        scheduler.after(50_000, () -> peer.get().deliver(packet));
        return null;
      }
    };
  }

  private List<String> flags() {
    List<String> result = new ArrayList<>();
    for (Ipv4Packet packet : wire) {
      if (packet.l4() instanceof Tcp tcp) {
        String f = (tcp.has(Tcp.SYN) ? "S" : "") + (tcp.has(Tcp.FIN) ? "F" : "") + (tcp.has(Tcp.RST) ? "R" : "")
            + (tcp.has(Tcp.PSH) ? "P" : "") + (tcp.has(Tcp.ACK) ? "." : "");
        result.add((packet.src() == CLIENT ? ">" : "<") + f + (tcp.payload().length() > 0 ? tcp.payload().length() : ""));
      }
    }
    return result;
  }

  @Test
  void clientSendsAndClosesServerEchoesCloseAsNcDoes() throws SocketError {
    StringBuilder serverGot = new StringBuilder();
    server.listen(new Endpoint(0, 8080), new Stack.Owner("nc", 100, 3), 1, socket -> new TcpHandler() {
      @Override
      public void received(TcpSocket s, byte[] data) {
        serverGot.append(new String(data, StandardCharsets.US_ASCII));
      }

      @Override
      public void peerClosed(TcpSocket s) {
        s.close();
      }
    });
    TcpSocket socket = client.connect(new Endpoint(SERVER, 8080), new TcpHandler() {
      @Override
      public void connected(TcpSocket s) {
        s.send("hello\n".getBytes(StandardCharsets.US_ASCII));
        s.close();
      }
    });
    assertThat(socket).isNotNull();
    scheduler.runUntil(1_000_000_000L);
    assertThat(serverGot).hasToString("hello\n");
    // As tcpdump showed on the kernel: S, S., ., P.6, ., F., F., . — here the client closes at once, so its
    // FIN follows the data before the server's ACK; the server answers the FIN with one F. (delayed ACK).
    assertThat(flags()).containsExactly(">S", "<S.", ">.", ">P.6", ">F.", "<.", "<F.", ">.");
    assertThat(socket.state()).isEqualTo(TcpSocket.State.TIME_WAIT);
    Tcp syn = (Tcp) wire.get(0).l4();
    assertThat(syn.options().mss()).isEqualTo(1460);
    assertThat(syn.window()).isEqualTo(64240);
  }

  @Test
  void closedPortAnswersWithReset() throws SocketError {
    Errno[] failure = new Errno[1];
    client.connect(new Endpoint(SERVER, 8081), new TcpHandler() {
      @Override
      public void failed(TcpSocket s, Errno e) {
        failure[0] = e;
      }
    });
    scheduler.runUntil(1_000_000_000L);
    assertThat(failure[0]).isEqualTo(Errno.ECONNREFUSED);
    assertThat(flags()).containsExactly(">S", "<R.");
    Tcp syn = (Tcp) wire.get(0).l4();
    Tcp reset = (Tcp) wire.get(1).l4();
    assertThat(reset.seq()).isZero();
    assertThat(reset.ack()).isEqualTo(syn.seq() + 1);
  }

  @Test
  void unansweredSynIsRetransmittedWithBackoffUntilTheProgramGivesUp() throws SocketError {
    Stack lonely = new Stack(scheduler, new IpOutput() {
      @Override
      public int sourceAddressFor(int dst) {
        return CLIENT;
      }

      @Override
      public Errno send(Ipv4Packet packet) {
        wire.add(packet);
        return null;
      }
    }, dst -> 1500, 3);
    lonely.connect(new Endpoint(SERVER, 80), new TcpHandler() {});
    scheduler.runUntil(7_500_000_000L);
    assertThat(flags()).containsExactly(">S", ">S", ">S", ">S"); // at 0, 1, 3 and 7 s
  }

  @Test
  void noRouteFailsAtOnce() {
    assertThatThrownBy(() -> client.connect(new Endpoint(Ipv4.parse("198.51.100.7").bits(), 80), new TcpHandler() {}))
        .isInstanceOfSatisfying(SocketError.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENETUNREACH));
  }

  @Test
  void closedUdpPortAnswersPortUnreachableWhichAConnectedSocketSees() throws SocketError {
    Errno[] failure = new Errno[1];
    UdpSocket socket = client.openUdp(new Endpoint(0, 0), new Endpoint(SERVER, 9999), new Stack.Owner("nc", 100, 3), new UdpHandler() {
      @Override
      public void failed(UdpSocket s, Errno e) {
        failure[0] = e;
      }
    });
    socket.send(new byte[] {'\n'});
    scheduler.runUntil(1_000_000_000L);
    assertThat(wire).hasSize(2);
    Icmp error = (Icmp) wire.get(1).l4();
    assertThat(error.type()).isEqualTo(Icmp.DEST_UNREACHABLE);
    assertThat(error.code()).isEqualTo(3);
    assertThat(error.quoted().l4()).isInstanceOf(Udp.class);
    assertThat(wire.get(1).totalLength()).isEqualTo(20 + 8 + 29);
    assertThat(failure[0]).isEqualTo(Errno.ECONNREFUSED);
  }

  @Test
  void echoRequestsAreAnsweredAndRepliesReachThePing() {
    List<Integer> replies = new ArrayList<>();
    client.openPing(77, new PingHandler() {
      @Override
      public void reply(Ipv4Packet packet, Icmp reply) {
        replies.add(reply.seq());
      }

      @Override
      public void error(Ipv4Packet packet, Icmp error, Icmp quotedRequest) {}
    });
    client.output().send(Ipv4Packet.of(Ipv4.of(CLIENT), Ipv4.of(SERVER), Icmp.echoRequest(77, 1, 56)));
    scheduler.runUntil(1_000_000_000L);
    assertThat(replies).containsExactly(1);
    assertThat(wire.get(1).totalLength()).isEqualTo(84);
  }

  @Test
  void secondListenerOnAPortIsRefused() {
    assertThat(server.listen(new Endpoint(0, 80), new Stack.Owner("nginx", 100, 6), 511, s -> new TcpHandler() {})).isNull();
    assertThat(server.listen(new Endpoint(0, 80), new Stack.Owner("nginx", 100, 6), 511, s -> new TcpHandler() {})).isEqualTo(Errno.EADDRINUSE);
    assertThat(server.listeners()).hasSize(1);
  }
}
