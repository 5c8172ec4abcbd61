package dev.netsim.sim.shell;

/**
 * A named starting state for the machine ({@code netsim run --preset docker-host}), applied to a fresh
 * world before the script runs. Register one with {@link ToolRegistry.Builder#preset}.
 */
@FunctionalInterface
public interface Preset {
  /** Brings the machine to the preset's state. */
  void apply(PresetSetup setup);
}
