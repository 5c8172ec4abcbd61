package dev.netsim.sim.tools;

import dev.netsim.sim.World;

/** Runs tool lines against a world and returns the ktrans-style transcript, for tests in other packages. */
public final class NetworkToolsHarness {
  private NetworkToolsHarness() {}

  public static String run(World world, String script) {
    return new TranscriptRunner(world, NetworkTools.all()).run(script);
  }
}
