package dev.netsim.sim.tools.iproute;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The usage texts {@code ip OBJECT help} prints (recorded from iproute2 6.1), which end the run with 255. */
final class ToolUsage {
  private ToolUsage() {}

  static ToolExit link(IpContext ip) {
    return print(ip, "link");
  }

  static ToolExit address(IpContext ip) {
    return print(ip, "address");
  }

  static ToolExit route(IpContext ip) {
    return print(ip, "route");
  }

  static ToolExit neigh(IpContext ip) {
    return print(ip, "neigh");
  }

  static ToolExit netns(IpContext ip) {
    return print(ip, "netns");
  }

  private static ToolExit print(IpContext ip, String object) {
    try (InputStream in = ToolUsage.class.getResourceAsStream("usage-" + object + ".txt")) {
      ip.err().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ToolExit(255);
  }
}
