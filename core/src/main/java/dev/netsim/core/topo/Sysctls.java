package dev.netsim.core.topo;

import java.util.HashMap;
import java.util.Map;

/**
 * The sysctl values a namespace was given explicitly (by {@code sysctl -w}, by a write to
 * {@code /proc/sys}, or by the kernel itself as a side effect); everything else has its default, which for
 * per-interface {@code conf} keys is the namespace's current {@code conf.default} value, as in the kernel.
 * Immutable; per-interface values are grouped by device so a device's keys go or move in one step.
 */
public final class Sysctls {
  static final Sysctls NONE = new Sysctls(PersistentMap.empty(), PersistentMap.empty());

  private final PersistentMap<String, String> namespaceKeys;
  private final PersistentMap<String, Map<String, String>> interfaceKeys;

  private Sysctls(PersistentMap<String, String> namespaceKeys, PersistentMap<String, Map<String, String>> interfaceKeys) {
    this.namespaceKeys = namespaceKeys;
    this.interfaceKeys = interfaceKeys;
  }

  /** The explicitly set value of {@code key}, or null. */
  String written(String key) {
    String device = deviceOf(key);
    if (device == null) {
      return namespaceKeys.get(key);
    }
    Map<String, String> keys = interfaceKeys.get(device);
    return keys == null ? null : keys.get(key);
  }

  Sysctls with(String key, String value) {
    String device = deviceOf(key);
    if (device == null) {
      return new Sysctls(namespaceKeys.put(key, value), interfaceKeys);
    }
    Map<String, String> keys = new HashMap<>(interfaceKeys.get(device) == null ? Map.of() : interfaceKeys.get(device));
    keys.put(key, value);
    return new Sysctls(namespaceKeys, interfaceKeys.put(device, Map.copyOf(keys)));
  }

  /** Drops the per-interface keys of device {@code name} (it left the namespace). */
  Sysctls withoutDevice(String name) {
    return interfaceKeys.get(name) == null ? this : new Sysctls(namespaceKeys, interfaceKeys.remove(name));
  }

  /** Moves the per-interface keys of {@code oldName} to {@code newName} (a rename keeps them). */
  Sysctls renamed(String oldName, String newName) {
    Map<String, String> keys = interfaceKeys.get(oldName);
    if (keys == null) {
      return this;
    }
    Map<String, String> moved = new HashMap<>();
    keys.forEach((key, value) -> {
      String family = SysctlSchema.familyOf(key);
      moved.put(family + newName + key.substring(family.length() + oldName.length()), value);
    });
    return new Sysctls(namespaceKeys, interfaceKeys.remove(oldName).put(newName, Map.copyOf(moved)));
  }

  /**
   * The device a per-interface key belongs to ("v0" in net.ipv4.conf.v0.rp_filter), or null for namespace keys
   * (including conf.all and conf.default).
   */
  static String deviceOf(String key) {
    String family = SysctlSchema.familyOf(key);
    if (family == null) {
      return null;
    }
    int dot = key.indexOf('.', family.length());
    if (dot < 0) {
      return null;
    }
    String device = key.substring(family.length(), dot);
    return device.equals("all") || device.equals("default") ? null : device;
  }
}
