package dev.netsim.core.topo;

import dev.netsim.core.value.Ipv4;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One network namespace in a {@link Topology} snapshot, immutable: its links, routing tables, sysctls and
 * the namespace ids it gave to others. The host's own namespace has the name "".
 */
public final class Namespace implements SysctlContext {
  private final String name;
  private final long instance;
  private final boolean listed;
  private final PersistentMap<Integer, Link> links;
  private final PersistentMap<String, Integer> names;
  private final PersistentMap<Integer, PersistentMap<Integer, Link>> ports;
  private volatile List<Link> sorted;
  private final int nextIndex;
  private final Map<Integer, RouteTable> tables;
  /** The three tables of the default policy rules, looked up once: every route lookup reads them. */
  private final RouteTable localTable;
  private final RouteTable mainTable;
  private final RouteTable defaultTable;
  private final Sysctls sysctls;
  private final NamespaceIds nsids;

  Namespace(String name, long instance, boolean listed, PersistentMap<Integer, Link> links,
      PersistentMap<String, Integer> names, PersistentMap<Integer, PersistentMap<Integer, Link>> ports, int nextIndex, Map<Integer, RouteTable> tables, Sysctls sysctls,
      NamespaceIds nsids) {
    this.name = name;
    this.instance = instance;
    this.listed = listed;
    this.links = links;
    this.names = names;
    this.ports = ports;
    this.nextIndex = nextIndex;
    this.tables = Map.copyOf(tables);
    this.localTable = table(Route.TABLE_LOCAL);
    this.mainTable = table(Route.TABLE_MAIN);
    this.defaultTable = table(Route.TABLE_DEFAULT);
    this.sysctls = sysctls;
    this.nsids = nsids;
  }

  /** The name: "" for the host's namespace, else the {@code ip netns} name (or an internal one if unlisted). */
  public String name() {
    return name;
  }

  @Override
  public boolean isHost() {
    return name.isEmpty();
  }

  /** Whether the namespace has an entry in /var/run/netns, so {@code ip netns list} shows it. */
  public boolean listed() {
    return listed;
  }

  /** A number unique to this incarnation of the namespace; later namespaces have larger ones. */
  public long instance() {
    return instance;
  }

  /** The links by ifindex, in ifindex order. */
  @Override
  public List<Link> links() {
    List<Link> result = sorted;
    if (result == null) {
      List<Link> all = links.values();
      all.sort(Comparator.comparingInt(Link::index));
      result = List.copyOf(all);
      sorted = result;
    }
    return result;
  }

  public int linkCount() {
    return links.size();
  }

  /** The link with index {@code index}, or null. */
  public Link link(int index) {
    return links.get(index);
  }

  /** The link named {@code name}, or null. */
  @Override
  public Link link(String linkName) {
    Integer index = names.get(linkName);
    return index == null ? null : links.get(index);
  }

  /** The ports of bridge {@code bridgeIndex}, in ifindex order (empty for a bridge without ports or a non-bridge). */
  public List<Link> portsOf(int bridgeIndex) {
    PersistentMap<Integer, Link> bridgePorts = ports.get(bridgeIndex);
    if (bridgePorts == null) {
      return List.of();
    }
    List<Link> result = bridgePorts.values();
    result.sort(Comparator.comparingInt(Link::index));
    return result;
  }

  PersistentMap<Integer, PersistentMap<Integer, Link>> portMap() {
    return ports;
  }

  PersistentMap<Integer, Link> linkMap() {
    return links;
  }

  PersistentMap<String, Integer> nameMap() {
    return names;
  }

  int nextIndex() {
    return nextIndex;
  }

  /** The routing table {@code id}; an empty table when it has no routes. */
  public RouteTable table(int id) {
    return tables.getOrDefault(id, RouteTable.EMPTY);
  }

  Map<Integer, RouteTable> tables() {
    return tables;
  }

  /** The ids of tables that have routes, ascending. */
  public List<Integer> tableIds() {
    List<Integer> ids = new ArrayList<>(tables.keySet());
    ids.sort(Comparator.naturalOrder());
    return ids;
  }

  public RouteTable mainTable() {
    return mainTable;
  }

  public RouteTable localTable() {
    return localTable;
  }

  @Override
  public Sysctls sysctls() {
    return sysctls;
  }

  NamespaceIds nsids() {
    return nsids;
  }

  /**
   * The route for a packet to {@code destination}, as the kernel's default policy rules find it: the local
   * table, then main, then default; a {@code throw} route moves on to the next table. Null when no route
   * matches (the sender sees "Network is unreachable"). Allocates nothing.
   */
  public Route lookupRoute(int destination) {
    return lookupRoute(destination, 0);
  }

  /** As {@link #lookupRoute(int)}, restricted to routes through device {@code oif} (0: any device). */
  public Route lookupRoute(int destination, int oif) {
    Route route = localTable.lookup(destination, oif, Scope.GLOBAL);
    if (route != null && route.type() != AddressType.THROW) {
      return route;
    }
    route = mainTable.lookup(destination, oif, Scope.GLOBAL);
    if (route != null && route.type() != AddressType.THROW) {
      return route;
    }
    route = defaultTable.lookup(destination, oif, Scope.GLOBAL);
    return route != null && route.type() != AddressType.THROW ? route : null;
  }

  /**
   * The address type of {@code address} as iptables' {@code addrtype} sees it (the kernel's
   * {@code inet_dev_addr_type}): BROADCAST for 0.0.0.0/8 and 255.255.255.255, MULTICAST for 224/4, else the
   * type of the local-table route covering it (LOCAL, BROADCAST, ...), else UNICAST.
   */
  public AddressType typeOf(int address) {
    return typeOf(address, 0);
  }

  /**
   * As {@link #typeOf(int)}, limited to interface {@code ifindex} ({@code --limit-iface-in/out}): a local-table
   * route through another device makes the address UNICAST. {@code ifindex} 0 means no limit.
   */
  public AddressType typeOf(int address, int ifindex) {
    if ((address >>> 24) == 0 || address == -1) {
      return AddressType.BROADCAST;
    }
    if ((address >>> 28) == 0xe) {
      return AddressType.MULTICAST;
    }
    Route route = localTable.lookup(address, 0, Scope.GLOBAL);
    if (route == null || (ifindex != 0 && route.device() != ifindex)) {
      return AddressType.UNICAST;
    }
    return route.type();
  }

  /** Whether {@code address} is one of this namespace's own (a local-table {@code local} route covers it). */
  public boolean isLocalAddress(int address) {
    return typeOf(address) == AddressType.LOCAL;
  }

  /**
   * The source address the kernel picks for a packet leaving through {@code ifindex} towards
   * {@code destination} when the route names none ({@code inet_select_addr}): the device's first primary
   * address of scope at most {@code scope} in the destination's network, else its first such address, else the
   * first suitable address of any device (loopback first). Null when the namespace has none.
   */
  public Ipv4 selectSourceAddress(int ifindex, int destination, Scope scope) {
    Link device = link(ifindex);
    Ipv4 candidate = null;
    if (device != null) {
      for (IfAddress address : device.addresses()) {
        if (address.secondary() || address.scope().value() > scope.value()) {
          continue;
        }
        if (destination == 0 || address.covers(destination)) {
          return address.local();
        }
        if (candidate == null) {
          candidate = address.local();
        }
      }
    }
    if (candidate != null) {
      return candidate;
    }
    for (Link other : links()) {
      for (IfAddress address : other.addresses()) {
        if (!address.secondary() && address.scope().value() <= scope.value() && address.scope() != Scope.LINK) {
          return address.local();
        }
      }
    }
    return null;
  }

  /** The value of sysctl {@code key} (dotted or slashed form) in this namespace, or null if there is no such key. */
  public String sysctl(String key) {
    return SysctlResolver.read(this, SysctlResolver.normalize(key));
  }

  /**
   * A sysctl as a number, for the engine's checks ({@code net.ipv4.ip_forward}, {@code rp_filter}, ...); the first
   * number of a vector value. Throws IllegalArgumentException for unknown or non-numeric keys.
   */
  public int sysctlInt(String key) {
    String value = sysctl(key);
    if (value == null) {
      throw new IllegalArgumentException("no sysctl " + key);
    }
    int end = value.indexOf('\t');
    try {
      return Integer.parseInt(end < 0 ? value : value.substring(0, end));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("sysctl " + key + " is not a number: " + value, e);
    }
  }

  /** Whether {@code sysctl -w} may change {@code key} here (it exists and is not read-only). */
  public boolean sysctlWritable(String key) {
    return SysctlResolver.writable(this, SysctlResolver.normalize(key));
  }

  /** Every sysctl key of this namespace, in the order {@code sysctl -a} lists them. */
  public List<String> sysctlKeys() {
    return SysctlResolver.keys(this);
  }

  /**
   * The effective value of IPv4 per-interface setting {@code confKey} (e.g. "rp_filter", "route_localnet",
   * "forwarding") for device {@code linkName}, combining {@code conf.all} and the device's value as the
   * kernel does for that setting (the larger for rp_filter, either for route_localnet, the device's alone
   * for forwarding).
   */
  public int ipv4Conf(String linkName, String confKey) {
    int device = sysctlInt(SysctlSchema.IPV4_CONF + linkName + "." + confKey);
    int all = sysctlInt(SysctlSchema.IPV4_CONF + "all." + confKey);
    return switch (SysctlResolver.combination(confKey)) {
      case MAX -> Math.max(all, device);
      case OR -> (all != 0 || device != 0) ? 1 : 0;
      case AND -> (all != 0 && device != 0) ? 1 : 0;
      case DEVICE -> device;
    };
  }

  /** The id this namespace gave {@code peer}, or -1 when it has none. */
  public int nsidOf(Namespace peer) {
    return nsids.idOf(peer.name());
  }

  @Override
  public String toString() {
    return "Namespace[" + (isHost() ? "host" : name) + ", " + links.size() + " links]";
  }
}
