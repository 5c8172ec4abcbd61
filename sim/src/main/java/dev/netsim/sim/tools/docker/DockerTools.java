package dev.netsim.sim.tools.docker;

import dev.netsim.sim.shell.ToolRegistry;
import dev.netsim.sim.shell.ToolSet;

/** {@code docker} and {@code systemctl}, and the {@code docker-host} preset (also called {@code docker}). */
public final class DockerTools implements ToolSet {
  @Override
  public void registerWith(ToolRegistry.Builder registry) {
    registry.tool("docker", new DockerCli());
    registry.tool("systemctl", new Systemctl());
    DockerHostPreset preset = new DockerHostPreset();
    registry.preset("docker-host", preset);
    registry.preset("docker", preset);
  }
}
