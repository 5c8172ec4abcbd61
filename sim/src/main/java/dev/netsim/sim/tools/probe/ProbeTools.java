package dev.netsim.sim.tools.probe;

import dev.netsim.sim.shell.ToolRegistry;
import dev.netsim.sim.shell.ToolSet;
import dev.netsim.sim.tools.inspect.ConntrackTool;
import dev.netsim.sim.tools.inspect.SsTool;

/** The probe and inspection programs scripts use besides ping: nc, curl, ss and conntrack. */
public final class ProbeTools implements ToolSet {
  @Override
  public void registerWith(ToolRegistry.Builder registry) {
    registry.tool("nc", new NcTool());
    registry.tool("curl", new CurlTool());
    registry.tool("conntrack", new ConntrackTool());
    registry.tool("ss", new SsTool());
  }
}
