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
  void recordingLivesNextToTheScript() {
    assertThat(KernelRecording.pathFor(Path.of("examples/conformance/01-veth-pair.sh")))
        .isEqualTo(Path.of("examples/conformance/01-veth-pair.kernel.txt"));
  }
}
