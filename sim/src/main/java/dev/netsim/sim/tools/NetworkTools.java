package dev.netsim.sim.tools;

import dev.netsim.sim.shell.Tool;
import dev.netsim.sim.tools.iproute.BridgeTool;
import dev.netsim.sim.tools.iproute.IpTool;
import dev.netsim.sim.tools.net.BrctlTool;
import dev.netsim.sim.tools.net.IfconfigTool;
import dev.netsim.sim.tools.net.LsnsTool;
import dev.netsim.sim.tools.net.RouteTool;
import dev.netsim.sim.tools.net.SysctlTool;
import dev.netsim.sim.tools.net.TreeTool;
import java.util.Map;

/** The network configuration programs netsim simulates, by the name a script calls them. */
public final class NetworkTools {
  private NetworkTools() {}

  /** {@code ip}, {@code bridge}, {@code brctl}, {@code sysctl}, {@code ifconfig}, {@code route}, {@code lsns}, {@code tree}. */
  public static Map<String, Tool> all() {
    return Map.of(
        "ip", new IpTool(),
        "bridge", new BridgeTool(),
        "brctl", new BrctlTool(),
        "sysctl", new SysctlTool(),
        "ifconfig", new IfconfigTool(),
        "route", new RouteTool(),
        "lsns", new LsnsTool(),
        "tree", new TreeTool());
  }
}
