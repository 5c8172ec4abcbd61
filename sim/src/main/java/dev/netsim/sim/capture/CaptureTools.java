package dev.netsim.sim.capture;

import dev.netsim.sim.shell.ToolRegistry;
import dev.netsim.sim.shell.ToolSet;

/** The capture programs a script can run: {@code tcpdump}, on the machine the script drives. */
public final class CaptureTools implements ToolSet {
  @Override
  public void registerWith(ToolRegistry.Builder registry) {
    registry.tool("tcpdump", new TcpdumpTool(WorldTcpdumpHost::new));
  }
}
