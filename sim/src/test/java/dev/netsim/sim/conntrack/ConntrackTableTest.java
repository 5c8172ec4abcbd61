package dev.netsim.sim.conntrack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.core.value.Ipv4;
import dev.netsim.sim.World;
import dev.netsim.sim.shell.RunOptions;
import dev.netsim.sim.shell.ScriptRunner;
import dev.netsim.sim.shell.ToolRegistry;
import dev.netsim.sim.tools.SimulatedHost;
import dev.netsim.sim.trace.Disposition;
import dev.netsim.sim.trace.Trace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The conntrack table at its limit, as Linux's {@code __nf_conntrack_alloc} and {@code early_drop} behave:
 * a full table makes room by dropping an unassured entry; when every entry is assured, the new connection's
 * packet is dropped ("nf_conntrack: table full, dropping packet"); {@code nf_conntrack_max} 0 is no limit.
 */
class ConntrackTableTest {
  private static final long NOW = 1_000_000_000L;

  private static Connection confirmed(ConntrackTable table, int port, boolean assured) {
    Connection connection = unconfirmed(table, port);
    if (assured) {
      connection.set(Connection.ASSURED);
    }
    assertThat(table.confirm(connection, NOW)).isTrue();
    return connection;
  }

  /** A new TCP connection from port {@code port}, with an established connection's timeout (five days). */
  private static Connection unconfirmed(ConntrackTable table, int port) {
    Connection connection = table.create(new ConnTuple(Ipv4.parse("192.0.2.2").bits(),
        Ipv4.parse("198.51.100.2").bits(), 6, port, 80), 0, NOW);
    connection.refresh(NOW, 432_000);
    return connection;
  }

  @Test
  void aFullTableOfAssuredEntriesRefusesANewOne() {
    ConntrackTable table = new ConntrackTable();
    table.setMax(3);
    for (int port = 1000; port < 1003; port++) {
      confirmed(table, port, true);
    }
    assertThat(table.confirm(unconfirmed(table, 2000), NOW)).isFalse();
    assertThat(table.size(NOW)).isEqualTo(3);
  }

  @Test
  void aFullTableDropsTheOldestUnassuredEntryForANewOne() {
    ConntrackTable table = new ConntrackTable();
    table.setMax(3);
    confirmed(table, 1000, true);
    Connection unassured = confirmed(table, 1001, false);
    confirmed(table, 1002, true);
    Connection fresh = unconfirmed(table, 2000);
    assertThat(table.confirm(fresh, NOW)).isTrue();
    assertThat(table.entries(NOW)).hasSize(3).contains(fresh).doesNotContain(unassured);
  }

  @Test
  void zeroIsNoLimitAndANegativeValueIsAnUnsignedOne() {
    for (int max : new int[] {0, -1}) {
      ConntrackTable table = new ConntrackTable();
      table.setMax(max);
      for (int port = 1000; port < 1100; port++) {
        confirmed(table, port, true);
      }
      assertThat(table.size(NOW)).isEqualTo(100);
    }
  }

  @Test
  void aForwardedPacketMeetingAFullTableIsDroppedAndTheTraceSaysSo() {
    World world = new World();
    List<Trace> traces = new ArrayList<>();
    world.kernel().addTraceObserver(traces::add);
    String router = String.join("\n", "ip netns add C", "ip netns add R", "ip netns add S",
        "ip link add c0 netns C type veth peer name r0 netns R", "ip link add r1 netns R type veth peer name s0 netns S",
        "ip netns exec C ip addr add 192.0.2.2/24 dev c0", "ip netns exec R ip addr add 192.0.2.1/24 dev r0",
        "ip netns exec R ip addr add 198.51.100.1/24 dev r1", "ip netns exec S ip addr add 198.51.100.2/24 dev s0",
        "ip netns exec C ip link set c0 up", "ip netns exec R ip link set r0 up", "ip netns exec R ip link set r1 up",
        "ip netns exec S ip link set s0 up", "ip netns exec C ip route add default via 192.0.2.1",
        "ip netns exec S ip route add default via 198.51.100.1", "ip netns exec R sysctl -qw net.ipv4.ip_forward=1",
        "ip netns exec R iptables -A FORWARD -m conntrack --ctstate INVALID -j DROP",
        "sysctl -qw net.netfilter.nf_conntrack_max=1") + "\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    ScriptRunner runner = new ScriptRunner(ToolRegistry.standard());
    SimulatedHost host = new SimulatedHost(world);
    runner.run(router, "setup", null, host, RunOptions.defaults(), out, out);
    // an established TCP connection (assured) fills R's table of one
    confirmed(world.kernel().runtime("R").conntrackTable(), 40000, true);

    runner.run("ip netns exec C ping -c 1 -W 1 198.51.100.2\n", "ping", null, host, RunOptions.defaults(), out, out);

    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("1 packets transmitted, 0 received");
    Trace request = traces.stream().filter(t -> t.packet().startsWith("ICMP echo request")).reduce((a, b) -> b)
        .orElseThrow();
    assertThat(request.disposition()).isEqualTo(Disposition.CONNTRACK_TABLE_FULL);
    assertThat(request.reason()).contains("table full");
    assertThat(world.kernel().runtime("R").conntrackTable().size(world.now())).isEqualTo(1);
  }
}
