package dev.netsim.core.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServicesTest {
  @Test
  void knowsNetbaseNames() {
    assertThat(Services.name(80, "tcp")).isEqualTo("http");
    assertThat(Services.name(22, "tcp")).isEqualTo("ssh");
    assertThat(Services.name(53, "udp")).isEqualTo("domain");
    assertThat(Services.name(10001, "tcp")).isNull();
    assertThat(Services.port("ssh", "tcp")).isEqualTo(22);
    assertThat(Services.port("www", "tcp")).isEqualTo(80);
    assertThat(Services.port("nosuch", "tcp")).isEqualTo(-1);
  }
}
