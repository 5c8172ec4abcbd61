package dev.netsim.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.core.time.VirtualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {
  private final VirtualClock clock = new VirtualClock();
  private final Scheduler scheduler = new Scheduler(clock);
  private final List<String> ran = new ArrayList<>();

  @Test
  void settlingRunsWhatIsDueInTheWindowAndStopsTheClockAtTheLastOfIt() {
    scheduler.after(11_000, () -> {
      ran.add("fin");
      scheduler.after(11_000, () -> ran.add("ack"));
    });
    scheduler.after(1_000_000_000L, () -> ran.add("arp retry"));
    scheduler.settle(1_000_000);
    assertThat(ran).containsExactly("fin", "ack");
    assertThat(clock.nanos()).isEqualTo(22_000);
    assertThat(scheduler.idle()).isFalse();
  }

  @Test
  void settlingAQuietMachineLeavesItsTimeAlone() {
    scheduler.settle(1_000_000);
    assertThat(clock.nanos()).isZero();
  }
}
