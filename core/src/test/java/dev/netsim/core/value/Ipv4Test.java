package dev.netsim.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Ipv4Test {
  @Test
  void parsesAndPrintsDottedQuads() {
    assertThat(Ipv4.parse("10.0.2.15").bits()).isEqualTo(0x0a00020f);
    assertThat(Ipv4.parse("255.255.255.255")).isEqualTo(Ipv4.BROADCAST);
    assertThat(Ipv4.parse("0.0.0.0")).isEqualTo(Ipv4.ANY);
    assertThat(Ipv4.of(172, 17, 0, 2)).hasToString("172.17.0.2");
    assertThat(Ipv4.parse("192.168.50.10").octet(2)).isEqualTo(50);
  }

  @ParameterizedTest
  @ValueSource(strings = {"300.1.2.3", "1.2.3", "1.2.3.4.5", "a.b.c.d", "", "1..2.3", "1.2.3.4 ", "-1.2.3.4", "0001.2.3.4"})
  void rejectsWhatIsNotADottedQuad(String text) {
    assertThat(Ipv4.isValid(text)).isFalse();
    assertThatThrownBy(() -> Ipv4.parse(text))
        .isInstanceOf(InvalidValueException.class)
        .hasMessage("invalid address `" + text + "'");
  }

  @Test
  void ordersUnsigned() {
    assertThat(Ipv4.parse("200.0.0.1")).isGreaterThan(Ipv4.parse("10.0.0.1"));
    assertThat(Ipv4.parse("200.0.0.1").unsigned()).isEqualTo(3355443201L);
  }

  @Test
  void classifiesSpecialAddresses() {
    assertThat(Ipv4.parse("127.0.0.53").isLoopback()).isTrue();
    assertThat(Ipv4.parse("224.0.0.1").isMulticast()).isTrue();
    assertThat(Ipv4.parse("11.11.11.2").isLoopback()).isFalse();
  }
}
