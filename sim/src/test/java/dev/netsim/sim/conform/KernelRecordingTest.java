package dev.netsim.sim.conform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelRecordingTest {
  @Test
  void blocksThatDifferBetweenRunsAfterNormalisationAreMarkedUnstable() {
    // Two kernel runs of the same lines; the neighbour state differed (DELAY vs REACHABLE), the MACs and
    // round-trip times differ as they always do.
    Transcript one = Transcript.parse("""
        $ ip netns exec BLUE ip neigh
        11.11.11.2 dev beth0 lladdr 66:d9:8e:0a:12:8a DELAY 
        $ ping -c 1 -W 1 11.11.11.2
        64 bytes from 11.11.11.2: icmp_seq=1 ttl=64 time=0.405 ms
        """);
    Transcript two = Transcript.parse("""
        $ ip netns exec BLUE ip neigh
        11.11.11.2 dev beth0 lladdr 3a:01:8e:0a:12:8a REACHABLE 
        $ ping -c 1 -W 1 11.11.11.2
        64 bytes from 11.11.11.2: icmp_seq=1 ttl=64 time=0.203 ms
        """);
    Transcript recorded = KernelRecording.of(List.of(one, two));
    assertThat(recorded.blocks()).extracting(Block::unstable).containsExactly(true, false);
    assertThat(recorded.blocks().get(1).output()).containsExactly("64 bytes from 11.11.11.2: icmp_seq=1 ttl=64 time=0.405 ms");
  }

  @Test
  void aLiveRunKeepsTheRecordingsUnstableMarks() {
    Transcript recording = Transcript.parse("""
        $ ip -br link
        [unstable]
        br0              UP             5e:8f:d5:88:ae:7b <BROADCAST,MULTICAST,UP,LOWER_UP> 
        $ ip netns add A
        """);
    Transcript live = Transcript.parse("""
        $ ip -br link
        br0              DOWN           ee:44:ff:01:73:d3 <NO-CARRIER,BROADCAST,MULTICAST,UP,LOWER_UP> 
        $ ip netns add A
        """);
    assertThat(KernelRecording.withUnstableOf(live, recording).blocks()).extracting(Block::unstable)
        .containsExactly(true, false);
    // A block whose command changed since the recording keeps the live run's own verdict.
    Transcript edited = Transcript.parse("""
        $ ip link
        br0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500
        $ ip netns add A
        """);
    assertThat(KernelRecording.withUnstableOf(edited, recording).blocks()).extracting(Block::unstable)
        .containsExactly(false, false);
  }

  @Test
  void recordingLivesNextToTheScript() {
    assertThat(KernelRecording.pathFor(Path.of("examples/conformance/01-veth-pair.sh")))
        .isEqualTo(Path.of("examples/conformance/01-veth-pair.kernel.txt"));
  }
}
