package dev.netsim.sim.tools.iproute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.sim.World;
import dev.netsim.sim.shell.RunOptions;
import dev.netsim.sim.shell.ScriptRunner;
import dev.netsim.sim.shell.ToolRegistry;
import dev.netsim.sim.tools.SimulatedHost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code ip link} settings beyond the kernel-checked transcripts (conformance script 42 has the rest). */
class IpLinkOptionsTest {
  private final World world = new World();

  private String run(String script) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new ScriptRunner(ToolRegistry.standard()).run(script, "test", null, new SimulatedHost(world),
        RunOptions.defaults().withEcho(true), out, out);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theQueueLengthIsKeptAndHiddenWhenZero() {
    run("ip link add br9 type bridge\nip link set br9 txqueuelen 0\n");
    assertThat(world.topology().namespace("").link("br9").txQueueLength()).isZero();
    assertThat(run("ip link show br9\n")).contains("group default \n");
    run("ip link set br9 qlen 7\n");
    assertThat(run("ip link show br9\n")).contains("group default qlen 7\n");
  }

  @Test
  void deviceFlagsNetsimDoesNotModelAreReportedNotIgnored() {
    run("ip link add br9 type bridge\n");
    assertThat(run("ip link set br9 promisc on\n"))
        .contains("netsim: not simulated: ip link ... promisc (device flags and labels are not modelled)")
        .contains("[exit 127]");
    assertThat(run("ip link show br9\n")).doesNotContain("PROMISC");
  }
}
