package dev.netsim.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VirtualClockTest {
  @Test
  void onlyMovesForward() {
    VirtualClock clock = new VirtualClock();
    assertThat(clock.nanos()).isZero();
    clock.advance(1_500_000_000L);
    assertThat(clock.seconds()).isEqualTo(1);
    clock.advanceTo(1_000_000_000L);
    assertThat(clock.nanos()).isEqualTo(1_500_000_000L);
    clock.advanceTo(3_000_000_000L);
    assertThat(clock.seconds()).isEqualTo(3);
    assertThatThrownBy(() -> clock.advance(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
