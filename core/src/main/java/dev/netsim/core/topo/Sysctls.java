package dev.netsim.core.topo;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The sysctl values a namespace was given explicitly (by {@code sysctl -w}, by a write to
 * {@code /proc/sys}, or by the kernel itself as a side effect); everything else has its default, which for
 * per-interface {@code conf} keys is the namespace's current {@code conf.default} value, as in the kernel.
 * Immutable.
 */
public final class Sysctls {
  static final Sysctls NONE = new Sysctls(Map.of());

  private final Map<String, String> written;

  private Sysctls(Map<String, String> written) {
    this.written = written;
  }

  /** The explicitly set value of {@code key}, or null. */
  String written(String key) {
    return written.get(key);
  }

  Sysctls with(String key, String value) {
    Map<String, String> copy = new HashMap<>(written);
    copy.put(key, value);
    return new Sysctls(Map.copyOf(copy));
  }

  /** Drops every written key {@code remove} accepts. */
  Sysctls without(Predicate<String> remove) {
    Map<String, String> copy = new HashMap<>(written);
    if (!copy.keySet().removeIf(remove)) {
      return this;
    }
    return new Sysctls(Map.copyOf(copy));
  }

  /** Moves the per-interface keys of {@code oldName} to {@code newName} (a rename keeps them). */
  Sysctls renamed(String oldName, String newName) {
    Map<String, String> copy = new HashMap<>();
    boolean changed = false;
    for (Map.Entry<String, String> entry : written.entrySet()) {
      String renamed = renameKey(entry.getKey(), oldName, newName);
      changed |= !renamed.equals(entry.getKey());
      copy.put(renamed, entry.getValue());
    }
    return changed ? new Sysctls(Map.copyOf(copy)) : this;
  }

  /** Whether {@code key} is a per-interface key of device {@code name}. */
  static boolean isInterfaceKey(String key, String name) {
    String family = SysctlSchema.familyOf(key);
    return family != null && key.startsWith(family + name + ".")
        && key.indexOf('.', family.length() + name.length() + 1) < 0;
  }

  private static String renameKey(String key, String oldName, String newName) {
    if (!isInterfaceKey(key, oldName)) {
      return key;
    }
    String family = SysctlSchema.familyOf(key);
    return family + newName + key.substring(family.length() + oldName.length());
  }
}
