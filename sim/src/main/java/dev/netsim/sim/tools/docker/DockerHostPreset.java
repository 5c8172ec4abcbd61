package dev.netsim.sim.tools.docker;

import dev.netsim.core.topo.AddressType;
import dev.netsim.core.topo.IfAddress;
import dev.netsim.core.topo.Route;
import dev.netsim.core.topo.RouteProtocol;
import dev.netsim.core.topo.Scope;
import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Ipv4Prefix;
import dev.netsim.core.value.Mac;
import dev.netsim.sim.World;
import dev.netsim.sim.programs.Host;
import dev.netsim.sim.stack.Endpoint;
import dev.netsim.sim.stack.Errno;
import dev.netsim.sim.stack.Stack;
import dev.netsim.sim.stack.TcpHandler;
import dev.netsim.sim.stack.TcpSocket;
import dev.netsim.sim.shell.Preset;
import dev.netsim.sim.shell.PresetSetup;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --preset docker-host}: the host of the seed's sessions, a VirtualBox-style VM running Docker Engine
 * 20.10-27 —
 *
 * <ul>
 *   <li>{@code eth0} 10.0.2.15/24, default route via 10.0.2.2; behind it "the internet", a hidden namespace
 *       that answers every public unicast address (8.8.8.8, 1.1.1.1, ...): pings, and TCP on ports 53 and
 *       443; it knows the way back to 10.0.2.0/24 only, so it routes nothing back to private or unknown
 *       sources;</li>
 *   <li>{@code eth1} 192.168.50.10/24, wired to an outside PC at 192.168.50.1 ({@code ip netns exec pc ...});</li>
 *   <li>{@code net.ipv4.ip_forward=1} and Docker's default bridge {@code docker0} 172.17.0.1/16 (no containers,
 *       so NO-CARRIER);</li>
 *   <li>the iptables rules dockerd installs at start, run through the {@code iptables} command.</li>
 * </ul>
 *
 * <p>The host has been up a few seconds when the script starts, so its IPv6 link-local addresses are no
 * longer tentative.
 */
public final class DockerHostPreset implements Preset {
  /** The namespace behind the gateway; unlisted, so {@code ip netns list} does not show it. */
  static final String INTERNET = "internet";
  /** The outside PC on eth1's wire. */
  static final String PC = "pc";

  /** Address blocks the internet does not answer: private, shared, loopback, link-local, documentation, multicast. */
  private static final List<Ipv4Prefix> NOT_ON_THE_INTERNET = List.of(
      "0.0.0.0/8", "10.0.0.0/8", "11.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
      "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
      "224.0.0.0/3").stream().map(Ipv4Prefix::parse).toList();

  private static final String HOST = """
      ip link set eth0 up
      ip addr add 10.0.2.15/24 brd + dev eth0
      ip route add default via 10.0.2.2
      ip link set eth1 up
      ip addr add 192.168.50.10/24 brd + dev eth1
      ip netns exec pc ip link set lo up
      ip netns exec pc ip link set eth0 up
      ip netns exec pc ip addr add 192.168.50.1/24 brd + dev eth0
      sysctl -qw net.ipv4.ip_forward=1
      ip link add docker0 txqueuelen 0 type bridge
      ip link set docker0 address 02:42:29:82:1c:4f
      ip addr add 172.17.0.1/16 brd 172.17.255.255 dev docker0
      ip link set docker0 up
      iptables -N DOCKER
      iptables -N DOCKER-ISOLATION-STAGE-1
      iptables -N DOCKER-ISOLATION-STAGE-2
      iptables -N DOCKER-USER
      iptables -P FORWARD DROP
      iptables -A FORWARD -j DOCKER-USER
      iptables -A FORWARD -j DOCKER-ISOLATION-STAGE-1
      iptables -A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      iptables -A FORWARD -o docker0 -j DOCKER
      iptables -A FORWARD -i docker0 ! -o docker0 -j ACCEPT
      iptables -A FORWARD -i docker0 -o docker0 -j ACCEPT
      iptables -A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
      iptables -A DOCKER-ISOLATION-STAGE-1 -j RETURN
      iptables -A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
      iptables -A DOCKER-ISOLATION-STAGE-2 -j RETURN
      iptables -A DOCKER-USER -j RETURN
      iptables -t nat -N DOCKER
      iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
      iptables -t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
      iptables -t nat -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
      iptables -t nat -A DOCKER -i docker0 -j RETURN
      sleep 5
      """;

  @Override
  public void apply(PresetSetup setup) {
    World world = setup.host().world();
    world.markOtherMachine(PC);
    world.markOtherMachine(INTERNET);
    world.change(editor -> {
      editor.addNamespace(PC, false);
      editor.addNamespace(INTERNET, false);
      editor.addEthernetPair("", "eth0", INTERNET, "eth0");
      editor.addEthernetPair("", "eth1", PC, "eth0");
      editor.setMac("", "eth0", Mac.parse("08:00:27:4f:a8:6e"));
      editor.setMac("", "eth1", Mac.parse("08:00:27:b5:12:9c"));
      editor.setMac(INTERNET, "eth0", Mac.parse("52:54:00:12:35:02"));
      editor.setMac(PC, "eth0", Mac.parse("0a:00:27:00:00:0d"));
      editor.setUp(INTERNET, "lo", true);
      editor.setUp(INTERNET, "eth0", true);
      editor.addAddress(INTERNET, "eth0", new IfAddress(Ipv4.parse("10.0.2.2"), 24, Ipv4.parse("10.0.2.255"),
          Scope.GLOBAL, "eth0", false));
      int lo = 1;
      for (Ipv4Prefix block : publicBlocks()) {
        editor.addRoute(INTERNET, new Route(Route.TABLE_LOCAL, AddressType.LOCAL, block, null, lo, RouteProtocol.BOOT,
            Scope.HOST, null, 0), false);
      }
    });
    setup.run(HOST);
    listenOnTheInternet(world);
  }

  /**
   * The internet's servers accept TCP connections on every public address, on the ports public resolvers and
   * web sites answer (DNS over TCP 53, HTTPS 443), so {@code nc -z 8.8.8.8 443} connects as it does on a real
   * host; they send nothing and close when the client does.
   */
  private static void listenOnTheInternet(World world) {
    Host internet = world.kernel().host(INTERNET);
    // the servers run on other machines: they take no process ids from the simulated host
    Stack.Owner server = new Stack.Owner("server", 1, 3);
    for (int port : new int[] {53, 443}) {
      Errno error = internet.stack().listen(new Endpoint(0, port), server, 4096,
          socket -> new TcpHandler() {
            @Override
            public void peerClosed(TcpSocket connection) {
              connection.close();
            }
          });
      if (error != null) {
        throw new IllegalStateException("the internet cannot listen on port " + port + ": " + error);
      }
    }
  }

  /** The IPv4 space minus {@link #NOT_ON_THE_INTERNET}, as few prefixes as it takes. */
  static List<Ipv4Prefix> publicBlocks() {
    List<Ipv4Prefix> blocks = new ArrayList<>();
    split(0L, 0, blocks);
    return blocks;
  }

  private static void split(long start, int length, List<Ipv4Prefix> blocks) {
    long end = start + (1L << (32 - length)) - 1;
    boolean overlaps = false;
    for (Ipv4Prefix excluded : NOT_ON_THE_INTERNET) {
      long from = Integer.toUnsignedLong(excluded.address());
      long to = from + (1L << (32 - excluded.length())) - 1;
      if (from <= start && end <= to) {
        return;
      }
      overlaps |= from <= end && start <= to;
    }
    if (!overlaps) {
      blocks.add(Ipv4Prefix.of(Ipv4.of((int) start), length));
      return;
    }
    split(start, length + 1, blocks);
    split(start + (1L << (31 - length)), length + 1, blocks);
  }
}
