package dev.netsim.sim.tools.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.sim.World;
import dev.netsim.sim.tools.NetworkToolsHarness;
import org.junit.jupiter.api.Test;

class LsnsToolTest {
  @Test
  void listsEveryNamespaceInLsnsColumns() {
    World world = new World();
    world.change(e -> {
      e.addNamespace("RED");
      e.addNamespace("BLUE");
      e.addVeth("", "veth1", "RED", "veth0");
    });
    String output = NetworkToolsHarness.run(world, "lsns -t net");
    assertThat(output).isEqualTo("""
        $ lsns -t net
                NS TYPE NPROCS  PID USER    NETNSID NSFS            COMMAND
        4026531840 net       1    1 root unassigned                 /sbin/init
        4026532202 net       1 1002 root          0 /run/netns/RED  bash
        4026532203 net       1 1003 root unassigned /run/netns/BLUE bash
        """);
  }

  @Test
  void otherTypesAreNotSimulated() {
    assertThat(NetworkToolsHarness.run(new World(), "lsns -t pid"))
        .contains("netsim: not simulated: lsns -t pid").contains("[exit 127]");
  }
}
