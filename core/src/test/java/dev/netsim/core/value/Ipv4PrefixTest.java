package dev.netsim.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ipv4PrefixTest {
  @ParameterizedTest
  @CsvSource({
    "10.1.2.3/8, 10.0.0.0/8",
    "10.1.2.3/255.0.0.0, 10.0.0.0/8",
    "172.17.0.2, 172.17.0.2/32",
    "0.0.0.0/0, 0.0.0.0/0",
    "11.11.11.7/24, 11.11.11.0/24",
    "10.1.2.3/255.0.255.0, 10.0.2.0/255.0.255.0",
    "192.168.1.1/32, 192.168.1.1/32"
  })
  void clearsHostBitsAndPrintsAsIptablesSaves(String text, String printed) {
    assertThat(Ipv4Prefix.parse(text)).hasToString(printed);
  }

  @Test
  void knowsLengthMembershipAndBroadcast() {
    Ipv4Prefix docker = Ipv4Prefix.parse("172.17.0.0/16");
    assertThat(docker.length()).isEqualTo(16);
    assertThat(docker.contains(Ipv4.parse("172.17.255.1"))).isTrue();
    assertThat(docker.contains(Ipv4.parse("172.18.0.1"))).isFalse();
    assertThat(docker.broadcast()).hasToString("172.17.255.255");
    assertThat(Ipv4Prefix.parse("1.0.0.0/255.0.255.0").length()).isEqualTo(-1);
    assertThat(Ipv4Prefix.ANY.contains(Ipv4.parse("8.8.8.8"))).isTrue();
  }

  @Test
  void namesTheBadPart() {
    assertThatThrownBy(() -> Ipv4Prefix.parse("300.1.2.3/24")).hasMessage("invalid address `300.1.2.3'");
    assertThatThrownBy(() -> Ipv4Prefix.parse("10.0.0.0/33")).hasMessage("invalid mask `33'");
    assertThatThrownBy(() -> Ipv4Prefix.parse("10.0.0.0/")).hasMessage("invalid mask `'");
    assertThatThrownBy(() -> Ipv4Prefix.parse("10.0.0.0/255.0.0")).hasMessage("invalid mask `255.0.0'");
    assertThatThrownBy(() -> Ipv4Prefix.parse("10.0.0.0/x")).hasMessage("invalid mask `x'");
  }
}
