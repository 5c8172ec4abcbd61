package dev.netsim.sim.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ToolRegistryTest {
  private final Tool noop = call -> 0;

  @Test
  void absolutePathsInBinaryFoldersNameTheSameTool() {
    ToolRegistry registry = ToolRegistry.builder().tool("iptables", noop).build();
    assertThat(registry.tool("iptables")).containsSame(noop);
    assertThat(registry.tool("/usr/sbin/iptables")).containsSame(noop);
    assertThat(registry.tool("/sbin/iptables")).containsSame(noop);
    assertThat(registry.tool("./iptables")).isEmpty();
    assertThat(registry.tool("/opt/iptables")).isEmpty();
  }

  @Test
  void aNameIsRegisteredOnce() {
    assertThatThrownBy(() -> ToolRegistry.builder().tool("ip", noop).tool("ip", noop))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("tool `ip' is registered twice");
    assertThatThrownBy(() -> ToolRegistry.builder().preset("p", setup -> { }).preset("p", setup -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("preset `p' is registered twice");
  }

  @Test
  void theShellsOwnNamesAreReserved() {
    assertThatThrownBy(() -> ToolRegistry.builder().tool("nsenter", noop))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("`nsenter' is implemented by the shell itself");
    assertThatThrownBy(() -> ToolRegistry.builder().tool("/bin/x", noop)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toolSetsContributeToolsAndPresets() {
    ToolSet set = registry -> registry.tool("docker", noop).preset("docker-host", setup -> { });
    ToolRegistry registry = ToolRegistry.builder().add(set).build();
    assertThat(registry.toolNames()).containsExactly("docker");
    assertThat(registry.presetNames()).containsExactly("docker-host");
  }

  @Test
  void theStandardRegistryFindsTheToolSetsOnTheClassPath() {
    assertThat(ToolRegistry.standard().toolNames()).contains("echo", "grep", "sort", "wc");
  }
}
