package dev.netsim.rules.ext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The extensions iptables can load, by name: what {@code -m NAME} and {@code -j NAME} find. Adding an
 * extension is one class and one line in {@link StandardExtensions}.
 */
public final class ExtensionRegistry {
  private final Map<String, MatchModule> matches = new LinkedHashMap<>();
  private final Map<String, TargetModule> targets = new LinkedHashMap<>();

  /** Every extension netsim knows, the set iptables 1.8.9 ships. */
  public static ExtensionRegistry standard() {
    return StandardExtensions.REGISTRY;
  }

  public ExtensionRegistry register(MatchModule module) {
    if (matches.putIfAbsent(module.name(), module) != null) {
      throw new IllegalArgumentException("match " + module.name() + " registered twice");
    }
    return this;
  }

  public ExtensionRegistry register(TargetModule module) {
    if (targets.putIfAbsent(module.name(), module) != null) {
      throw new IllegalArgumentException("target " + module.name() + " registered twice");
    }
    return this;
  }

  /** The match module {@code -m name} loads, or null. */
  public MatchModule match(String name) {
    return matches.get(name);
  }

  /** The target module {@code -j name} loads, or null (then the name may be a chain). */
  public TargetModule target(String name) {
    return targets.get(name);
  }
}
