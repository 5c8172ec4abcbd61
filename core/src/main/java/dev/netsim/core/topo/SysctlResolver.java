package dev.netsim.core.topo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads sysctl keys of a namespace: written values, then defaults, then inheritance from conf.default. */
final class SysctlResolver {
  /** How the kernel combines conf.all with a device's own value ({@code IN_DEV_MAXCONF} and friends). */
  enum Combination { MAX, OR, AND, DEVICE }

  private static final Map<String, Combination> COMBINATIONS = Map.ofEntries(
      Map.entry("rp_filter", Combination.MAX),
      Map.entry("arp_ignore", Combination.MAX),
      Map.entry("arp_announce", Combination.MAX),
      Map.entry("arp_accept", Combination.MAX),
      Map.entry("arp_notify", Combination.MAX),
      Map.entry("route_localnet", Combination.OR),
      Map.entry("accept_local", Combination.OR),
      Map.entry("proxy_arp", Combination.OR),
      Map.entry("log_martians", Combination.OR),
      Map.entry("shared_media", Combination.OR),
      Map.entry("send_redirects", Combination.OR),
      Map.entry("secure_redirects", Combination.OR),
      Map.entry("src_valid_mark", Combination.OR),
      Map.entry("promote_secondaries", Combination.OR),
      Map.entry("arp_filter", Combination.OR),
      Map.entry("ignore_routes_with_linkdown", Combination.OR),
      Map.entry("drop_gratuitous_arp", Combination.OR),
      Map.entry("drop_unicast_in_l2_multicast", Combination.OR),
      Map.entry("accept_source_route", Combination.AND),
      Map.entry("bootp_relay", Combination.AND),
      Map.entry("mc_forwarding", Combination.AND),
      Map.entry("bc_forwarding", Combination.AND),
      Map.entry("arp_evict_nocarrier", Combination.AND));

  /** {@code net.ipv4.ip_forward} is the same variable as {@code net.ipv4.conf.all.forwarding}. */
  static final String IP_FORWARD = "net.ipv4.ip_forward";
  static final String ALL_FORWARDING = "net.ipv4.conf.all.forwarding";

  private SysctlResolver() {}

  /** {@code net/ipv4/ip_forward} and {@code net.ipv4.ip_forward} name the same key. */
  static String normalize(String key) {
    String dotted = key.replace('/', '.');
    while (dotted.startsWith(".")) {
      dotted = dotted.substring(1);
    }
    return dotted;
  }

  static Combination combination(String confKey) {
    return COMBINATIONS.getOrDefault(confKey, Combination.DEVICE);
  }

  static String read(SysctlContext ns, String key) {
    if (key.equals(IP_FORWARD)) {
      return read(ns, ALL_FORWARDING);
    }
    String written = ns.sysctls().written(key);
    if (written != null) {
      return written;
    }
    SysctlSchema schema = SysctlSchema.INSTANCE;
    String value = schema.namespaceDefaults.get(key);
    if (value != null) {
      return value;
    }
    String family = SysctlSchema.familyOf(key);
    if (family == null) {
      return null;
    }
    String rest = key.substring(family.length());
    int dot = rest.indexOf('.');
    if (dot <= 0) {
      return null;
    }
    Link link = ns.link(rest.substring(0, dot));
    String suffix = rest.substring(dot + 1);
    Map<String, String> perInterface = schema.interfaceDefaults.get(family);
    if (link == null || !perInterface.containsKey(suffix)) {
      return null;
    }
    if (link.isLoopback()) {
      String own = schema.loopbackValues.get(family + "lo." + suffix);
      if (own != null) {
        return own;
      }
    }
    if (family.equals(SysctlSchema.IPV6_CONF) && suffix.equals("mtu")) {
      return Integer.toString(link.mtu());
    }
    String fixed = perInterface.get(suffix);
    return fixed != null ? fixed : read(ns, family + "default." + suffix);
  }

  static boolean exists(SysctlContext ns, String key) {
    return read(ns, key) != null;
  }

  static boolean writable(SysctlContext ns, String key) {
    if (!exists(ns, key)) {
      return false;
    }
    // the host plays the initial namespace, where the conntrack table size may be changed
    if (ns.isHost() && key.equals("net.netfilter.nf_conntrack_max")) {
      return true;
    }
    return !SysctlSchema.INSTANCE.isReadOnly(key);
  }

  /** All keys, sorted the way {@code sysctl -a} walks /proc/sys: directory entries in byte order. */
  static List<String> keys(SysctlContext ns) {
    SysctlSchema schema = SysctlSchema.INSTANCE;
    List<String> keys = new ArrayList<>(schema.namespaceDefaults.keySet());
    for (Link link : ns.links()) {
      for (Map.Entry<String, Map<String, String>> family : schema.interfaceDefaults.entrySet()) {
        for (String suffix : family.getValue().keySet()) {
          keys.add(family.getKey() + link.name() + "." + suffix);
        }
      }
    }
    keys.sort(SysctlResolver::compareComponents);
    return keys;
  }

  private static int compareComponents(String a, String b) {
    String[] left = a.split("\\.");
    String[] right = b.split("\\.");
    for (int i = 0; i < Math.min(left.length, right.length); i++) {
      int c = left[i].compareTo(right[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(left.length, right.length);
  }

  /**
   * The value as the kernel stores it after writing {@code text}: integer keys take whitespace-separated
   * integers (as many as the key holds) and print them tab-separated; other keys keep the trimmed text.
   * Throws EINVAL for text an integer key cannot parse.
   */
  static String parseValue(String current, String text) {
    String trimmed = text.strip();
    String[] currentParts = current.split("\t");
    boolean numeric = true;
    for (String part : currentParts) {
      numeric &= isInteger(part);
    }
    if (!numeric || current.isEmpty()) {
      return trimmed;
    }
    String[] parts = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    if (parts.length == 0 || parts.length > currentParts.length) {
      throw new KernelException(Errno.EINVAL);
    }
    StringBuilder value = new StringBuilder();
    for (int i = 0; i < currentParts.length; i++) {
      String part = i < parts.length ? parts[i] : currentParts[i];
      if (!isInteger(part)) {
        throw new KernelException(Errno.EINVAL);
      }
      long number = Long.parseLong(part);
      if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
        throw new KernelException(Errno.EINVAL);
      }
      if (i > 0) {
        value.append('\t');
      }
      value.append(number);
    }
    return value.toString();
  }

  private static boolean isInteger(String text) {
    int start = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
    if (text.length() <= start || text.length() - start > 18) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') { // ASCII digits only, as the kernel reads them
        return false;
      }
    }
    return true;
  }
}
