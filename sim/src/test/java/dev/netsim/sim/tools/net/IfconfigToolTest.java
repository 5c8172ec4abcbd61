package dev.netsim.sim.tools.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IfconfigToolTest {
  @Test
  void interfacesSortNaturallyAsNetToolsDoes() {
    List<String> names = new ArrayList<>(List.of("veth10", "v1:1", "lo", "veth9", "v1", "docker0", "v0"));
    names.sort(IfconfigTool::naturalCompare);
    assertThat(names).containsExactly("docker0", "lo", "v0", "v1", "v1:1", "veth9", "veth10");
  }
}
