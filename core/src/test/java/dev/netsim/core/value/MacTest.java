package dev.netsim.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacTest {
  @Test
  void parsesAndPrintsLowerCase() {
    assertThat(Mac.parse("02:42:AC:11:00:02")).hasToString("02:42:ac:11:00:02");
    assertThat(Mac.parse("2:42:ac:11:0:2")).hasToString("02:42:ac:11:00:02");
    assertThat(Mac.parse("ff:ff:ff:ff:ff:ff").isBroadcast()).isTrue();
    assertThat(Mac.parse("01:00:5e:00:00:01").isMulticast()).isTrue();
    assertThat(Mac.parse("02:42:ac:11:00:02").isMulticast()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"02:42:ac:11:00", "02:42:ac:11:00:02:03", "02:42:ac:11:00:0g", "024:2:ac:11:00:02", "::::::"})
  void rejectsMalformed(String text) {
    assertThatThrownBy(() -> Mac.parse(text)).hasMessage("invalid MAC address `" + text + "'");
  }
}
