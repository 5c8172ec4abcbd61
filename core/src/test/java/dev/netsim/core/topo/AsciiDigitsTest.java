package dev.netsim.core.topo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The kernel and iproute2 read ASCII digits only: digits of other scripts are not numbers to them. */
class AsciiDigitsTest {
  @Test
  void aSysctlValueInOtherDigitsIsInvalid() {
    assertThat(SysctlResolver.parseValue("0", "1")).isEqualTo("1");
    assertThatThrownBy(() -> SysctlResolver.parseValue("0", "\u0661")).isInstanceOf(KernelException.class);
    assertThatThrownBy(() -> SysctlResolver.parseValue("0", "\uff11")).isInstanceOf(KernelException.class);
  }

  @Test
  void aRouteProtocolInOtherDigitsIsNotANumber() {
    assertThat(RouteProtocol.parse("42")).isEqualTo(new RouteProtocol(42));
    assertThat(RouteProtocol.parse("\u0664\u0662")).isNull();
  }
}
