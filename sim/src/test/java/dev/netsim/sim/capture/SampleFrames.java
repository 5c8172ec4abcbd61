package dev.netsim.sim.capture;

import dev.netsim.core.packet.ArpPacket;
import dev.netsim.core.packet.EthernetFrame;
import dev.netsim.core.packet.Icmp;
import dev.netsim.core.packet.Ipv4Packet;
import dev.netsim.core.packet.L4;
import dev.netsim.core.packet.OpaqueL4;
import dev.netsim.core.packet.Payload;
import dev.netsim.core.packet.Tcp;
import dev.netsim.core.packet.TcpOptions;
import dev.netsim.core.packet.Udp;
import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Mac;
import java.util.ArrayList;
import java.util.List;

/** Frames of every kind the formatter knows, in an order that exercises tcpdump's per-connection state. */
final class SampleFrames {
  static final Mac RED = Mac.parse("3a:24:c4:9d:fe:78");
  static final Mac BLUE = Mac.parse("06:cb:6f:9b:d8:27");
  static final Mac ROUTER = Mac.parse("92:05:27:73:ba:7c");
  static final int RED_IP = Ipv4.parse("11.11.11.2").bits();
  static final int BLUE_IP = Ipv4.parse("11.11.11.3").bits();
  static final int CLIENT = Ipv4.parse("192.0.2.2").bits();
  static final int GATEWAY = Ipv4.parse("192.0.2.1").bits();
  static final int SERVER = Ipv4.parse("198.51.100.2").bits();
  static final TapPoint BR0 = TapPoint.ethernet("", "br0", 4, Mac.parse("2a:55:b9:b8:b2:31"));

  private final List<EthernetFrame> frames = new ArrayList<>();

  static List<EthernetFrame> all() {
    SampleFrames sample = new SampleFrames();
    sample.arp();
    sample.ping();
    sample.http(80, "GET / HTTP/1.1\r\nHost: 11.11.11.3\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n");
    sample.http(8080, "POST /form HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
    sample.refused();
    sample.tcpCorners();
    sample.udp();
    sample.icmpErrors();
    sample.icmpOthers();
    sample.otherProtocols();
    sample.vendors();
    sample.loopback();
    return sample.frames;
  }

  private void add(Mac src, Mac dst, int from, int to, L4 l4) {
    frames.add(new EthernetFrame(src, dst, new Ipv4Packet(from, to, 64, 0, 0x1234, true, false, 0, l4)));
  }

  private void arp() {
    ArpPacket request = ArpPacket.request(RED, Ipv4.of(RED_IP), Ipv4.of(BLUE_IP));
    frames.add(new EthernetFrame(RED, Mac.BROADCAST, request));
    frames.add(new EthernetFrame(BLUE, RED, request.reply(BLUE)));
    // A unicast refresh names the MAC address it expects.
    frames.add(new EthernetFrame(RED, BLUE,
        new ArpPacket(ArpPacket.REQUEST, RED, RED_IP, BLUE, BLUE_IP)));
  }

  private void ping() {
    Icmp request = Icmp.echoRequest(21612, 1, 56);
    add(RED, BLUE, RED_IP, BLUE_IP, request);
    add(BLUE, RED, BLUE_IP, RED_IP, Icmp.echoReply(request));
    add(RED, BLUE, RED_IP, BLUE_IP, Icmp.echoRequest(65535, 65535, 0));
  }

  private static TcpOptions synOptions(long tsVal, long tsEcr) {
    return new TcpOptions(1460, true, tsVal, tsEcr, 10);
  }

  private static TcpOptions timestamps(long tsVal, long tsEcr) {
    return new TcpOptions(-1, false, tsVal, tsEcr, -1);
  }

  private void http(int port, String request) {
    long isn = 189787867L;
    long serverIsn = 3716488444L;
    int client = 56522;
    add(RED, BLUE, RED_IP, BLUE_IP, new Tcp(client, port, isn, 0, Tcp.SYN, 64240,
        synOptions(3623917187L, 0), Payload.EMPTY));
    add(BLUE, RED, BLUE_IP, RED_IP, new Tcp(port, client, serverIsn, isn + 1, Tcp.SYN | Tcp.ACK, 65160,
        synOptions(303644495, 3623917187L), Payload.EMPTY));
    add(RED, BLUE, RED_IP, BLUE_IP, new Tcp(client, port, isn + 1, serverIsn + 1, Tcp.ACK, 63,
        timestamps(3623917188L, 303644495), Payload.EMPTY));
    Payload text = Payload.ascii(request);
    add(RED, BLUE, RED_IP, BLUE_IP, new Tcp(client, port, isn + 1, serverIsn + 1, Tcp.PSH | Tcp.ACK, 63,
        timestamps(3623917188L, 303644495), text));
    add(BLUE, RED, BLUE_IP, RED_IP, new Tcp(port, client, serverIsn + 1, isn + 1 + text.length(), Tcp.ACK, 64,
        timestamps(303644495, 3623917188L), Payload.EMPTY));
    Payload response = Payload.ascii("HTTP/1.1 200 OK\r\nServer: nginx\r\n\r\n");
    add(BLUE, RED, BLUE_IP, RED_IP, new Tcp(port, client, serverIsn + 1, isn + 1 + text.length(),
        Tcp.PSH | Tcp.ACK, 64, timestamps(303644496, 3623917188L), response));
    // A body segment: not a request or response line, so only the protocol name.
    add(BLUE, RED, BLUE_IP, RED_IP, new Tcp(port, client, serverIsn + 1 + response.length(),
        isn + 1 + text.length(), Tcp.PSH | Tcp.ACK, 64, timestamps(303644497, 3623917188L),
        Payload.ascii("<html><title>Welcome to nginx!</title></html>")));
    // Contents unknown (zeros): binary, so no text either.
    add(BLUE, RED, BLUE_IP, RED_IP, new Tcp(port, client, serverIsn + 1 + response.length() + 46,
        isn + 1 + text.length(), Tcp.ACK, 64, timestamps(303644498, 3623917188L), Payload.ofLength(100)));
    // A text line without its end, and one with a bare CR.
    add(RED, BLUE, RED_IP, BLUE_IP, new Tcp(client, port, isn + 1 + text.length(), serverIsn + 1, Tcp.PSH | Tcp.ACK,
        63, timestamps(3623917189L, 303644498), Payload.ascii("HEAD /partial HTTP/1.0")));
    add(RED, BLUE, RED_IP, BLUE_IP, new Tcp(client, port, isn + 23 + text.length(), serverIsn + 1,
        Tcp.PSH | Tcp.ACK, 63, timestamps(3623917189L, 303644498), Payload.ascii("get /x HTTP/1.0\rX")));
    add(RED, BLUE, RED_IP, BLUE_IP, new Tcp(client, port, isn + 40 + text.length(), serverIsn + 1,
        Tcp.PSH | Tcp.ACK, 63, timestamps(3623917189L, 303644498), Payload.ascii("GET /y HTTP/1.0\r")));
    add(RED, BLUE, RED_IP, BLUE_IP, new Tcp(client, port, isn + 56 + text.length(), serverIsn + 1,
        Tcp.PSH | Tcp.ACK, 63, timestamps(3623917189L, 303644498), Payload.ascii("OPTIONS * HTTP/1.1\n\tx")));
    add(RED, BLUE, RED_IP, BLUE_IP, new Tcp(client, port, isn + 80 + text.length(), serverIsn + 1,
        Tcp.FIN | Tcp.ACK, 63, timestamps(3623918189L, 303644495), Payload.EMPTY));
  }

  private void refused() {
    long isn = 3078109651L;
    add(RED, BLUE, RED_IP, BLUE_IP, new Tcp(35822, 9999, isn, 0, Tcp.SYN, 64240,
        synOptions(1389066898, 0), Payload.EMPTY));
    add(BLUE, RED, BLUE_IP, RED_IP, new Tcp(9999, 35822, 0, isn + 1, Tcp.RST | Tcp.ACK, 0,
        TcpOptions.NONE, Payload.EMPTY));
    // The same reset seen again (e.g. on the next interface) is now relative.
    add(BLUE, RED, BLUE_IP, RED_IP, new Tcp(9999, 35822, 0, isn + 1, Tcp.RST | Tcp.ACK, 0,
        TcpOptions.NONE, Payload.EMPTY));
  }

  private void tcpCorners() {
    add(RED, BLUE, CLIENT, SERVER, new Tcp(22, 22, 1, 2, 0, 100, TcpOptions.NONE, Payload.EMPTY));
    add(RED, BLUE, CLIENT, SERVER, new Tcp(443, 1024, 10, 20, Tcp.ECE | Tcp.CWR | Tcp.SYN, 100,
        new TcpOptions(-1, true, -1, -1, 7), Payload.EMPTY));
    add(RED, BLUE, CLIENT, SERVER, new Tcp(1024, 443, 4000000000L, 4100000000L, Tcp.URG | Tcp.ACK | Tcp.PSH | Tcp.FIN,
        100, new TcpOptions(536, false, -1, -1, -1), Payload.ofLength(10)));
    add(RED, BLUE, SERVER, CLIENT, new Tcp(1024, 443, 5, 6, Tcp.ACK, 100,
        new TcpOptions(-1, true, -1, -1, -1), Payload.ofLength(1)));
    add(RED, BLUE, SERVER, CLIENT, new Tcp(53, 3306, 5, 6, Tcp.SYN, 100,
        new TcpOptions(1400, false, 5, 0, -1), Payload.EMPTY));
  }

  private void udp() {
    add(RED, BLUE, RED_IP, BLUE_IP, new Udp(36787, 9999, Payload.ascii("hello\n")));
    add(RED, BLUE, RED_IP, BLUE_IP, new Udp(40000, 33434, Payload.EMPTY));
  }

  private void icmpErrors() {
    Ipv4Packet udp = new Ipv4Packet(RED_IP, BLUE_IP, 64, 0, 7, true, false, 0,
        new Udp(36787, 9999, Payload.ascii("hello\n")));
    add(BLUE, RED, BLUE_IP, RED_IP, Icmp.error(Icmp.DEST_UNREACHABLE, 3, udp));
    Ipv4Packet dns = udp.withL4(new Udp(36787, 53, Payload.ascii("x")));
    add(BLUE, RED, BLUE_IP, RED_IP, Icmp.error(Icmp.DEST_UNREACHABLE, 3, dns));
    Ipv4Packet syn = new Ipv4Packet(CLIENT, SERVER, 63, 0, 9, true, false, 0,
        new Tcp(33056, 81, 1732975087L, 0, Tcp.SYN, 64240, synOptions(3414363368L, 0), Payload.EMPTY));
    add(ROUTER, RED, GATEWAY, CLIENT, Icmp.error(Icmp.DEST_UNREACHABLE, 3, syn));
    add(ROUTER, RED, GATEWAY, CLIENT, Icmp.error(Icmp.DEST_UNREACHABLE, 3,
        syn.withL4(new Tcp(33056, 80, 1, 0, Tcp.SYN, 64240, TcpOptions.NONE, Payload.EMPTY))));
    Ipv4Packet echo = new Ipv4Packet(CLIENT, SERVER, 1, 0, 11, true, false, 0, Icmp.echoRequest(22941, 1, 56));
    for (int code = 0; code <= 16; code++) {
      if (code != 3 && code != 4) {
        add(ROUTER, RED, GATEWAY, CLIENT, Icmp.error(Icmp.DEST_UNREACHABLE, code, echo));
      }
    }
    add(ROUTER, RED, GATEWAY, CLIENT, Icmp.error(Icmp.DEST_UNREACHABLE, 3, echo));
    add(ROUTER, RED, GATEWAY, CLIENT, new Icmp(Icmp.DEST_UNREACHABLE, 4, 0, 1400, Payload.EMPTY, echo));
    add(ROUTER, RED, GATEWAY, CLIENT, new Icmp(Icmp.DEST_UNREACHABLE, 4, 0, 0, Payload.EMPTY, echo));
    Ipv4Packet opaque = new Ipv4Packet(CLIENT, SERVER, 64, 0, 12, true, false, 0,
        new OpaqueL4(253, Payload.of(new byte[] {0, 0, 0x12, 0x34, 5, 6})));
    add(ROUTER, RED, GATEWAY, CLIENT, Icmp.error(Icmp.DEST_UNREACHABLE, 3, opaque));
    add(ROUTER, RED, GATEWAY, CLIENT, Icmp.error(Icmp.DEST_UNREACHABLE, 2, opaque));
    for (int code = 0; code <= 2; code++) {
      add(ROUTER, RED, GATEWAY, CLIENT, Icmp.error(Icmp.TIME_EXCEEDED, code, echo));
    }
    for (int code = 0; code <= 4; code++) {
      add(ROUTER, RED, GATEWAY, CLIENT, new Icmp(Icmp.REDIRECT, code, 0xc000, 0x0263, Payload.EMPTY, echo));
    }
    add(ROUTER, RED, GATEWAY, CLIENT, new Icmp(Icmp.PARAMETER_PROBLEM, 0, 0x1400, 0, Payload.EMPTY, echo));
    add(ROUTER, RED, GATEWAY, CLIENT, new Icmp(Icmp.PARAMETER_PROBLEM, 1, 0, 0, Payload.EMPTY, echo));
    add(ROUTER, RED, GATEWAY, CLIENT, Icmp.error(4, 0, echo));
    // A big offending packet: only 548 bytes of it are quoted.
    add(ROUTER, RED, GATEWAY, CLIENT, Icmp.error(Icmp.TIME_EXCEEDED, 0, echo.withL4(Icmp.echoRequest(1, 2, 1400))));
  }

  private void icmpOthers() {
    add(RED, BLUE, CLIENT, SERVER, new Icmp(10, 0, 0, 0, Payload.EMPTY, null));
    add(RED, BLUE, CLIENT, SERVER, new Icmp(13, 0, 7, 8, Payload.ofLength(12), null));
    add(RED, BLUE, CLIENT, SERVER, new Icmp(14, 0, 7, 8,
        Payload.of(new byte[] {0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0x10, 3}), null));
    add(RED, BLUE, CLIENT, SERVER, new Icmp(15, 0, 1, 2, Payload.EMPTY, null));
    add(RED, BLUE, CLIENT, SERVER, new Icmp(16, 0, 1, 2, Payload.EMPTY, null));
    add(RED, BLUE, CLIENT, SERVER, new Icmp(17, 0, 1, 2, Payload.ofLength(4), null));
    add(RED, BLUE, CLIENT, SERVER, new Icmp(18, 0, 1, 2, Payload.of(new byte[] {-1, -1, -1, 0}), null));
    add(RED, BLUE, CLIENT, SERVER, new Icmp(42, 1, 0, 0, Payload.ofLength(4), null));
  }

  private void otherProtocols() {
    add(RED, BLUE, CLIENT, SERVER, new OpaqueL4(253, Payload.ofLength(12)));
    add(RED, BLUE, CLIENT, SERVER, new OpaqueL4(99, Payload.ofLength(3)));
    add(RED, BLUE, CLIENT, SERVER, new OpaqueL4(142, Payload.ofLength(3)));
    add(RED, BLUE, CLIENT, SERVER, new OpaqueL4(255, Payload.ofLength(3)));
    // A later fragment of a UDP datagram, and one of an ICMP message.
    frames.add(new EthernetFrame(RED, BLUE, new Ipv4Packet(CLIENT, SERVER, 64, 0, 77, false, false, 185,
        new Udp(1, 2, Payload.ofLength(92)))));
    frames.add(new EthernetFrame(RED, BLUE, new Ipv4Packet(CLIENT, SERVER, 64, 0, 78, false, true, 10,
        Icmp.echoRequest(1, 1, 72))));
  }

  private void vendors() {
    String[] macs = {"00:00:00:00:00:01", "00:00:0c:01:02:03", "00:00:5e:00:01:01", "00:00:81:00:00:01",
        "00:00:f8:00:00:01", "00:80:c2:00:00:0e", "00:a0:3e:00:00:01", "00:e0:2f:00:00:01", "08:00:07:00:00:01",
        "00:90:69:00:00:01", "08:00:09:00:00:01", "00:12:0f:00:00:01", "00:12:bb:00:00:01", "00:1b:21:00:00:01",
        "00:23:20:00:00:01", "5c:16:c7:00:00:01", "b0:d2:f5:00:00:01", "00:24:81:00:00:01", "00:04:ea:00:00:01",
        "74:87:71:00:00:01", "a4:23:05:00:00:01", "00:04:9f:00:00:01", "00:15:ad:00:00:01", "00:10:18:00:00:01",
        "00:e0:04:00:00:01", "d0:f0:db:00:00:01", "02:42:ac:11:00:02", "01:00:5e:00:00:01", "33:33:00:00:00:01"};
    for (String mac : macs) {
      ArpPacket request = ArpPacket.request(Mac.parse(mac), Ipv4.of(CLIENT), Ipv4.of(GATEWAY));
      frames.add(new EthernetFrame(Mac.parse(mac), Mac.BROADCAST, request));
      frames.add(new EthernetFrame(ROUTER, Mac.parse(mac), request.reply(ROUTER)));
    }
  }

  private void loopback() {
    int localhost = Ipv4.LOOPBACK.bits();
    Icmp request = Icmp.echoRequest(23070, 1, 56);
    frames.add(new EthernetFrame(Mac.ZERO, Mac.ZERO, new Ipv4Packet(localhost, localhost, 64, 0, 1, true, false, 0,
        request)));
    frames.add(new EthernetFrame(Mac.ZERO, Mac.ZERO, new Ipv4Packet(localhost, localhost, 64, 0, 2, true, false, 0,
        new Tcp(52550, 80, 2334461243L, 0, Tcp.SYN, 65495, new TcpOptions(65495, true, 764353220, 0, 10),
            Payload.EMPTY))));
  }

  /** The frames as captured on {@link #BR0}, 1.5 ms apart from virtual time 1.000123456 s. */
  static List<CapturedFrame> onBridge() {
    List<CapturedFrame> captured = new ArrayList<>();
    long nanos = 1_000_123_456L;
    for (EthernetFrame frame : all()) {
      captured.add(CapturedFrame.received(BR0, frame, nanos));
      nanos += 1_500_000L;
    }
    return captured;
  }
}
