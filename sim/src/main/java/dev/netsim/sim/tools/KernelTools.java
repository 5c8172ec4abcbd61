package dev.netsim.sim.tools;

import dev.netsim.sim.shell.ToolRegistry;
import dev.netsim.sim.shell.ToolSet;
import dev.netsim.sim.tools.iptables.IptablesTools;
import dev.netsim.sim.tools.probe.PingTool;

/** The simulated host's programs: ip and friends, the iptables tools, and the probes. */
public final class KernelTools implements ToolSet {
  @Override
  public void registerWith(ToolRegistry.Builder registry) {
    NetworkTools.all().forEach(registry::tool);
    IptablesTools.all().forEach(registry::tool);
    registry.tool("ping", new PingTool());
  }
}
