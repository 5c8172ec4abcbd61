package dev.netsim.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProtocolTest {
  @Test
  void parsesNamesAndNumbers() {
    assertThat(Protocol.parse("tcp")).isEqualTo(Protocol.TCP);
    assertThat(Protocol.parse("TCP")).isEqualTo(Protocol.TCP);
    assertThat(Protocol.parse("17")).isEqualTo(Protocol.UDP);
    assertThat(Protocol.parse("icmp")).isEqualTo(Protocol.ICMP);
    assertThat(Protocol.parse("all")).isEqualTo(Protocol.ALL);
    assertThat(Protocol.parse("0")).isEqualTo(Protocol.ALL);
    assertThat(Protocol.parse("gre").number()).isEqualTo(47);
    assertThat(Protocol.parse("sctp").number()).isEqualTo(132);
  }

  @Test
  void namesNumbersAsEtcProtocolsDoes() {
    assertThat(Protocol.TCP).hasToString("tcp");
    assertThat(new Protocol(47)).hasToString("gre");
    assertThat(new Protocol(250)).hasToString("250");
    assertThat(new Protocol(250).name()).isNull();
  }

  @Test
  void rejectsUnknown() {
    assertThatThrownBy(() -> Protocol.parse("tcpx")).hasMessage("unknown protocol `tcpx'");
    assertThatThrownBy(() -> Protocol.parse("256")).hasMessage("unknown protocol `256'");
  }
}
