package dev.netsim.sim.engine;

import dev.netsim.sim.World;
import dev.netsim.sim.shell.RunOptions;
import dev.netsim.sim.shell.ScriptRunner;
import dev.netsim.sim.shell.ToolRegistry;
import dev.netsim.sim.tools.SimulatedHost;
import dev.netsim.sim.trace.Trace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Engine tests that drive a world with script lines and look at its output and its packets' traces. */
abstract class ScriptedWorldTest {
  private static final ToolRegistry TOOLS = ToolRegistry.standard();

  /** C (192.0.2.2) — R, a router with ip_forward on — S (198.51.100.2); C and S route through R. */
  static final String[] ROUTER = {
      "ip netns add C", "ip netns add R", "ip netns add S",
      "ip link add c0 netns C type veth peer name r0 netns R",
      "ip link add r1 netns R type veth peer name s0 netns S",
      "ip netns exec C ip addr add 192.0.2.2/24 dev c0", "ip netns exec R ip addr add 192.0.2.1/24 dev r0",
      "ip netns exec R ip addr add 198.51.100.1/24 dev r1", "ip netns exec S ip addr add 198.51.100.2/24 dev s0",
      "ip netns exec C ip link set c0 up", "ip netns exec R ip link set r0 up", "ip netns exec R ip link set r1 up",
      "ip netns exec S ip link set s0 up", "ip netns exec C ip link set lo up",
      "ip netns exec C ip route add default via 192.0.2.1",
      "ip netns exec S ip route add default via 198.51.100.1",
      "ip netns exec R sysctl -qw net.ipv4.ip_forward=1"};

  final World world = new World();
  /** The traces of the packets that finished, oldest first. */
  final List<Trace> traces = new ArrayList<>();
  /** The {@code --echo} transcript of the last {@link #run}. */
  String output = "";

  ScriptedWorldTest() {
    world.kernel().addTraceObserver(traces::add);
  }

  /** Runs script lines on the world; keeps their output. */
  void run(String... lines) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new ScriptRunner(TOOLS).run(String.join("\n", lines) + "\n", "test", null, new SimulatedHost(world),
        RunOptions.defaults().withEcho(true), out, out);
    output = bytes.toString(StandardCharsets.UTF_8);
  }

  /** The newest trace of a packet whose description starts with {@code packetPrefix}. */
  Trace last(String packetPrefix) {
    for (int i = traces.size() - 1; i >= 0; i--) {
      if (traces.get(i).packet().startsWith(packetPrefix)) {
        return traces.get(i);
      }
    }
    throw new AssertionError("no trace of " + packetPrefix + " among " + traces);
  }
}
