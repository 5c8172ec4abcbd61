package dev.netsim.sim.api;

import dev.netsim.core.packet.Icmp;
import dev.netsim.core.packet.Ipv4Packet;
import dev.netsim.core.packet.Payload;
import dev.netsim.core.packet.Tcp;
import dev.netsim.core.packet.TcpOptions;
import dev.netsim.core.packet.Udp;
import dev.netsim.core.topo.Link;
import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Mac;
import dev.netsim.rules.cli.IptablesRestore;
import dev.netsim.rules.cli.IptablesSave;
import dev.netsim.rules.cli.RulePrinter;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.model.Chain;
import dev.netsim.rules.model.Rule;
import dev.netsim.rules.model.Table;
import dev.netsim.rules.model.TableName;
import dev.netsim.rules.state.IptablesState;
import dev.netsim.sim.engine.PacketText;
import dev.netsim.sim.programs.Host;
import dev.netsim.sim.stack.Endpoint;
import dev.netsim.sim.stack.Errno;
import dev.netsim.sim.stack.PingHandler;
import dev.netsim.sim.stack.SocketError;
import dev.netsim.sim.stack.Stack;
import dev.netsim.sim.stack.TcpHandler;
import dev.netsim.sim.stack.TcpSocket;
import dev.netsim.sim.stack.UdpHandler;
import dev.netsim.sim.stack.UdpSocket;
import dev.netsim.sim.trace.Trace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One network namespace of a {@link Netsim} machine: set it up as {@code ip} and {@code sysctl} would inside it,
 * load its iptables rules, open listening sockets, and send probes from it. Setup methods return this namespace,
 * so that they chain; they throw {@link NetsimException} with the tool's own message when the tool refuses.
 */
public final class Netns {
  /** The MAC address frames injected with {@link #inject} come from. */
  public static final String INJECTED_SOURCE_MAC = "02:00:00:00:00:01";

  /** The process {@code ss -p} names for sockets the API opens. */
  private static final Stack.Owner API_OWNER = new Stack.Owner("netsim-api", 1, 3);

  private final Netsim net;
  private final String name;

  Netns(Netsim net, String name) {
    this.net = net;
    this.name = name;
  }

  /** The namespace's name; {@link Netsim#HOST} (empty) for the host's own. */
  public String name() {
    return name;
  }

  // --- setup

  /**
   * Runs one command line in this namespace, as {@code ip netns exec NAME COMMAND} would (for example
   * {@code "ip route add 10.0.0.0/8 via 192.0.2.1"}), and returns what it printed. NetsimException with the
   * command's error output when it fails.
   */
  public String run(String commandLine) {
    return net.run(name, commandLine);
  }

  /** Adds {@code cidr} (e.g. {@code 11.11.11.2/24}) to {@code device}: {@code ip addr add CIDR dev DEVICE}. */
  public Netns address(String device, String cidr) {
    run("ip addr add " + cidr + " dev " + device);
    return this;
  }

  /** Brings the devices up, in order: {@code ip link set DEVICE up}. */
  public Netns up(String... devices) {
    for (String device : devices) {
      run("ip link set " + device + " up");
    }
    return this;
  }

  /** Adds a route: {@code ip route add SPEC}, e.g. {@code "default via 172.17.0.1"}. */
  public Netns route(String spec) {
    run("ip route add " + spec);
    return this;
  }

  /** Sets a sysctl of this namespace: {@code sysctl -w KEY=VALUE}, e.g. {@code ("net.ipv4.ip_forward", "1")}. */
  public Netns sysctl(String key, String value) {
    run("sysctl -q -w " + key + "=" + value);
    return this;
  }

  /**
   * Creates bridge {@code bridge} with {@code ports} as its ports and brings the bridge up:
   * {@code ip link add BRIDGE type bridge}, {@code ip link set PORT master BRIDGE}, {@code ip link set BRIDGE up}.
   */
  public Netns bridge(String bridge, String... ports) {
    run("ip link add " + bridge + " type bridge");
    for (String port : ports) {
      run("ip link set " + port + " master " + bridge);
    }
    run("ip link set " + bridge + " up");
    return this;
  }

  /** Runs {@code iptables ARGS} here, e.g. {@code iptables("-I DOCKER-USER -j ACCEPT")}. */
  public Netns iptables(String args) {
    run("iptables " + args);
    return this;
  }

  /**
   * Loads an {@code iptables-save} dump as {@code iptables-restore} does: each table in it is replaced whole, at its
   * {@code COMMIT}. NetsimException with iptables-restore's message (e.g. {@code iptables-restore: line 7 failed})
   * when it refuses the dump; tables committed before the failing one stay loaded, as with the real tool. The
   * result lists the rules whose matches or targets netsim parses but does not model.
   */
  public RuleLoad loadRules(String iptablesSave) {
    IptablesState state = iptables();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = new IptablesRestore(state, IptablesRestore.NO_FILES).run(List.of("iptables-restore"), iptablesSave,
        new PrintStream(output, true, StandardCharsets.UTF_8), new PrintStream(errors, true, StandardCharsets.UTF_8));
    if (status != 0) {
      throw new NetsimException(errors.toString(StandardCharsets.UTF_8).strip());
    }
    return new RuleLoad(name, notModelled(state));
  }

  /** The namespace's rules as {@code iptables-save} prints them (without its comment lines' dates). */
  public String saveRules() {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    new IptablesSave(iptables(), () -> ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), file -> null)
        .run(List.of("iptables-save"), new PrintStream(output, true, StandardCharsets.UTF_8), System.err);
    return output.toString(StandardCharsets.UTF_8);
  }

  private static List<RuleLoad.NotModelled> notModelled(IptablesState state) {
    List<RuleLoad.NotModelled> found = new ArrayList<>();
    for (TableName tableName : TableName.values()) {
      Table table = state.ruleset().table(tableName);
      if (table == null) {
        continue;
      }
      for (Chain chain : table.chains()) {
        int number = 0;
        for (Rule rule : chain.rules()) {
          number++;
          List<String> reasons = new ArrayList<>();
          for (Match match : rule.spec().matches()) {
            if (match.notModelled() != null) {
              reasons.add(match.notModelled());
            }
          }
          if (rule.spec().target() != null && rule.spec().target().notModelled() != null) {
            reasons.add(rule.spec().target().notModelled());
          }
          if (!reasons.isEmpty()) {
            found.add(new RuleLoad.NotModelled(tableName.id(), chain.name(), number,
                RulePrinter.saveRule(chain.name(), rule.spec(), null), String.join("; ", reasons)));
          }
        }
      }
    }
    return found;
  }

  private IptablesState iptables() {
    return net.kernel().runtime(name).iptables();
  }

  // --- sockets

  /**
   * Listens on TCP port {@code port} (all addresses), accepting every connection, as {@code nc -l -k -p PORT}
   * would; {@link ProbeResult#sockets()} reports the connections it accepts.
   */
  public Netns listenTcp(int port) {
    Errno failed = host().stack().listen(new Endpoint(0, port), API_OWNER, 511, socket -> {
      net.reached(new ReachedSocket(name, "tcp", socket.local().toString(), socket.remote().toString()));
      return new TcpHandler() {};
    });
    if (failed != null) {
      throw new NetsimException("listen on tcp port " + port + ": " + failed.message());
    }
    return this;
  }

  /**
   * Binds UDP port {@code port} (all addresses) with a socket that answers each datagram with the same bytes
   * (an echo server); {@link ProbeResult#sockets()} reports the datagrams it receives.
   */
  public Netns listenUdp(int port) {
    try {
      host().stack().openUdp(new Endpoint(0, port), null, API_OWNER, new UdpHandler() {
        @Override
        public void received(UdpSocket socket, Endpoint from, byte[] data) {
          net.reached(new ReachedSocket(name, "udp", socket.local().toString(), from.toString()));
          socket.sendTo(from, data);
        }
      });
    } catch (SocketError e) {
      throw new NetsimException("bind udp port " + port + ": " + e.errno().message());
    }
    return this;
  }

  // --- probes

  /** One ICMP echo request to {@code destination}, as {@code ping -c 1} sends it; waits for the reply or an error. */
  public ProbeResult ping(String destination) {
    int dst = address(destination);
    Host host = host();
    int id = host.newPid() & 0xffff;
    List<Reply> replies = new ArrayList<>();
    host.stack().openPing(id, new PingHandler() {
      @Override
      public void reply(Ipv4Packet packet, Icmp reply) {
        replies.add(new Reply(Ipv4.format(packet.src()), "echo reply"));
      }

      @Override
      public void error(Ipv4Packet packet, Icmp error, Icmp quotedRequest) {
        replies.add(new Reply(Ipv4.format(packet.src()), PacketText.icmpName(error)));
      }
    });
    try {
      Ipv4Packet request = Ipv4Packet.of(Ipv4.of(sourceFor(host, dst)), Ipv4.of(dst), Icmp.echoRequest(id, 1, 56));
      return net.probe("ping " + destination + " from " + Trace.nsName(name), () -> {
        host.stack().output().send(request);
        return PacketText.describe(request)::equals;
      }, () -> !replies.isEmpty(), replies);
    } finally {
      host.stack().closePing(id);
    }
  }

  /**
   * A TCP connection attempt to {@code destination:port}, as {@code nc -z} makes it; waits until it is connected,
   * refused or fails (SYN retransmissions included). A connection that succeeds stays open.
   */
  public ProbeResult connectTcp(String destination, int port) {
    int dst = address(destination);
    Host host = host();
    List<Reply> replies = new ArrayList<>();
    TcpHandler handler = new TcpHandler() {
      @Override
      public void connected(TcpSocket socket) {
        replies.add(new Reply(destination, "connected"));
      }

      @Override
      public void failed(TcpSocket socket, Errno error) {
        replies.add(new Reply(destination, error.message()));
      }
    };
    TcpSocket[] socket = new TcpSocket[1];
    ProbeResult result = net.probe("tcp connect " + destination + ":" + port + " from " + Trace.nsName(name), () -> {
      try {
        socket[0] = host.stack().connect(new Endpoint(dst, port), handler);
        return text -> text.startsWith("TCP " + socket[0].local() + " > " + destination + ":" + port + " [S] ");
      } catch (SocketError e) {
        // No source address or route: the kernel's own walk of such a SYN says why.
        replies.add(new Reply(Trace.nsName(name), e.errno().message()));
        return sendRaw(host, Ipv4Packet.of(Ipv4.ANY, Ipv4.of(dst),
            new Tcp(Stack.EPHEMERAL_LOW, port, 0, 0, Tcp.SYN, 64240, TcpOptions.NONE, Payload.EMPTY)));
      }
    }, () -> !replies.isEmpty(), replies);
    if (socket[0] != null && socket[0].state() == TcpSocket.State.SYN_SENT) {
      socket[0].abort();
    }
    return result;
  }

  /**
   * One UDP datagram of 5 bytes to {@code destination:port} from an ephemeral port; waits for an answer (a datagram
   * or an ICMP error).
   */
  public ProbeResult sendUdp(String destination, int port) {
    int dst = address(destination);
    Host host = host();
    List<Reply> replies = new ArrayList<>();
    int src = sourceFor(host, dst);
    UdpSocket socket;
    try {
      socket = host.stack().openUdp(new Endpoint(src, 0), new Endpoint(dst, port), API_OWNER, new UdpHandler() {
        @Override
        public void received(UdpSocket socket, Endpoint from, byte[] data) {
          replies.add(new Reply(Ipv4.format(from.address()), "datagram of " + data.length + " bytes"));
        }

        @Override
        public void failed(UdpSocket socket, Errno error) {
          replies.add(new Reply(destination, error.message()));
        }
      });
    } catch (SocketError e) {
      throw new NetsimException("udp socket: " + e.errno().message());
    }
    try {
      return net.probe("udp " + destination + ":" + port + " from " + Trace.nsName(name), () -> {
        Errno failed = socket.send("probe".getBytes(StandardCharsets.US_ASCII));
        if (failed != null && src == 0) {
          // No source address or route: the kernel's own walk of such a datagram says why.
          replies.add(new Reply(Trace.nsName(name), failed.message()));
          return sendRaw(host, Ipv4Packet.of(Ipv4.ANY, Ipv4.of(dst), new Udp(socket.local().port(), port,
              Payload.ofLength(5))));
        }
        if (failed != null) {
          replies.add(new Reply(Trace.nsName(name), failed.message()));
        }
        return text -> text.startsWith("UDP " + Ipv4.format(src) + ":" + socket.local().port() + " > " + destination
            + ":" + port + " ");
      }, () -> !replies.isEmpty(), replies);
    } finally {
      socket.close();
    }
  }

  /**
   * Sends a hand-built packet from this namespace's stack, as a raw socket would: it takes the OUTPUT path with
   * its headers as built. No socket waits for answers, so {@link ProbeResult#replies()} is empty; answers show in
   * {@link ProbeResult#otherTraces()}.
   */
  public ProbeResult send(Packet packet) {
    Host host = host();
    return net.probe("send " + packet + " from " + Trace.nsName(name), () -> sendRaw(host, packet.ip()),
        () -> false, List.of());
  }

  /**
   * A hand-built packet arrives on {@code device} of this namespace, in a frame from {@link #INJECTED_SOURCE_MAC}
   * to the device's own MAC address, as if sent by a machine at the other end of the wire.
   */
  public ProbeResult inject(String device, Packet packet) {
    Link link = net.world().topology().requireNamespace(name).link(device);
    if (link == null) {
      throw new NetsimException("Cannot find device \"" + device + "\"");
    }
    return net.probe("inject " + packet + " on " + device + " in " + Trace.nsName(name), () -> {
      net.kernel().inject(name, device, packet.ip(), Mac.parse(INJECTED_SOURCE_MAC), link.mac());
      return PacketText.describe(packet.ip())::equals;
    }, () -> false, List.of());
  }

  private static Predicate<String> sendRaw(Host host, Ipv4Packet packet) {
    host.stack().output().send(packet);
    return PacketText.describe(packet)::equals;
  }

  /** The source address routing picks towards {@code dst}; 0.0.0.0 when there is none (the walk then says why). */
  private static int sourceFor(Host host, int dst) {
    try {
      return host.stack().output().sourceAddressFor(dst);
    } catch (SocketError e) {
      return 0;
    }
  }

  private Host host() {
    return net.kernel().host(name);
  }

  private static int address(String text) {
    if (!Ipv4.isValid(text)) {
      throw new IllegalArgumentException("not an IPv4 address: `" + text + "'");
    }
    return Ipv4.parse(text).bits();
  }

  @Override
  public String toString() {
    return Trace.nsName(name);
  }
}
