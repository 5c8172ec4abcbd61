package dev.netsim.sim.shell;

import dev.netsim.sim.World;
import java.io.IOException;

/**
 * The simulated machine as the script runner sees it: the world the tools act on, and the few things the
 * shell itself needs from it (sysctls behind {@code /proc/sys}, the names behind {@code /var/run/netns},
 * and time passing for {@code sleep} and {@code wait}).
 */
public interface ShellHost {
  World world();

  /** The sysctls behind {@code /proc/sys}. */
  ProcSys procSys();

  /** Whether {@code /var/run/netns/NAME} exists, i.e. {@code ip netns list} shows NAME. */
  boolean netnsExists(String name);

  /**
   * Lets virtual time pass up to {@code atNanos}, running whatever the simulation has scheduled until
   * then (packets in flight, timers, background probes).
   */
  void advanceTo(long atNanos);

  /**
   * Lets what is already in flight arrive before the next line starts, as it would in the moment a real shell
   * takes to read that line: events due within {@code windowNanos}, the clock stopping at the last of them.
   */
  default void settle(long windowNanos) {}

  /** What {@code hostname} prints and {@code $HOSTNAME} holds. */
  default String hostname() {
    return "netsim";
  }

  /**
   * A host without a kernel model: no sysctls, no named namespaces, and time that only moves the clock.
   * For embedders that run text tools only, and until a world provides its own host.
   */
  static ShellHost clockOnly(World world) {
    return new ShellHost() {
      @Override
      public World world() {
        return world;
      }

      @Override
      public ProcSys procSys() {
        return new ProcSys() {
          @Override
          public String read(String netns, String key) throws IOException {
            throw new IOException("No such file or directory");
          }

          @Override
          public void write(String netns, String key, String value) throws IOException {
            throw new IOException("No such file or directory");
          }
        };
      }

      @Override
      public boolean netnsExists(String name) {
        return false;
      }

      @Override
      public void advanceTo(long atNanos) {
        world.clock().advanceTo(atNanos);
      }
    };
  }
}
