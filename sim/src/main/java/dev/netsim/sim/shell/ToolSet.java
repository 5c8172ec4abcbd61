package dev.netsim.sim.shell;

/**
 * A family of tools (and presets) contributed to the {@link ToolRegistry}: the {@code ip} tools, the
 * iptables tools, {@code docker}, the text filters, ...
 *
 * <p>{@link ToolRegistry#standard()} finds every implementation listed in
 * {@code META-INF/services/dev.netsim.sim.shell.ToolSet} (one class name per line; each class has a public
 * no-argument constructor), so adding a family is one class and one line there.
 */
public interface ToolSet {
  /** Adds this family's tools and presets. */
  void registerWith(ToolRegistry.Builder registry);
}
