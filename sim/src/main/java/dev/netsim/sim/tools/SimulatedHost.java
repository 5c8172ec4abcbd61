package dev.netsim.sim.tools;

import dev.netsim.core.topo.KernelException;
import dev.netsim.core.topo.Namespace;
import dev.netsim.sim.World;
import dev.netsim.sim.shell.ProcSys;
import dev.netsim.sim.shell.ShellHost;
import java.io.IOException;

/**
 * The host a script runs on: a {@link World} with its kernel. {@code /proc/sys} is the namespaces' sysctls,
 * {@code /var/run/netns} lists the named namespaces, and waiting lets the kernel's scheduled work run.
 */
public final class SimulatedHost implements ShellHost {
  private final World world;

  public SimulatedHost(World world) {
    this.world = world;
  }

  @Override
  public World world() {
    return world;
  }

  @Override
  public ProcSys procSys() {
    return new ProcSys() {
      @Override
      public String read(String netns, String key) throws IOException {
        try {
          return world.readSysctl(netns, key);
        } catch (KernelException | IllegalArgumentException e) {
          throw new IOException(message(e));
        }
      }

      @Override
      public void write(String netns, String key, String value) throws IOException {
        try {
          world.writeSysctl(netns, key, value);
        } catch (KernelException | IllegalArgumentException e) {
          throw new IOException(message(e));
        }
      }
    };
  }

  private static String message(RuntimeException e) {
    return e instanceof KernelException kernel ? kernel.errno().message() : "No such file or directory";
  }

  @Override
  public boolean netnsExists(String name) {
    Namespace ns = world.namespace(name);
    return ns != null && !ns.isHost() && ns.listed();
  }

  @Override
  public void advanceTo(long atNanos) {
    world.kernel().scheduler().runUntil(atNanos);
  }

  @Override
  public void settle(long windowNanos) {
    world.kernel().scheduler().settle(windowNanos);
  }
}
