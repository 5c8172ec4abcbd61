package dev.netsim.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netsim.core.state.NeighbourTable.Resolution;
import dev.netsim.core.topo.Errno;
import dev.netsim.core.topo.KernelException;
import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Mac;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The state sequences of sim/src/test/resources/kernel/topology/reference/neighbours-ping.txt (RED 11.11.11.2
 * pings BLUE 11.11.11.3 over a veth pair, then waits, then pings a missing host), replayed on two tables
 * whose probes the other side answers.
 */
class NeighbourTableTest {
  private static final long S = 1_000_000_000L;
  private static final int RED_IF = 2;
  private static final int BLUE_IF = 2;
  private static final int RED_IP = Ipv4.parse("11.11.11.2").bits();
  private static final int BLUE_IP = Ipv4.parse("11.11.11.3").bits();
  private static final int MISSING_IP = Ipv4.parse("11.11.11.9").bits();
  private static final Mac RED_MAC = Mac.parse("8a:d8:c7:7c:4a:fd");
  private static final Mac BLUE_MAC = Mac.parse("22:a0:18:86:8b:95");

  private final NeighbourTable red = new NeighbourTable(i -> NeighbourParams.DEFAULTS);
  private final NeighbourTable blue = new NeighbourTable(i -> NeighbourParams.DEFAULTS);
  private final List<String> probes = new ArrayList<>();

  NeighbourTableTest() {
    red.setProbeSink(answeringProbe("red", blue, BLUE_IP, BLUE_MAC, red));
    blue.setProbeSink(answeringProbe("blue", red, RED_IP, RED_MAC, blue));
  }

  /** Probes for the other side's address get answered at once; others go unanswered. */
  private ProbeSink answeringProbe(String name, NeighbourTable other, int otherIp, Mac otherMac, NeighbourTable self) {
    return new ProbeSink() {
      @Override
      public void probe(NeighbourEntry entry, boolean unicast) {
        probes.add(name + (unicast ? " unicast " : " broadcast ") + entry.address());
        if (entry.address().bits() == otherIp) {
          self.confirm(entry.ifindex(), otherIp, otherMac, entry.updated());
        }
      }

      @Override
      public void failed(NeighbourEntry entry) {
        probes.add(name + " failed " + entry.address());
      }
    };
  }

  /** One ping from RED to BLUE at {@code now}, with its ARP exchange. */
  private void ping(long now) {
    if (red.resolve(RED_IF, BLUE_IP, now) == Resolution.SOLICIT) {
      blue.learnFromRequest(BLUE_IF, RED_IP, RED_MAC, now);
      blue.resolve(BLUE_IF, RED_IP, now); // the ARP reply goes to the STALE entry just made
      red.confirm(RED_IF, BLUE_IP, BLUE_MAC, now);
    }
    assertThat(red.resolve(RED_IF, BLUE_IP, now)).isEqualTo(Resolution.READY);
    blue.resolve(BLUE_IF, RED_IP, now); // the echo reply
  }

  private NeighbourState redState(long now) {
    red.advance(now);
    return red.lookup(RED_IF, BLUE_IP).state();
  }

  private NeighbourState blueState(long now) {
    blue.advance(now);
    return blue.lookup(BLUE_IF, RED_IP).state();
  }

  @Test
  void pingThenWaitThenPingAgain() {
    ping(3 * S);
    assertThat(redState(3 * S)).isEqualTo(NeighbourState.REACHABLE);
    assertThat(red.lookup(RED_IF, BLUE_IP).probes()).isEqualTo(4); // ip -s neigh: "probes 4"
    assertThat(red.lookup(RED_IF, BLUE_IP).mac()).isEqualTo(BLUE_MAC);
    assertThat(blueState(3 * S)).isEqualTo(NeighbourState.DELAY);
    assertThat(blueState(9 * S)).isEqualTo(NeighbourState.REACHABLE);
    assertThat(blue.lookup(BLUE_IF, RED_IP).probes()).isEqualTo(1); // "probes 1"
    assertThat(probes).containsExactly("blue unicast 11.11.11.2");
    assertThat(redState(59 * S)).isEqualTo(NeighbourState.STALE);
    assertThat(blueState(59 * S)).isEqualTo(NeighbourState.STALE);
    ping(59 * S);
    assertThat(redState(59 * S)).isEqualTo(NeighbourState.DELAY);
    assertThat(redState(61 * S)).isEqualTo(NeighbourState.DELAY);
    assertThat(redState(65 * S)).isEqualTo(NeighbourState.REACHABLE);
    assertThat(red.lookup(RED_IF, BLUE_IP).probes()).isEqualTo(1);
  }

  @Test
  void unansweredResolutionFailsAfterThreeBroadcasts() {
    assertThat(red.resolve(RED_IF, MISSING_IP, 0)).isEqualTo(Resolution.SOLICIT);
    assertThat(red.resolve(RED_IF, MISSING_IP, S / 2)).isEqualTo(Resolution.QUEUED);
    assertThat(red.lookup(RED_IF, MISSING_IP).mac()).isNull();
    red.advance(2 * S);
    assertThat(red.lookup(RED_IF, MISSING_IP).state()).isEqualTo(NeighbourState.INCOMPLETE);
    red.advance(3 * S);
    assertThat(red.lookup(RED_IF, MISSING_IP).state()).isEqualTo(NeighbourState.FAILED);
    assertThat(probes).containsExactly("red broadcast 11.11.11.9", "red broadcast 11.11.11.9", "red failed 11.11.11.9");
    // the next packet tries again
    assertThat(red.resolve(RED_IF, MISSING_IP, 10 * S)).isEqualTo(Resolution.SOLICIT);
  }

  @Test
  void reachableEntryInUseGoesToDelayInsteadOfStale() {
    ping(0);
    red.resolve(RED_IF, BLUE_IP, 28 * S);
    assertThat(redState(30 * S)).isEqualTo(NeighbourState.DELAY);
  }

  @Test
  void requestWithSameMacKeepsAValidEntry() {
    ping(0);
    red.learnFromRequest(RED_IF, BLUE_IP, BLUE_MAC, S);
    assertThat(redState(S)).isEqualTo(NeighbourState.REACHABLE);
    red.learnFromRequest(RED_IF, BLUE_IP, Mac.parse("02:00:00:00:00:99"), 2 * S);
    assertThat(redState(2 * S)).isEqualTo(NeighbourState.STALE);
    assertThat(red.confirm(RED_IF, MISSING_IP, BLUE_MAC, 2 * S)).isFalse();
  }

  @Test
  void staticEntriesAddReplaceDeleteAndFlush() {
    Mac mac = Mac.parse("02:00:00:00:00:20");
    int permanent = Ipv4.parse("11.11.11.20").bits();
    int reachable = Ipv4.parse("11.11.11.21").bits();
    red.set(RED_IF, permanent, mac, NeighbourState.PERMANENT, true, false, 0);
    red.set(RED_IF, reachable, mac, NeighbourState.REACHABLE, true, false, 0);
    assertThatThrownBy(() -> red.set(RED_IF, permanent, mac, NeighbourState.PERMANENT, true, false, 0))
        .isInstanceOfSatisfying(KernelException.class, k -> assertThat(k.errno()).isEqualTo(Errno.EEXIST));
    red.set(RED_IF, permanent, Mac.parse("02:00:00:00:00:23"), NeighbourState.PERMANENT, true, true, 0);
    assertThat(red.lookup(RED_IF, permanent).mac()).isEqualTo(Mac.parse("02:00:00:00:00:23"));
    red.advance(100 * S);
    assertThat(red.lookup(RED_IF, reachable).state()).isEqualTo(NeighbourState.STALE);
    assertThat(red.flush(e -> true)).isEqualTo(1);
    assertThat(red.entries()).extracting(NeighbourEntry::state).containsExactly(NeighbourState.PERMANENT);
    red.delete(RED_IF, permanent);
    assertThatThrownBy(() -> red.delete(RED_IF, permanent))
        .isInstanceOfSatisfying(KernelException.class, k -> assertThat(k.errno()).isEqualTo(Errno.ENOENT));
    assertThat(red.size()).isZero();
  }

  @Test
  void deviceGoingAwayTakesItsEntries() {
    ping(0);
    red.set(RED_IF, MISSING_IP, RED_MAC, NeighbourState.PERMANENT, true, false, 0);
    red.forgetDevice(RED_IF, false);
    assertThat(red.entries()).extracting(NeighbourEntry::state).containsExactly(NeighbourState.PERMANENT);
    red.forgetDevice(RED_IF, true);
    assertThat(red.size()).isZero();
  }

  @Test
  void entriesAreListedNewestFirst() {
    ping(0);
    red.resolve(RED_IF, MISSING_IP, S);
    assertThat(red.entries()).extracting(NeighbourEntry::address)
        .containsExactly(Ipv4.parse("11.11.11.9"), Ipv4.parse("11.11.11.3"));
  }
}
