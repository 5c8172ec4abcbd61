package dev.netsim.sim.tools;

import dev.netsim.sim.shell.Tool;
import dev.netsim.sim.tools.iproute.IpTool;
import java.util.Map;

/** The network configuration programs netsim simulates, by the name a script calls them. */
public final class NetworkTools {
  private NetworkTools() {}

  /** {@code ip}, {@code bridge}, {@code brctl}, {@code sysctl}, {@code ifconfig}, {@code route}, {@code lsns}, {@code tree}. */
  public static Map<String, Tool> all() {
    return Map.of("ip", new IpTool());
  }
}
