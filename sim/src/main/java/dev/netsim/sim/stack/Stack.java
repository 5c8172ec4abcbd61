package dev.netsim.sim.stack;

import dev.netsim.core.packet.Icmp;
import dev.netsim.core.packet.Ipv4Packet;
import dev.netsim.core.packet.L4;
import dev.netsim.core.packet.Payload;
import dev.netsim.core.packet.Tcp;
import dev.netsim.core.packet.TcpOptions;
import dev.netsim.core.packet.Udp;
import dev.netsim.core.value.Ipv4;
import dev.netsim.sim.engine.Scheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * The transport layer of one network namespace: its TCP, UDP and ping sockets, the ephemeral ports it hands
 * out, and what the kernel answers itself — echo replies, TCP resets for closed ports, ICMP port
 * unreachable for closed UDP ports. Mutable simulation state.
 */
public final class Stack {
  /** Linux's default {@code net.ipv4.ip_local_port_range}. */
  public static final int EPHEMERAL_LOW = 32768;
  public static final int EPHEMERAL_HIGH = 60999;

  /** What a listening socket does with a connection once its handshake completes. */
  public interface Acceptor {
    TcpHandler accept(TcpSocket socket);
  }

  /** The process that owns a socket, as {@code ss -p} shows it: {@code users:(("nc",pid=812,fd=3))}. */
  public record Owner(String program, int pid, int fd) {}

  /** A listening TCP socket, as {@code ss -tnl} lists it; {@code backlog} is what the program passed to listen(2). */
  public record Listener(Endpoint endpoint, Owner owner, int backlog, Acceptor acceptor) {}

  private record Key(int localAddress, int localPort, int remoteAddress, int remotePort) {}

  private final Scheduler scheduler;
  private final IpOutput output;
  private final IntUnaryOperator mtuForDestination;
  private final Map<Key, TcpSocket> tcp = new HashMap<>();
  private final LinkedHashMap<Endpoint, Listener> listeners = new LinkedHashMap<>();
  private final LinkedHashMap<Endpoint, UdpSocket> udp = new LinkedHashMap<>();
  private final Map<Integer, PingHandler> pings = new HashMap<>();
  private int nextEphemeral;
  private long nextIss;

  /**
   * @param mtuForDestination the MTU of the interface a packet to an address leaves by (for the MSS)
   * @param seed makes ports and initial sequence numbers differ between namespaces, yet repeat between runs
   */
  public Stack(Scheduler scheduler, IpOutput output, IntUnaryOperator mtuForDestination, int seed) {
    this.scheduler = scheduler;
    this.output = output;
    this.mtuForDestination = mtuForDestination;
    this.nextEphemeral = EPHEMERAL_LOW + Math.floorMod(seed * 7919, EPHEMERAL_HIGH - EPHEMERAL_LOW);
    this.nextIss = Integer.toUnsignedLong(seed * 0x9e3779b9) & 0xffff_ffffL;
  }

  Scheduler scheduler() {
    return scheduler;
  }

  /** The IP layer below, as a raw socket (ping) uses it. */
  public IpOutput output() {
    return output;
  }

  int mtuFor(int destination) {
    return mtuForDestination.applyAsInt(destination);
  }

  // --- opening sockets

  /** Listens on {@code endpoint}; fails with EADDRINUSE when another socket listens there. */
  public Errno listen(Endpoint endpoint, Owner owner, int backlog, Acceptor acceptor) {
    for (Endpoint existing : listeners.keySet()) {
      if (existing.port() == endpoint.port()
          && (existing.address() == 0 || endpoint.address() == 0 || existing.address() == endpoint.address())) {
        return Errno.EADDRINUSE;
      }
    }
    listeners.put(endpoint, new Listener(endpoint, owner, backlog, acceptor));
    return null;
  }

  public void stopListening(Endpoint endpoint) {
    listeners.remove(endpoint);
  }

  /** The listening sockets, in the order they were opened. */
  public List<Listener> listeners() {
    return List.copyOf(listeners.values());
  }

  /**
   * Starts a connection to {@code to}; the handler learns how it goes. Fails at once when there is no
   * route or the SYN cannot leave (an OUTPUT rule dropped it).
   */
  public TcpSocket connect(Endpoint to, TcpHandler handler) throws SocketError {
    int source = output.sourceAddressFor(to.address());
    int port = ephemeralPort(source, to);
    TcpSocket socket = new TcpSocket(this, source, port, to.address(), to.port(), true, handler,
        nextIss(), nextIss());
    tcp.put(new Key(source, port, to.address(), to.port()), socket);
    Errno failed = socket.sendSyn();
    if (failed != null) {
      throw new SocketError(failed);
    }
    return socket;
  }

  /**
   * A UDP socket of process {@code owner} bound to {@code local} (port 0: an ephemeral port), optionally
   * connected to {@code peer}.
   */
  public UdpSocket openUdp(Endpoint local, Endpoint peer, Owner owner, UdpHandler handler) throws SocketError {
    int port = local.port();
    if (port == 0) {
      port = ephemeralPort(local.address(), peer);
    } else if (udp.keySet().stream().anyMatch(e -> e.port() == local.port())) {
      throw new SocketError(Errno.EADDRINUSE);
    }
    Endpoint bound = new Endpoint(local.address(), port);
    UdpSocket socket = new UdpSocket(this, bound, peer, owner, handler);
    udp.put(bound, socket);
    return socket;
  }

  /**
   * Connects an unconnected UDP socket to {@code peer}, as a UDP server does to its first client
   * ({@code nc -u -l}): its local address becomes the one routing picks for the peer.
   */
  public UdpSocket connectUdp(UdpSocket socket, Endpoint peer) throws SocketError {
    int source = socket.local().address() != 0 ? socket.local().address()
        : output.sourceAddressFor(peer.address());
    udp.remove(socket.local());
    UdpSocket connected = new UdpSocket(this, new Endpoint(source, socket.local().port()), peer, socket.owner(),
        socket.handler());
    udp.put(connected.local(), connected);
    return connected;
  }

  /** The UDP sockets, in the order they were opened, for {@code ss -u}. */
  public List<UdpSocket> udpSockets() {
    return List.copyOf(udp.values());
  }

  /** Registers a ping with echo id {@code id}. */
  public void openPing(int id, PingHandler handler) {
    pings.put(id, handler);
  }

  public void closePing(int id) {
    pings.remove(id);
  }

  void forget(TcpSocket socket) {
    tcp.remove(new Key(socket.local().address(), socket.local().port(), socket.remote().address(),
        socket.remote().port()));
  }

  void forget(UdpSocket socket) {
    udp.remove(socket.local());
  }

  void accepted(TcpSocket socket) {
    Listener listener = listenerFor(socket.local().address(), socket.local().port());
    if (listener == null) {
      socket.abort();
      return;
    }
    socket.setHandler(listener.acceptor().accept(socket));
  }

  private int ephemeralPort(int source, Endpoint to) {
    for (int attempt = 0; attempt <= EPHEMERAL_HIGH - EPHEMERAL_LOW; attempt++) {
      int port = nextEphemeral;
      nextEphemeral = port == EPHEMERAL_HIGH ? EPHEMERAL_LOW : port + 1;
      boolean taken = to != null && tcp.containsKey(new Key(source, port, to.address(), to.port()))
          || udp.keySet().stream().anyMatch(e -> e.port() == port);
      if (!taken) {
        return port;
      }
    }
    throw new IllegalStateException("no ephemeral port left");
  }

  private long nextIss() {
    nextIss = TcpSocket.seq(nextIss * 6364136223846793005L + 1442695040888963407L >>> 16);
    return nextIss;
  }

  private Listener listenerFor(int address, int port) {
    Listener any = null;
    for (Listener listener : listeners.values()) {
      if (listener.endpoint().port() == port) {
        if (listener.endpoint().address() == address) {
          return listener;
        }
        if (listener.endpoint().address() == 0) {
          any = listener;
        }
      }
    }
    return any;
  }

  // --- packets for this namespace

  /** Describes what the stack did with a delivered packet, for the trace. */
  public record Delivery(String outcome) {}

  /** Takes a packet that passed INPUT; returns what happened to it. */
  public Delivery deliver(Ipv4Packet packet) {
    L4 l4 = packet.l4();
    if (l4 instanceof Icmp icmp) {
      return deliverIcmp(packet, icmp);
    }
    if (l4 instanceof Tcp segment) {
      return deliverTcp(packet, segment);
    }
    if (l4 instanceof Udp datagram) {
      return deliverUdp(packet, datagram);
    }
    sendError(packet, Icmp.DEST_UNREACHABLE, 2);
    return new Delivery("no handler for protocol " + packet.protocol() + ": protocol unreachable sent");
  }

  private Delivery deliverIcmp(Ipv4Packet packet, Icmp icmp) {
    switch (icmp.type()) {
      case Icmp.ECHO_REQUEST -> {
        output.send(Ipv4Packet.of(Ipv4.of(packet.dst()), Ipv4.of(packet.src()), Icmp.echoReply(icmp)));
        return new Delivery("echo request answered");
      }
      case Icmp.ECHO_REPLY -> {
        PingHandler ping = pings.get(icmp.id());
        if (ping == null) {
          return new Delivery("echo reply for no ping (id " + icmp.id() + ")");
        }
        ping.reply(packet, icmp);
        return new Delivery("echo reply to ping id " + icmp.id());
      }
      default -> {
        if (icmp.isError() && icmp.quoted() != null) {
          return deliverError(packet, icmp, icmp.quoted());
        }
        return new Delivery("ICMP type " + icmp.type() + " ignored");
      }
    }
  }

  private Delivery deliverError(Ipv4Packet packet, Icmp error, Ipv4Packet quoted) {
    Errno errno = error.type() == Icmp.DEST_UNREACHABLE ? Errno.ofUnreachableCode(error.code()) : null;
    if (quoted.l4() instanceof Icmp request && request.type() == Icmp.ECHO_REQUEST) {
      PingHandler ping = pings.get(request.id());
      if (ping != null) {
        ping.error(packet, error, request);
        return new Delivery("ICMP error to ping id " + request.id());
      }
    } else if (quoted.l4() instanceof Tcp segment) {
      TcpSocket socket = tcp.get(new Key(quoted.src(), segment.srcPort(), quoted.dst(), segment.dstPort()));
      if (socket != null && errno != null) {
        socket.icmpError(errno);
        return new Delivery("ICMP error to TCP socket " + socket.local());
      }
    } else if (quoted.l4() instanceof Udp datagram) {
      UdpSocket socket = udpFor(quoted.src(), datagram.srcPort());
      if (socket != null && errno != null) {
        socket.icmpError(errno);
        return new Delivery("ICMP error to UDP socket " + socket.local());
      }
    }
    return new Delivery("ICMP error for no socket");
  }

  private Delivery deliverTcp(Ipv4Packet packet, Tcp segment) {
    TcpSocket socket = tcp.get(new Key(packet.dst(), segment.dstPort(), packet.src(), segment.srcPort()));
    if (socket != null) {
      socket.receive(segment);
      return new Delivery("TCP socket " + socket.local() + " (" + socket.state() + ")");
    }
    Listener listener = segment.has(Tcp.SYN) && !segment.has(Tcp.ACK)
        ? listenerFor(packet.dst(), segment.dstPort()) : null;
    if (listener != null) {
      TcpSocket child = new TcpSocket(this, packet.dst(), segment.dstPort(), packet.src(), segment.srcPort(),
          false, new TcpHandler() {}, nextIss(), nextIss());
      tcp.put(new Key(packet.dst(), segment.dstPort(), packet.src(), segment.srcPort()), child);
      child.acceptSyn(segment);
      return new Delivery("listening socket " + listener.endpoint() + " (" + listener.owner().program() + ")");
    }
    if (!segment.has(Tcp.RST)) {
      sendReset(packet, segment);
    }
    return new Delivery("no socket on tcp port " + segment.dstPort() + ": reset sent");
  }

  private void sendReset(Ipv4Packet packet, Tcp segment) {
    output.send(Ipv4Packet.of(Ipv4.of(packet.dst()), Ipv4.of(packet.src()), resetFor(segment)));
  }

  /** The reset the kernel answers {@code segment} with (RFC 793's rules: ACK taken over, or SYN/data acknowledged). */
  public static Tcp resetFor(Tcp segment) {
    if (segment.has(Tcp.ACK)) {
      return new Tcp(segment.dstPort(), segment.srcPort(), segment.ack(), 0, Tcp.RST, 0, TcpOptions.NONE,
          Payload.EMPTY);
    }
    long consumed = segment.payload().length() + (segment.has(Tcp.SYN) ? 1 : 0) + (segment.has(Tcp.FIN) ? 1 : 0);
    return new Tcp(segment.dstPort(), segment.srcPort(), 0, TcpSocket.seq(segment.seq() + consumed),
        Tcp.RST | Tcp.ACK, 0, TcpOptions.NONE, Payload.EMPTY);
  }

  private Delivery deliverUdp(Ipv4Packet packet, Udp datagram) {
    UdpSocket socket = udpFor(packet.dst(), datagram.dstPort());
    if (socket != null && socket.accepts(packet.src(), datagram.srcPort())) {
      socket.deliver(new Endpoint(packet.src(), datagram.srcPort()), datagram.payload().bytes());
      return new Delivery("UDP socket " + socket.local());
    }
    sendError(packet, Icmp.DEST_UNREACHABLE, 3);
    return new Delivery("no socket on udp port " + datagram.dstPort() + ": port unreachable sent");
  }

  private UdpSocket udpFor(int address, int port) {
    UdpSocket any = null;
    for (Map.Entry<Endpoint, UdpSocket> entry : udp.entrySet()) {
      if (entry.getKey().port() == port) {
        if (entry.getKey().address() == address) {
          return entry.getValue();
        }
        if (entry.getKey().address() == 0) {
          any = entry.getValue();
        }
      }
    }
    return any;
  }

  /** An ICMP error from this namespace about {@code offending}, sent back to its source. */
  public void sendError(Ipv4Packet offending, int type, int code) {
    output.send(Ipv4Packet.of(Ipv4.of(offending.dst()), Ipv4.of(offending.src()),
        Icmp.error(type, code, offending)));
  }

  /** The TCP sockets that are not listening, for {@code ss}. */
  public List<TcpSocket> connections() {
    return new ArrayList<>(tcp.values());
  }
}
