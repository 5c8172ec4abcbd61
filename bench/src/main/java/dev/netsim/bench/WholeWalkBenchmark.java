package dev.netsim.bench;

import dev.netsim.core.packet.Icmp;
import dev.netsim.core.packet.Ipv4Packet;
import dev.netsim.core.value.Ipv4;
import dev.netsim.sim.World;
import dev.netsim.sim.engine.Kernel;
import dev.netsim.sim.engine.Scheduler;
import dev.netsim.sim.shell.RunOptions;
import dev.netsim.sim.shell.ScriptRunner;
import dev.netsim.sim.shell.ToolRegistry;
import dev.netsim.sim.stack.IpOutput;
import dev.netsim.sim.stack.PingHandler;
import dev.netsim.sim.tools.SimulatedHost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole packet walk on a Docker host, tracing off: a container pings an outside address through
 * veth, docker0 (br_netfilter), Docker's filter and nat rules with MASQUERADE, the host's uplink and back.
 * One operation is one echo request and its reply (two packets, each through three namespaces).
 *
 * <ul>
 *   <li>{@code establishedFlow}: the same ICMP id every time, so conntrack finds the entry and the nat table
 *       is skipped, as for every packet of a flow after its first;</li>
 *   <li>{@code newFlowWithNat}: a new ICMP id every time: a new conntrack entry, the nat table's MASQUERADE and
 *       a NAT binding for the request, confirmation at POSTROUTING.</li>
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WholeWalkBenchmark {
  static final String DOCKER_HOST = """
      sysctl -qw net.ipv4.ip_forward=1
      ip link add docker0 type bridge
      ip addr add 172.17.0.1/16 dev docker0
      ip link set docker0 up
      ip netns add web
      ip link add vethweb type veth peer name eth0 netns web
      ip link set vethweb master docker0
      ip link set vethweb up
      ip netns exec web ip addr add 172.17.0.2/16 dev eth0
      ip netns exec web ip link set eth0 up
      ip netns exec web ip link set lo up
      ip netns exec web ip route add default via 172.17.0.1
      ip netns add NET
      ip link add eth0 type veth peer name wan0 netns NET
      ip addr add 198.51.100.10/24 dev eth0
      ip link set eth0 up
      ip route add default via 198.51.100.1
      ip netns exec NET ip addr add 198.51.100.1/24 dev wan0
      ip netns exec NET ip addr add 203.0.113.8/32 dev lo
      ip netns exec NET ip link set wan0 up
      ip netns exec NET ip link set lo up
      iptables-restore <<'RULES'
      *nat
      :PREROUTING ACCEPT [0:0]
      :INPUT ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      :POSTROUTING ACCEPT [0:0]
      :DOCKER - [0:0]
      -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
      -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
      -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
      -A DOCKER -i docker0 -j RETURN
      COMMIT
      *filter
      :INPUT ACCEPT [0:0]
      :FORWARD DROP [0:0]
      :OUTPUT ACCEPT [0:0]
      :DOCKER - [0:0]
      :DOCKER-ISOLATION-STAGE-1 - [0:0]
      :DOCKER-ISOLATION-STAGE-2 - [0:0]
      :DOCKER-USER - [0:0]
      -A FORWARD -j DOCKER-USER
      -A FORWARD -j DOCKER-ISOLATION-STAGE-1
      -A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      -A FORWARD -o docker0 -j DOCKER
      -A FORWARD -i docker0 ! -o docker0 -j ACCEPT
      -A FORWARD -i docker0 -o docker0 -j ACCEPT
      -A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
      -A DOCKER-ISOLATION-STAGE-1 -j RETURN
      -A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
      -A DOCKER-ISOLATION-STAGE-2 -j RETURN
      -A DOCKER-USER -j RETURN
      COMMIT
      RULES
      ip netns exec web ping -c 1 -W 1 203.0.113.8
      """;

  private static final int CONTAINER = Ipv4.parse("172.17.0.2").bits();
  private static final int OUTSIDE = Ipv4.parse("203.0.113.8").bits();

  private World world;
  private Scheduler scheduler;
  private IpOutput container;
  private int replies;
  private int repliesBefore;
  private final BooleanSupplier replyArrived = () -> replies != repliesBefore;
  private int nextId = 1;

  @Setup
  public void setUp() {
    world = new World();
    ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(transcript, true, StandardCharsets.UTF_8);
    new ScriptRunner(ToolRegistry.standard()).run(DOCKER_HOST, "docker-host", null, new SimulatedHost(world),
        RunOptions.defaults(), out, out);
    if (!transcript.toString(StandardCharsets.UTF_8).contains("1 received")) {
      throw new IllegalStateException("the Docker host does not reach the outside:\n" + transcript);
    }
    Kernel kernel = world.kernel();
    kernel.setTracing(false);
    scheduler = kernel.scheduler();
    container = kernel.runtime("web").stack().output();
    PingHandler counter = new PingHandler() {
      @Override
      public void reply(Ipv4Packet packet, Icmp reply) {
        replies++;
      }

      @Override
      public void error(Ipv4Packet packet, Icmp error, Icmp quotedRequest) {}
    };
    for (int id = 0; id < 65536; id++) {
      kernel.runtime("web").stack().openPing(id, counter);
    }
  }

  /**
   * Sends one echo request and runs the machine until its reply is back, as ping waits for it: event by event
   * (stepping the clock in fixed 1 µs slices instead cost some 60 empty scheduler calls per round trip, which
   * were measured as part of the walk). Fails loudly if no reply comes within ping's default 1 s.
   */
  private int roundTrip(int id) {
    repliesBefore = replies;
    container.send(Ipv4Packet.of(Ipv4.of(CONTAINER), Ipv4.of(OUTSIDE), Icmp.echoRequest(id, 1, 56)));
    if (!scheduler.runUntil(replyArrived, scheduler.now() + 1_000_000_000L)) {
      throw new IllegalStateException("no reply for echo id " + id);
    }
    return replies;
  }

  @Benchmark
  public int establishedFlow() {
    return roundTrip(0);
  }

  @Benchmark
  public int newFlowWithNat() {
    int id = nextId++;
    if (nextId == 65536) {
      nextId = 1;
      world.kernel().runtime("web").conntrackTable().flush();
      world.kernel().runtime("").conntrackTable().flush();
      world.kernel().runtime("NET").conntrackTable().flush();
    }
    return roundTrip(id);
  }
}
