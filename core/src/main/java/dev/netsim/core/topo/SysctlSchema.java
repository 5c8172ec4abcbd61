package dev.netsim.core.topo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The sysctl keys a network namespace has and their defaults, read from {@code sysctl-defaults.txt} (taken
 * from {@code sysctl -a} in a fresh namespace of the reference kernel).
 */
final class SysctlSchema {
  static final String IPV4_CONF = "net.ipv4.conf.";
  static final String IPV6_CONF = "net.ipv6.conf.";
  static final String IPV4_NEIGH = "net.ipv4.neigh.";
  static final String IPV6_NEIGH = "net.ipv6.neigh.";
  static final String[] PER_INTERFACE = {IPV4_CONF, IPV6_CONF, IPV4_NEIGH, IPV6_NEIGH};

  static final SysctlSchema INSTANCE = load();

  /** Namespace-wide keys (including conf.all and conf.default) and their defaults. */
  final Map<String, String> namespaceDefaults;
  /** Per family prefix, the per-interface key suffixes and their fixed defaults (null: inherit conf.default). */
  final Map<String, Map<String, String>> interfaceDefaults;
  /** Loopback's own values, by full key with "lo". */
  final Map<String, String> loopbackValues;
  /** Read-only keys; "*" stands for any interface. */
  final Set<String> readOnly;

  private SysctlSchema(Map<String, String> namespaceDefaults, Map<String, Map<String, String>> interfaceDefaults,
      Map<String, String> loopbackValues, Set<String> readOnly) {
    this.namespaceDefaults = namespaceDefaults;
    this.interfaceDefaults = interfaceDefaults;
    this.loopbackValues = loopbackValues;
    this.readOnly = readOnly;
  }

  private static SysctlSchema load() {
    Map<String, String> namespaceDefaults = new LinkedHashMap<>();
    Map<String, Map<String, String>> interfaceDefaults = new LinkedHashMap<>();
    Map<String, String> loopback = new LinkedHashMap<>();
    Set<String> readOnly = new LinkedHashSet<>();
    for (String family : PER_INTERFACE) {
      interfaceDefaults.put(family, new LinkedHashMap<>());
    }
    try (InputStream in = SysctlSchema.class.getResourceAsStream("sysctl-defaults.txt");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String kind = line.substring(0, 2);
        String rest = line.substring(3);
        if (kind.equals("ro")) {
          readOnly.add(rest);
          continue;
        }
        int eq = rest.indexOf(" = ");
        String key = rest.substring(0, eq);
        String value = rest.substring(eq + 3);
        switch (kind) {
          case "ns" -> namespaceDefaults.put(key, value);
          case "lo" -> loopback.put(key, value);
          case "if" -> {
            String family = familyOf(key);
            interfaceDefaults.get(family).put(key.substring(family.length() + 2), value);
          }
          default -> throw new IllegalStateException("bad line in sysctl-defaults.txt: " + line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // conf keys exist per interface exactly as under conf.default and inherit its value
    for (String family : new String[] {IPV4_CONF, IPV6_CONF}) {
      String defaults = family + "default.";
      for (String key : namespaceDefaults.keySet()) {
        if (key.startsWith(defaults)) {
          interfaceDefaults.get(family).put(key.substring(defaults.length()), null);
        }
      }
    }
    return new SysctlSchema(Map.copyOf(namespaceDefaults), copy(interfaceDefaults), Map.copyOf(loopback),
        Set.copyOf(readOnly));
  }

  private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> map) {
    Map<String, Map<String, String>> result = new LinkedHashMap<>();
    map.forEach((family, keys) -> result.put(family, Collections.unmodifiableMap(keys)));
    return Collections.unmodifiableMap(result);
  }

  /** The per-interface family prefix {@code key} starts with, or null. */
  static String familyOf(String key) {
    for (String family : PER_INTERFACE) {
      if (key.startsWith(family)) {
        return family;
      }
    }
    return null;
  }

  boolean isReadOnly(String key) {
    if (readOnly.contains(key)) {
      return true;
    }
    String family = familyOf(key);
    if (family == null) {
      return false;
    }
    String rest = key.substring(family.length());
    int dot = rest.indexOf('.');
    return dot > 0 && readOnly.contains(family + "*" + rest.substring(dot));
  }
}
