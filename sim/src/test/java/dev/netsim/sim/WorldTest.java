package dev.netsim.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netsim.core.state.BridgeFdb;
import dev.netsim.core.state.FdbEntry;
import dev.netsim.core.state.NeighbourState;
import dev.netsim.core.topo.Errno;
import dev.netsim.core.topo.KernelException;
import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Mac;
import org.junit.jupiter.api.Test;

class WorldTest {
  private static final long S = 1_000_000_000L;
  private final World world = new World();

  private int index(String netns, String name) {
    return world.namespace(netns).link(name).index();
  }

  @Test
  void sysctlsReadAndWriteLikeProcSys() {
    world.change(e -> e.addNamespace("RED"));
    assertThat(world.readSysctl("RED", "net/ipv4/ip_forward")).isEqualTo("0");
    world.writeSysctl("RED", "net.ipv4.ip_forward", "1\n");
    assertThat(world.readSysctl("RED", "net.ipv4.ip_forward")).isEqualTo("1");
    assertThat(world.readSysctl("RED", "net.ipv4.conf.all.forwarding")).isEqualTo("1");
    assertThat(world.readSysctl("", "net.ipv4.ip_forward")).isEqualTo("0");
    assertThatThrownBy(() -> world.readSysctl("RED", "net.ipv4.nothing"))
        .isInstanceOfSatisfying(KernelException.class, k -> assertThat(k.errno()).isEqualTo(Errno.ENOENT));
    assertThatThrownBy(() -> world.writeSysctl("RED", "net.ipv4.ip_forward", "yes"))
        .isInstanceOfSatisfying(KernelException.class, k -> assertThat(k.errno()).isEqualTo(Errno.EINVAL));
    assertThatThrownBy(() -> world.writeSysctl("RED", "net.netfilter.nf_conntrack_count", "3"))
        .isInstanceOfSatisfying(KernelException.class, k -> assertThat(k.errno()).isEqualTo(Errno.EACCES));
    assertThat(world.readSysctl("RED", "net.ipv4.ip_forward")).isEqualTo("1");
  }

  @Test
  void aRefusedChangeLeavesTheWorldAsItWas() {
    var before = world.topology();
    assertThatThrownBy(() -> world.change(e -> {
      e.addNamespace("RED");
      e.addNamespace("RED");
    })).isInstanceOf(KernelException.class);
    assertThat(world.topology()).isSameAs(before);
    assertThat(world.namespace("RED")).isNull();
  }

  @Test
  void neighbourEntriesGoWithTheirDevice() {
    world.change(e -> {
      e.addVeth("", "v0", "", "v1");
      e.setUp("", "v0", true);
      e.setUp("", "v1", true);
    });
    int v0 = index("", "v0");
    var table = world.neighbours("");
    table.set(v0, Ipv4.parse("10.0.0.5").bits(), Mac.parse("02:00:00:00:00:05"), NeighbourState.PERMANENT, true,
        false, world.now());
    table.set(v0, Ipv4.parse("10.0.0.6").bits(), Mac.parse("02:00:00:00:00:06"), NeighbourState.STALE, true,
        false, world.now());
    world.change(e -> e.setUp("", "v1", false)); // carrier lost: dynamic entries go
    assertThat(world.neighbours("").entries()).extracting(en -> en.state()).containsExactly(NeighbourState.PERMANENT);
    world.change(e -> e.setUp("", "v0", false)); // device down: all go
    assertThat(world.neighbours("").size()).isZero();
  }

  @Test
  void fdbFollowsTheTopology() {
    world.change(e -> {
      e.addBridge("", "br0");
      e.addVeth("", "p0", "", "x0");
      e.addVeth("", "p1", "", "x1");
      e.setMac("", "p0", Mac.parse("02:00:00:00:00:10"));
      e.setMac("", "p1", Mac.parse("02:00:00:00:00:11"));
      e.setMaster("", "p0", "br0");
      e.setMaster("", "p1", "br0");
      for (String name : new String[] {"br0", "p0", "p1"}) {
        e.setUp("", name, true);
      }
    });
    int bridge = index("", "br0");
    int p1 = index("", "p1");
    BridgeFdb fdb = world.fdb("", bridge);
    assertThat(fdb.forward(Mac.parse("02:00:00:00:00:11"), world.now())).isEqualTo(BridgeFdb.LOCAL);
    fdb.learn(p1, Mac.parse("02:00:00:00:00:99"), world.now());
    assertThat(world.fdb("", bridge).learned(world.now())).hasSize(1);
    world.change(e -> e.clearMaster("", "p1"));
    assertThat(world.fdb("", bridge).learned(world.now())).isEmpty();
    assertThat(world.fdb("", bridge).forward(Mac.parse("02:00:00:00:00:11"), world.now())).isEqualTo(BridgeFdb.FLOOD);
    assertThatThrownBy(() -> world.fdb("", index("", "p0"))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPeerComingUpTeachesTheBridgeItsMac() {
    world.change(e -> {
      e.addNamespace("RED");
      e.addBridge("", "br0");
      e.addVeth("RED", "reth0", "", "reth1");
      e.setMaster("", "reth1", "br0");
      e.setUp("", "br0", true);
      e.setUp("", "reth1", true);
    });
    Mac red = world.namespace("RED").link("reth0").mac();
    world.change(e -> e.setUp("RED", "reth0", true));
    world.clock().advance(2 * S);
    var learned = world.fdb("", index("", "br0")).learned(world.now());
    assertThat(learned).extracting(FdbEntry::mac).containsExactly(red);
    assertThat(learned.get(0).port()).isEqualTo(index("", "reth1"));
    // router solicitations keep it fresh for longer than the ageing time
    world.clock().advance(400 * S);
    assertThat(world.fdb("", index("", "br0")).learned(world.now())).extracting(FdbEntry::mac).containsExactly(red);
  }
}
