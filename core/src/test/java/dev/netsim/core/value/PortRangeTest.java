package dev.netsim.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PortRangeTest {
  @Test
  void printsAsIptablesSaves() {
    assertThat(PortRange.of(80)).hasToString("80");
    assertThat(new PortRange(1024, 65535)).hasToString("1024:65535");
    assertThat(PortRange.ALL.isAll()).isTrue();
    assertThat(new PortRange(10, 20).contains(20)).isTrue();
    assertThat(new PortRange(10, 20).contains(21)).isFalse();
  }

  @Test
  void refusesInvertedOrOutOfRange() {
    assertThatThrownBy(() -> new PortRange(20, 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PortRange(0, 65536)).isInstanceOf(IllegalArgumentException.class);
  }
}
