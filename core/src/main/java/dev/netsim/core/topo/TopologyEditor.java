package dev.netsim.core.topo;

import com.google.common.collect.ImmutableSortedMap;
import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Ipv4Prefix;
import dev.netsim.core.value.Mac;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One change to a {@link Topology}: a sequence of operations, each doing what the kernel does for the
 * corresponding netlink request (and refusing what it refuses with a {@link KernelException}), then
 * {@link #commit()} to get the new snapshot. Namespaces are copied when first touched; the others are
 * shared with the old snapshot.
 *
 * <p>Namespaces and links are named as in the commands: namespace "" is the host. Asking for a namespace or
 * device that does not exist is caller misuse (IllegalArgumentException) except where the kernel itself
 * answers (deleting a missing namespace, adding an existing one): tools look names up first and print their
 * own "Cannot find device" messages.
 */
public final class TopologyEditor {
  private static final String LOOPBACK = "lo";
  /** {@code DEFAULT_TX_QUEUE_LEN}: what {@code ether_setup} and the loopback give a new device. */
  private static final int DEFAULT_TX_QUEUE_LENGTH = 1000;

  private final long now;
  private final long macSeed;
  private PersistentMap<String, Namespace> namespaces;
  private final Map<String, Draft> drafts = new LinkedHashMap<>();
  private final Set<String> removed = new LinkedHashSet<>();
  private final Map<String, Set<Integer>> newLinkLocals = new LinkedHashMap<>();
  private long nextInstance;
  private long macCounter;
  private boolean committed;

  TopologyEditor(Topology base, long now) {
    this.now = now;
    this.macSeed = base.macSeed();
    this.namespaces = base.namespaceMap();
    this.nextInstance = base.nextInstance();
    this.macCounter = base.macCounter();
  }

  // ---------------------------------------------------------------- namespaces

  /** {@code ip netns add NAME}: a new namespace with only {@code lo}, DOWN. EEXIST when the name is taken. */
  public void addNamespace(String name) {
    addNamespace(name, true);
  }

  /**
   * Adds a namespace; {@code listed} says whether it gets a /var/run/netns entry ({@code ip netns list} shows it).
   * Docker's container namespaces are unlisted: {@code ip link} then prints {@code link-netnsid N} for them.
   */
  public void addNamespace(String name, boolean listed) {
    Objects.requireNonNull(name);
    if (exists(name)) {
      throw new KernelException(Errno.EEXIST);
    }
    createNamespace(name, listed);
  }

  void createNamespace(String name, boolean listed) {
    Draft draft = new Draft(name, nextInstance++, listed);
    removed.remove(name);
    drafts.put(name, draft);
    Link lo = new Link(draft.allocateIndex(0), LOOPBACK, LinkKind.LOOPBACK, Mac.ZERO, false, false, false,
        OperState.DOWN, false, 65536, DEFAULT_TX_QUEUE_LENGTH, 0, 0, null, List.of(), null, null);
    draft.put(lo);
  }

  /**
   * {@code ip netns delete NAME}: the namespace goes away with everything in it; veth ends die with their peers
   * wherever those are; physical NICs return to the host (renamed {@code devN} if their name is taken there).
   */
  public void deleteNamespace(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("the host's namespace cannot be deleted");
    }
    if (!exists(name)) {
      throw new KernelException(Errno.ENOENT);
    }
    Draft draft = draft(name);
    for (Link link : draft.all()) {
      if (!draft.contains(link.index())) {
        continue;
      }
      if (link.kind() == LinkKind.ETHERNET) {
        returnToHost(draft, link);
      } else if (link.kind() == LinkKind.VETH) {
        removeLink(draft, link.index());
      }
    }
    for (String holder : draft.nsids.holders()) {
      if (exists(holder)) {
        Draft other = draft(holder);
        other.nsids = other.nsids.withdraw(name);
      }
    }
    for (String peer : draft.nsids.peers()) {
      if (exists(peer)) {
        Draft other = draft(peer);
        other.nsids = other.nsids.notHeldBy(name);
      }
    }
    drafts.remove(name);
    removed.add(name);
    namespaces = namespaces.remove(name);
  }

  private void returnToHost(Draft from, Link link) {
    detachFromMaster(from, link);
    removeLinkState(from, link);
    from.remove(link.index());
    Draft host = draft("");
    String name = link.name();
    if (host.byName(name) != null) {
      int n = 0;
      while (host.byName("dev" + n) != null) {
        n++;
      }
      name = "dev" + n;
    }
    Link moved = link.resetForMove(host.allocateIndex(link.index())).withName(name);
    host.put(moved);
    repointPeer(moved, "");
  }

  // ---------------------------------------------------------------- links

  /**
   * {@code ip link add NAME [netns NS] type veth peer name PEER [netns PEERNS]}: a veth pair, both ends DOWN with
   * generated MACs. The peer is registered first, so it gets the lower ifindex when both ends share a namespace.
   * A null name is chosen as the kernel does ({@code vethN}, the lowest free N). EEXIST when a name is taken.
   */
  public void addVeth(String ns, String name, String peerNs, String peerName) {
    Draft main = draft(ns);
    Draft peerDraft = draft(peerNs);
    checkNewName(main, name);
    checkNewName(peerDraft, peerName);
    if (name != null && name.equals(peerName) && ns.equals(peerNs)) {
      throw new KernelException(Errno.EEXIST);
    }
    String actualPeerName = peerName != null ? peerName : autoName(peerDraft, "veth");
    int peerIndex = peerDraft.allocateIndex(0);
    Link peer = newLink(peerIndex, actualPeerName, LinkKind.VETH, nextMac(), 1500, null);
    peerDraft.put(peer);
    String actualName = name != null ? name : autoName(main, "veth");
    if (main.byName(actualName) != null) {
      peerDraft.remove(peerIndex);
      throw new KernelException(Errno.EEXIST);
    }
    int index = main.allocateIndex(0);
    Link link = newLink(index, actualName, LinkKind.VETH, nextMac(), 1500, new Peer(peerNs, peerIndex));
    main.put(link);
    peerDraft.put(peer.withPeer(new Peer(ns, index)));
    // the new device's RTM_NEWLINK carries the peer's namespace id, which the kernel allocates for it
    allocateNsid(main, peerNs);
  }

  /** {@code ip link add NAME type bridge}: a bridge with a generated MAC and bridge id 8000.000000000000. */
  public void addBridge(String ns, String name) {
    Draft draft = draft(ns);
    checkNewName(draft, name);
    String actual = name != null ? name : autoName(draft, "bridge");
    int index = draft.allocateIndex(0);
    Link bridge = new Link(index, actual, LinkKind.BRIDGE, nextMac(), false, false, false, OperState.DOWN, false,
        1500, DEFAULT_TX_QUEUE_LENGTH, 0, 0, null, List.of(), null, BridgeSettings.DEFAULTS);
    draft.put(bridge);
  }

  /**
   * Two physical NICs joined by a wire, for presets: {@code nameA} in {@code nsA} (e.g. the host's eth0) and
   * {@code nameB} in {@code nsB} (e.g. the outside world's port), both DOWN.
   */
  public void addEthernetPair(String nsA, String nameA, String nsB, String nameB) {
    Draft a = draft(nsA);
    Draft b = draft(nsB);
    checkNewName(a, Objects.requireNonNull(nameA));
    checkNewName(b, Objects.requireNonNull(nameB));
    if (nsA.equals(nsB) && nameA.equals(nameB)) {
      throw new KernelException(Errno.EEXIST);
    }
    int indexA = a.allocateIndex(0);
    Link linkA = newLink(indexA, nameA, LinkKind.ETHERNET, nextMac(), 1500, null);
    a.put(linkA);
    int indexB = b.allocateIndex(0);
    b.put(newLink(indexB, nameB, LinkKind.ETHERNET, nextMac(), 1500, new Peer(nsA, indexA)));
    a.put(linkA.withPeer(new Peer(nsB, indexB)));
  }

  /**
   * {@code ip link del NAME}: a veth end takes its peer with it; a bridge releases its ports. Loopback and
   * physical NICs cannot be deleted (EOPNOTSUPP).
   */
  public void deleteLink(String ns, String name) {
    Draft draft = draft(ns);
    Link link = requireLink(draft, name);
    if (link.kind() == LinkKind.LOOPBACK || link.kind() == LinkKind.ETHERNET) {
      throw new KernelException(Errno.EOPNOTSUPP);
    }
    removeLink(draft, link.index());
  }

  /**
   * {@code ip link set NAME up|down}. Up: attaches the qdisc and installs the routes of the device's addresses
   * (loopback first gets 127.0.0.1/8). Down: removes every route through the device except its local ones.
   */
  public void setUp(String ns, String name, boolean up) {
    Draft draft = draft(ns);
    Link link = requireLink(draft, name);
    if (link.adminUp() == up) {
      return;
    }
    draft.put(link.withAdminUp(up));
    if (up) {
      if (link.isLoopback()) {
        IfAddress loopback = new IfAddress(Ipv4.LOOPBACK, 8, null, Scope.HOST, link.name(), false);
        if (link.addresses().stream().noneMatch(a -> a.local().equals(Ipv4.LOOPBACK) && a.prefixLength() == 8)) {
          insertAddress(draft, draft.get(link.index()), loopback);
        }
      }
      Link current = draft.get(link.index());
      for (IfAddress address : current.addresses()) {
        for (Route route : kernelRoutes(current, address)) {
          insertKernelRoute(draft, route);
        }
      }
    } else {
      draft.removeRoutes(r -> r.device() == link.index() && r.scope() != Scope.HOST);
    }
    if (link.kind() == LinkKind.VETH) {
      allocateNsid(draft, link.peer().namespace());
    }
  }

  /**
   * {@code ip link set NAME master BRIDGE}: makes the device a port of the bridge (leaving any other bridge
   * first). EOPNOTSUPP when BRIDGE is not a bridge; EINVAL for loopback and for a bridge as port.
   */
  public void setMaster(String ns, String name, String bridgeName) {
    Draft draft = draft(ns);
    Link link = requireLink(draft, name);
    Link bridge = requireLink(draft, bridgeName);
    if (!bridge.isBridge()) {
      throw new KernelException(Errno.EOPNOTSUPP);
    }
    if (link.isBridge()) {
      throw new KernelException(Errno.EINVAL, "Can not enslave a bridge to a bridge");
    }
    if (link.isLoopback()) {
      throw new KernelException(Errno.EINVAL);
    }
    if (link.master() == bridge.index()) {
      return;
    }
    detachFromMaster(draft, link);
    BitSet used = new BitSet();
    draft.portsOf(bridge.index()).forEach((index, other) -> used.set(other.portNumber()));
    int port = used.nextClearBit(1);
    Link port0 = draft.get(link.index()).withMaster(bridge.index(), port);
    draft.put(port0);
    portAdded(draft, bridge.index(), port0.mac());
  }

  /** {@code ip link set NAME nomaster}: leaves its bridge, if any. */
  public void clearMaster(String ns, String name) {
    Draft draft = draft(ns);
    detachFromMaster(draft, requireLink(draft, name));
  }

  /**
   * {@code ip link set NAME netns TARGET}: the device moves, goes DOWN, loses its addresses, routes and bridge
   * port, and keeps its ifindex unless the target uses it. Loopback and bridges cannot move (EINVAL, "The
   * interface netns is immutable"); EEXIST when the target has a device of that name. Moving to its own
   * namespace does nothing.
   */
  public void moveLink(String ns, String name, String target) {
    Draft from = draft(ns);
    Link link = requireLink(from, name);
    if (link.isLoopback() || link.isBridge()) {
      throw new KernelException(Errno.EINVAL, "The interface netns is immutable");
    }
    if (ns.equals(target)) {
      return;
    }
    Draft to = draft(target);
    if (to.byName(link.name()) != null) {
      throw new KernelException(Errno.EEXIST, "An interface with the same name exists in the target netns");
    }
    // RTM_DELLINK in the old namespace carries the target's id
    allocateNsid(from, target);
    detachFromMaster(from, link);
    removeLinkState(from, link);
    from.remove(link.index());
    Link moved = link.resetForMove(to.allocateIndex(link.index()));
    to.put(moved);
    repointPeer(moved, target);
    if (moved.kind() == LinkKind.VETH) {
      allocateNsid(to, moved.peer().namespace());
    }
  }

  /**
   * {@code ip link set NAME address MAC}: EADDRNOTAVAIL for multicast and all-zero addresses. A bridge given an
   * address keeps it from then on; a port's new address may change its bridge's.
   */
  public void setMac(String ns, String name, Mac mac) {
    Draft draft = draft(ns);
    Link link = requireLink(draft, name);
    if (mac.isMulticast() || mac.equals(Mac.ZERO)) {
      throw new KernelException(Errno.EADDRNOTAVAIL);
    }
    Link updated = link.withMac(mac, true);
    if (link.isBridge()) {
      updated = updated.withBridge(link.bridge().withBridgeId(mac));
    }
    draft.put(updated);
    if (link.isBridgePort()) {
      recalculateBridgeId(draft, link.master());
    }
  }

  /** {@code ip link set NAME name NEW}: EEXIST when NEW is taken; addresses and sysctls follow. */
  public void rename(String ns, String name, String newName) {
    Draft draft = draft(ns);
    Link link = requireLink(draft, name);
    if (name.equals(newName)) {
      return;
    }
    checkNewName(draft, newName);
    draft.put(renamedLink(link, newName));
    draft.sysctls = draft.sysctls.renamed(name, newName);
  }

  /** {@code ip link set NAME mtu N}: 68..65535 for Ethernet-like devices (EINVAL otherwise). */
  public void setMtu(String ns, String name, int mtu) {
    Draft draft = draft(ns);
    Link link = requireLink(draft, name);
    int max = link.isLoopback() ? Integer.MAX_VALUE : 65535;
    if (mtu < 68) {
      throw new KernelException(Errno.EINVAL, "mtu less than device minimum");
    }
    if (mtu > max) {
      throw new KernelException(Errno.EINVAL, "mtu greater than device maximum");
    }
    draft.put(link.withMtu(mtu));
  }

  /** {@code ip link set DEV txqueuelen N}: any int, as the kernel takes it; {@code ip} hides a length of 0. */
  public void setTxQueueLength(String ns, String name, int length) {
    Draft draft = draft(ns);
    draft.put(requireLink(draft, name).withTxQueueLength(length));
  }

  /** {@code brctl setageing BRIDGE SECONDS} / {@code ip link set BRIDGE type bridge ageing_time CENTIS}. */
  public void setBridgeAgeingTime(String ns, String bridgeName, int centiseconds) {
    Draft draft = draft(ns);
    Link bridge = requireLink(draft, bridgeName);
    if (!bridge.isBridge()) {
      throw new KernelException(Errno.EOPNOTSUPP);
    }
    draft.put(bridge.withBridge(bridge.bridge().withAgeingTimeCentis(centiseconds)));
  }

  /**
   * Records that {@code ip link}/{@code ip addr} listed the links of {@code ns}: as in the kernel, describing a
   * veth end whose peer is elsewhere gives that namespace an id here.
   */
  public void noteLinkDump(String ns) {
    Draft draft = draft(ns);
    for (Link link : draft.links()) {
      if (link.kind() == LinkKind.VETH) {
        allocateNsid(draft, link.peer().namespace());
      }
    }
  }

  // ---------------------------------------------------------------- addresses

  /**
   * {@code ip addr add}: inserts the address in the kernel's order (a second address of an existing network
   * becomes secondary) and installs its local route, and when the device is up its broadcast and connected
   * routes. EEXIST ("ipv4: Address already assigned") for the same address and prefix twice.
   */
  public void addAddress(String ns, String device, IfAddress address) {
    Draft draft = draft(ns);
    Link link = requireLink(draft, device);
    Link updated = insertAddress(draft, link, address.withSecondary(false));
    IfAddress inserted = updated.addresses().stream()
        .filter(a -> a.local().equals(address.local()) && a.prefixLength() == address.prefixLength())
        .findFirst().orElseThrow();
    for (Route route : kernelRoutes(updated, inserted)) {
      insertKernelRoute(draft, route);
    }
  }

  /**
   * {@code ip addr del}: deletes the first address with this local address (and prefix length and label when
   * given); deleting a primary also deletes its secondaries unless {@code promote_secondaries} is set, in which
   * case the first secondary becomes primary. Routes the remaining addresses no longer justify go too.
   * EADDRNOTAVAIL ("ipv4: Address not found") when nothing matches.
   */
  public void deleteAddress(String ns, String device, Ipv4 local, Integer prefixLength, String label) {
    Draft draft = draft(ns);
    Link link = requireLink(draft, device);
    IfAddress victim = null;
    for (IfAddress address : link.addresses()) {
      if (address.local().equals(local) && (prefixLength == null || address.prefixLength() == prefixLength)
          && (label == null || address.label().equals(label))) {
        victim = address;
        break;
      }
    }
    if (victim == null) {
      throw new KernelException(Errno.EADDRNOTAVAIL, "ipv4: Address not found");
    }
    List<IfAddress> remaining = new ArrayList<>(link.addresses());
    remaining.remove(victim);
    if (!victim.secondary()) {
      boolean promote = draftConf(draft, link.name(), "promote_secondaries");
      IfAddress primary = victim;
      boolean promoted = false;
      for (int i = 0; i < remaining.size(); i++) {
        IfAddress other = remaining.get(i);
        if (other.secondary() && other.prefixLength() == primary.prefixLength() && primary.covers(other.local().bits())) {
          if (promote && !promoted) {
            remaining.set(i, other.withSecondary(false));
            promoted = true;
          } else if (!promote) {
            remaining.remove(i--);
          }
        }
      }
    }
    replaceAddresses(draft, link, orderAddresses(remaining));
  }

  /** {@code ip addr flush dev NAME}: every IPv4 address of the device goes, with its routes. */
  public void flushAddresses(String ns, String device) {
    Draft draft = draft(ns);
    Link link = requireLink(draft, device);
    replaceAddresses(draft, link, List.of());
  }

  // ---------------------------------------------------------------- routes

  /**
   * {@code ip route add} (or {@code replace}): validates the route as {@code fib_create_info} does and inserts
   * it. {@code route.device()} 0 with a gateway means "the device the gateway is reached through". Errors:
   * EINVAL "Nexthop has invalid gateway" when the gateway is not on a connected network (of the given device),
   * ENETDOWN "Device for nexthop is not up" for a dev route on a DOWN device, ENODEV without gateway and device,
   * EINVAL "Invalid prefsrc address" for a {@code src} that is not local, EEXIST for a second route with the same
   * destination, TOS and metric (unless {@code replace}).
   */
  public void addRoute(String ns, Route route, boolean replace) {
    Draft draft = draft(ns);
    Route resolved = validateRoute(draft, route);
    List<Route> table = draft.table(route.table());
    int clash = -1;
    for (int i = 0; i < table.size(); i++) {
      Route existing = table.get(i);
      if (existing.destination().equals(route.destination()) && existing.metric() == route.metric()) {
        clash = i;
        break;
      }
    }
    if (clash >= 0) {
      if (!replace) {
        throw new KernelException(Errno.EEXIST);
      }
      table.set(clash, resolved);
      return;
    }
    insertSorted(table, resolved);
  }

  /**
   * {@code ip route del}: deletes the first route of the table to that destination that matches every given
   * attribute. ESRCH when none does.
   */
  public void deleteRoute(String ns, RouteMatch match) {
    Draft draft = draft(ns);
    List<Route> routes = draft.tableView(match.table()).routes();
    for (int i = 0; i < routes.size(); i++) {
      if (match.matches(routes.get(i))) {
        draft.table(match.table()).remove(i);
        return;
      }
    }
    throw new KernelException(Errno.ESRCH);
  }

  private Route validateRoute(Draft draft, Route route) {
    if (route.type().isError()) {
      if (route.gateway() != null || route.device() != 0) {
        throw new KernelException(Errno.EINVAL,
            "Gateway, device and multipath can not be specified for this route type");
      }
      return route;
    }
    switch (route.type()) {
      case UNICAST, LOCAL, BROADCAST, ANYCAST, MULTICAST -> { }
      default -> throw new KernelException(Errno.EINVAL, "Invalid route type");
    }
    Scope minimum = switch (route.type()) {
      case LOCAL -> Scope.HOST;
      case BROADCAST -> Scope.LINK;
      default -> Scope.GLOBAL;
    };
    if (route.scope().value() < minimum.value()) {
      throw new KernelException(Errno.EINVAL, "Invalid scope");
    }
    Route resolved = route;
    if (route.scope() == Scope.HOST) {
      if (route.gateway() != null) {
        throw new KernelException(Errno.EINVAL, "Route with host scope can not have a gateway");
      }
      if (draft.get(route.device()) == null) {
        throw new KernelException(Errno.ENODEV);
      }
    } else if (route.gateway() != null) {
      int lookupScope = Math.max(route.scope().value() + 1, Scope.LINK.value());
      Route via = lookupForGateway(draft, route.table(), route.gateway().bits(), route.device(), lookupScope);
      if (via == null || (via.type() != AddressType.UNICAST && via.type() != AddressType.LOCAL)) {
        throw new KernelException(Errno.EINVAL, "Nexthop has invalid gateway");
      }
      Link device = draft.get(via.device());
      if (device == null) {
        throw new KernelException(Errno.EINVAL, "No egress device for nexthop gateway");
      }
      if (!device.adminUp()) {
        throw new KernelException(Errno.ENETDOWN);
      }
      resolved = route.withDevice(device.index());
    } else {
      Link device = draft.get(route.device());
      if (device == null) {
        throw new KernelException(Errno.ENODEV);
      }
      if (!device.adminUp()) {
        throw new KernelException(Errno.ENETDOWN, "Device for nexthop is not up");
      }
    }
    Ipv4 source = route.preferredSource();
    if (source != null && !(route.type() == AddressType.LOCAL && route.prefixLength() == 32
        && route.destination().address() == source.bits())) {
      Route local = draft.tableView(Route.TABLE_LOCAL).lookup(source.bits(), 0, Scope.GLOBAL);
      if (local == null || local.type() != AddressType.LOCAL) {
        throw new KernelException(Errno.EINVAL, "Invalid prefsrc address");
      }
    }
    return resolved;
  }

  private static Route lookupForGateway(Draft draft, int table, int gateway, int oif, int scope) {
    Scope minimum = scopeAtLeast(scope);
    if (table != Route.TABLE_MAIN) {
      Route found = draft.tableView(table).lookup(gateway, oif, minimum);
      if (found != null) {
        return found;
      }
    }
    for (int id : new int[] {Route.TABLE_LOCAL, Route.TABLE_MAIN, Route.TABLE_DEFAULT}) {
      Route found = draft.tableView(id).lookup(gateway, oif, minimum);
      if (found != null && found.type() != AddressType.THROW) {
        return found;
      }
    }
    return null;
  }

  private static Scope scopeAtLeast(int value) {
    for (Scope scope : Scope.values()) {
      if (scope.value() >= value) {
        return scope;
      }
    }
    return Scope.NOWHERE;
  }

  // ---------------------------------------------------------------- sysctls

  /**
   * Writes sysctl {@code key} as {@code sysctl -w} or {@code echo VALUE > /proc/sys/...} would. ENOENT for an
   * unknown key, EACCES for a read-only one, EINVAL for a value the key cannot take. Writing
   * {@code net.ipv4.ip_forward} (the same variable as {@code conf.all.forwarding}) also sets
   * {@code conf.default.forwarding}, every device's {@code forwarding} and turns {@code conf.all.accept_redirects}
   * off (or back on), as the kernel does.
   */
  public void writeSysctl(String ns, String key, String value) {
    Draft draft = draft(ns);
    String normalized = SysctlResolver.normalize(key);
    String current = SysctlResolver.read(draft, normalized);
    if (current == null) {
      throw new KernelException(Errno.ENOENT);
    }
    if (!SysctlResolver.writable(draft, normalized)) {
      throw new KernelException(Errno.EACCES);
    }
    String parsed = SysctlResolver.parseValue(current, value);
    if (normalized.startsWith("net.bridge.bridge-nf-call-") && !parsed.equals("0")) {
      parsed = "1";
    }
    if (normalized.equals(SysctlResolver.IP_FORWARD) || normalized.equals(SysctlResolver.ALL_FORWARDING)) {
      if (!parsed.equals(current)) {
        setForwarding(draft, "net.ipv4.conf.", parsed);
        draft.sysctls = draft.sysctls.with("net.ipv4.conf.all.accept_redirects", parsed.equals("0") ? "1" : "0");
      }
      return;
    }
    if (normalized.equals("net.ipv6.conf.all.forwarding")) {
      if (!parsed.equals(current)) {
        setForwarding(draft, "net.ipv6.conf.", parsed);
      }
      return;
    }
    draft.sysctls = draft.sysctls.with(normalized, parsed);
  }

  private static void setForwarding(Draft draft, String family, String value) {
    Sysctls sysctls = draft.sysctls.with(family + "all.forwarding", value).with(family + "default.forwarding", value);
    for (Link link : draft.links()) {
      sysctls = sysctls.with(family + link.name() + ".forwarding", value);
    }
    draft.sysctls = sysctls;
  }

  // ---------------------------------------------------------------- commit

  /**
   * The new snapshot: carrier and operational state recomputed for every link a change could affect (following
   * veth peers into other namespaces), IPv6 link-local addresses configured or dropped accordingly.
   */
  public Topology commit() {
    if (committed) {
      throw new IllegalStateException("this change was already committed");
    }
    committed = true;
    Deque<String> work = new ArrayDeque<>(drafts.keySet());
    Set<String> queued = new LinkedHashSet<>(drafts.keySet());
    while (!work.isEmpty()) {
      String name = work.poll();
      queued.remove(name);
      Draft draft = drafts.get(name);
      if (draft == null) {
        continue;
      }
      for (Peer peer : refreshState(draft)) {
        if (!exists(peer.namespace())) {
          continue;
        }
        draft(peer.namespace()).dirty.add(peer.index());
        if (queued.add(peer.namespace())) {
          work.add(peer.namespace());
        }
      }
    }
    for (Draft draft : drafts.values()) {
      namespaces = namespaces.put(draft.name, draft.freeze());
    }
    return new Topology(namespaces, nextInstance, macSeed, macCounter);
  }

  /**
   * The links (namespace to ifindexes) that got an IPv6 link-local address in this change, i.e. came up with
   * carrier; Linux starts sending IPv6 neighbour discovery and MLD from them. Valid after {@link #commit()}.
   */
  public Map<String, Set<Integer>> newLinkLocals() {
    return newLinkLocals;
  }

  /** The namespaces this change touched (changed, added or deleted); valid after {@link #commit()}. */
  public Set<String> touchedNamespaces() {
    Set<String> touched = new LinkedHashSet<>(drafts.keySet());
    touched.addAll(removed);
    return touched;
  }

  /**
   * Recomputes carrier, operstate and link-local state of the draft's dirty links, their veth peers in the same
   * namespace and their bridges; returns the veth peers in other namespaces whose carrier must follow.
   */
  private List<Peer> refreshState(Draft draft) {
    List<Peer> elsewhere = new ArrayList<>();
    Set<Integer> todo = new LinkedHashSet<>(draft.dirty);
    draft.dirty.clear();
    for (int index : new ArrayList<>(todo)) {
      Link link = draft.get(index);
      if (link != null && link.peer() != null && link.peer().namespace().equals(draft.name)) {
        todo.add(link.peer().index());
      }
    }
    Set<Integer> bridges = new LinkedHashSet<>();
    for (int index : todo) {
      Link link = draft.get(index);
      if (link == null) {
        continue;
      }
      if (link.isBridge()) {
        bridges.add(index);
        continue;
      }
      if (link.master() != 0) {
        bridges.add(link.master());
      }
      boolean carrier;
      OperState oper;
      if (link.isLoopback()) {
        carrier = link.adminUp();
        oper = link.adminUp() ? OperState.UNKNOWN : OperState.DOWN;
      } else {
        Link peer = peerLink(link);
        carrier = link.adminUp() && peer != null && peer.adminUp();
        if (!link.adminUp()) {
          oper = OperState.DOWN;
        } else if (carrier) {
          oper = OperState.UP;
        } else {
          boolean hasLowerLayer = link.kind() == LinkKind.VETH && peer != null && peer.index() != link.index();
          oper = hasLowerLayer ? OperState.LOWERLAYERDOWN : OperState.DOWN;
        }
        if (peer != null && !link.peer().namespace().equals(draft.name)
            && (peer.adminUp() && link.adminUp()) != peer.carrier()) {
          elsewhere.add(link.peer());
        }
      }
      if (carrier != link.carrier() && link.kind() == LinkKind.VETH) {
        // the carrier change is announced with the peer's namespace id
        allocateNsid(draft, link.peer().namespace());
      }
      Link updated = updateState(link, carrier, oper);
      noteLinkLocal(draft, link, updated);
      draft.putQuietly(updated);
    }
    for (int index : bridges) {
      Link bridge = draft.get(index);
      if (bridge == null) {
        continue;
      }
      boolean carrier = bridge.adminUp()
          && draft.portsOf(index).anyMatch((portIndex, port) -> port.adminUp() && port.carrier());
      Link updated = updateState(bridge, carrier, carrier ? OperState.UP : OperState.DOWN);
      noteLinkLocal(draft, bridge, updated);
      draft.putQuietly(updated);
    }
    return elsewhere;
  }

  private void noteLinkLocal(Draft draft, Link before, Link after) {
    if (after.linkLocal() != null && !after.linkLocal().equals(before.linkLocal())) {
      newLinkLocals.computeIfAbsent(draft.name, k -> new LinkedHashSet<>()).add(after.index());
    }
  }

  private Link updateState(Link link, boolean carrier, OperState oper) {
    LinkLocal linkLocal = link.linkLocal();
    if (!link.adminUp() || link.isLoopback()) {
      linkLocal = null;
    } else if (carrier && linkLocal == null) {
      linkLocal = new LinkLocal(now, link.mac());
    }
    if (carrier == link.carrier() && oper == link.operState() && Objects.equals(linkLocal, link.linkLocal())) {
      return link;
    }
    return link.withState(carrier, oper, linkLocal);
  }

  // ---------------------------------------------------------------- helpers

  private boolean exists(String name) {
    return drafts.containsKey(name) || namespaces.get(name) != null;
  }

  private Draft draft(String name) {
    Draft draft = drafts.get(name);
    if (draft != null) {
      return draft;
    }
    Namespace ns = namespaces.get(name);
    if (ns == null) {
      throw new IllegalArgumentException("no namespace " + (name.isEmpty() ? "(host)" : "\"" + name + "\""));
    }
    draft = new Draft(ns);
    drafts.put(name, draft);
    return draft;
  }

  private Link peerLink(Link link) {
    Peer peer = link.peer();
    if (peer == null) {
      return null;
    }
    Draft draft = drafts.get(peer.namespace());
    if (draft != null) {
      return draft.get(peer.index());
    }
    Namespace ns = namespaces.get(peer.namespace());
    return ns == null ? null : ns.link(peer.index());
  }

  /** Gives {@code peerNs} an id in {@code in} unless it has one: the lowest id not in use there. */
  private void allocateNsid(Draft in, String peerNs) {
    if (in.name.equals(peerNs) || in.nsids.idOf(peerNs) >= 0 || !exists(peerNs)) {
      return;
    }
    in.nsids = in.nsids.assign(peerNs);
    Draft peer = draft(peerNs);
    peer.nsids = peer.nsids.heldBy(in.name);
  }

  private Link newLink(int index, String name, LinkKind kind, Mac mac, int mtu, Peer peer) {
    return new Link(index, name, kind, mac, false, false, false, OperState.DOWN, false, mtu, DEFAULT_TX_QUEUE_LENGTH,
        0, 0, peer, List.of(), null, null);
  }

  private Mac nextMac() {
    return Topology.generatedMac(macSeed, macCounter++);
  }

  private static void checkNewName(Draft draft, String name) {
    if (name == null) {
      return;
    }
    if (!isValidName(name)) {
      throw new KernelException(Errno.EINVAL);
    }
    if (draft.byName(name) != null) {
      throw new KernelException(Errno.EEXIST);
    }
  }

  /** The kernel's {@code dev_valid_name}: 1..15 bytes, not "." or "..", no '/', ':' or white space. */
  public static boolean isValidName(String name) {
    if (name.isEmpty() || name.length() > 15 || name.equals(".") || name.equals("..")) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '/' || c == ':' || Character.isWhitespace(c) || c > 0x7e) {
        return false;
      }
    }
    return true;
  }

  private static String autoName(Draft draft, String prefix) {
    int n = 0;
    while (draft.byName(prefix + n) != null) {
      n++;
    }
    return prefix + n;
  }

  private static Link requireLink(Draft draft, String name) {
    Link link = draft.byName(name);
    if (link == null) {
      throw new IllegalArgumentException("no device \"" + name + "\" in namespace "
          + (draft.name.isEmpty() ? "(host)" : "\"" + draft.name + "\""));
    }
    return link;
  }

  /** Removes a link with everything hanging off it; a veth end takes its peer along. */
  private void removeLink(Draft draft, int index) {
    Link link = draft.get(index);
    if (link == null) {
      return;
    }
    if (link.isBridge()) {
      for (Link port : draft.portsOf(index).values()) {
        draft.put(port.withMaster(0, 0));
      }
    }
    detachFromMaster(draft, link);
    removeLinkState(draft, link);
    draft.remove(index);
    if (link.kind() == LinkKind.VETH) {
      Peer peer = link.peer();
      if (exists(peer.namespace())) {
        removeLink(draft(peer.namespace()), peer.index());
      }
    }
  }

  /** Drops the routes through a link and its sysctls (it is leaving the namespace). */
  private static void removeLinkState(Draft draft, Link link) {
    draft.removeRoutes(route -> route.device() == link.index());
    draft.sysctls = draft.sysctls.withoutDevice(link.name());
  }

  private void detachFromMaster(Draft draft, Link link) {
    Link current = draft.get(link.index());
    if (current == null || current.master() == 0) {
      return;
    }
    int bridge = current.master();
    draft.put(current.withMaster(0, 0));
    draft.dirty.add(bridge);
    Link master = draft.get(bridge);
    if (master != null && current.mac().equals(master.bridge().bridgeId())) {
      recalculateBridgeId(draft, bridge);
    }
  }

  /**
   * The kernel's {@code br_stp_recalculate_bridge_id}: unless the bridge's address was set by hand, the bridge
   * takes the lowest port MAC, or all zeros when the last port is gone.
   */
  private static void recalculateBridgeId(Draft draft, int bridgeIndex) {
    Link bridge = draft.get(bridgeIndex);
    if (bridge == null || bridge.macSetByUser()) {
      return;
    }
    Mac lowest = null;
    for (Link port : draft.portsOf(bridgeIndex).values()) {
      if (lowest == null || Long.compare(port.mac().bits(), lowest.bits()) < 0) {
        lowest = port.mac();
      }
    }
    Mac id = lowest == null ? Mac.ZERO : lowest;
    setBridgeId(draft, bridge, id);
  }

  /** The same rule when a port joins: the id can only go down to the new port's MAC (a zero id had no ports). */
  private static void portAdded(Draft draft, int bridgeIndex, Mac portMac) {
    Link bridge = draft.get(bridgeIndex);
    if (bridge.macSetByUser()) {
      return;
    }
    Mac current = bridge.bridge().bridgeId();
    boolean lower = current.equals(Mac.ZERO) || Long.compare(portMac.bits(), current.bits()) < 0;
    setBridgeId(draft, bridge, lower ? portMac : current);
  }

  private static void setBridgeId(Draft draft, Link bridge, Mac id) {
    if (id.equals(bridge.bridge().bridgeId())) {
      return;
    }
    draft.put(bridge.withMac(id, false).withBridge(bridge.bridge().withBridgeId(id)));
  }

  private void repointPeer(Link moved, String newNamespace) {
    Peer peer = moved.peer();
    if (peer == null || !exists(peer.namespace())) {
      return;
    }
    Draft peerDraft = draft(peer.namespace());
    Link peerLink = peerDraft.get(peer.index());
    if (peerLink != null) {
      peerDraft.put(peerLink.withPeer(new Peer(newNamespace, moved.index())));
    }
  }

  /** Renames a link the way the kernel relabels its addresses: the first takes the name, others keep suffixes. */
  private static Link renamedLink(Link link, String newName) {
    List<IfAddress> relabelled = new ArrayList<>();
    int named = 0;
    for (IfAddress address : link.addresses()) {
      named++;
      if (named == 1) {
        relabelled.add(address.withLabel(newName));
        continue;
      }
      int colon = address.label().indexOf(':');
      String suffix = colon >= 0 ? address.label().substring(colon) : ":" + named;
      String label = newName + suffix;
      if (label.length() > 15) {
        label = newName.substring(0, 15 - suffix.length()) + suffix;
      }
      relabelled.add(address.withLabel(label));
    }
    return link.withName(newName).withAddresses(relabelled);
  }

  /** The kernel's {@code __inet_insert_ifa}: secondary detection and primaries-before-secondaries order. */
  private static Link insertAddress(Draft draft, Link link, IfAddress address) {
    boolean secondary = false;
    int lastPrimary = 0;
    List<IfAddress> addresses = new ArrayList<>(link.addresses());
    for (int i = 0; i < addresses.size(); i++) {
      IfAddress existing = addresses.get(i);
      if (!existing.secondary() && address.scope().value() <= existing.scope().value()) {
        lastPrimary = i + 1;
      }
      if (existing.prefixLength() == address.prefixLength() && existing.covers(address.local().bits())) {
        if (existing.local().equals(address.local())) {
          throw new KernelException(Errno.EEXIST, "ipv4: Address already assigned");
        }
        if (existing.scope() != address.scope()) {
          throw new KernelException(Errno.EINVAL, "ipv4: Invalid scope value");
        }
        secondary = true;
      }
    }
    if (secondary) {
      addresses.add(address.withSecondary(true));
    } else {
      addresses.add(lastPrimary, address);
    }
    Link updated = link.withAddresses(addresses);
    draft.put(updated);
    return updated;
  }

  /** Keeps primaries before secondaries after a promotion, preserving relative order. */
  private static List<IfAddress> orderAddresses(List<IfAddress> addresses) {
    List<IfAddress> ordered = new ArrayList<>();
    addresses.stream().filter(a -> !a.secondary()).forEach(ordered::add);
    addresses.stream().filter(IfAddress::secondary).forEach(ordered::add);
    return ordered;
  }

  /** Replaces a link's addresses, removing the kernel routes that only the old set justified, adding new ones. */
  private static void replaceAddresses(Draft draft, Link link, List<IfAddress> addresses) {
    List<Route> before = new ArrayList<>();
    for (IfAddress address : link.addresses()) {
      before.addAll(kernelRoutes(link, address));
    }
    Link updated = link.withAddresses(addresses);
    List<Route> after = new ArrayList<>();
    for (IfAddress address : updated.addresses()) {
      after.addAll(kernelRoutes(updated, address));
    }
    draft.put(updated);
    List<Route> gone = new ArrayList<>(before);
    for (Route route : after) {
      gone.remove(route);
    }
    for (Route route : gone) {
      if (draft.tableView(route.table()).routes().contains(route)) {
        draft.table(route.table()).remove(route);
      }
    }
    List<Route> added = new ArrayList<>(after);
    for (Route route : before) {
      added.remove(route);
    }
    for (Route route : added) {
      insertKernelRoute(draft, route);
    }
  }

  /**
   * The routes the kernel's {@code fib_add_ifaddr} installs for an address: the local /32 always; when the
   * device is up, the explicit broadcast, and for a primary the connected route and the network's broadcast.
   */
  static List<Route> kernelRoutes(Link link, IfAddress address) {
    List<Route> routes = new ArrayList<>();
    IfAddress primary = address;
    if (address.secondary()) {
      primary = link.addresses().stream()
          .filter(a -> !a.secondary() && a.prefixLength() == address.prefixLength() && a.covers(address.local().bits()))
          .findFirst().orElse(address);
    }
    Ipv4 source = primary.local();
    routes.add(new Route(Route.TABLE_LOCAL, AddressType.LOCAL, Ipv4Prefix.host(address.local()), null, link.index(),
        RouteProtocol.KERNEL, Scope.HOST, source, 0));
    if (!link.adminUp()) {
      return routes;
    }
    Ipv4 broadcast = address.broadcast();
    if (broadcast != null && !broadcast.isAny() && !broadcast.isLimitedBroadcast()) {
      routes.add(broadcastRoute(link, broadcast, source));
    }
    Ipv4Prefix network = address.network();
    if (network.address() != 0 && !address.secondary()
        && (network.address() != address.local().bits() || address.prefixLength() < 32)) {
      boolean loopback = link.isLoopback();
      routes.add(new Route(loopback ? Route.TABLE_LOCAL : Route.TABLE_MAIN,
          loopback ? AddressType.LOCAL : AddressType.UNICAST, network, null, link.index(), RouteProtocol.KERNEL,
          loopback ? Scope.HOST : Scope.LINK, source, 0));
      if (address.prefixLength() < 31) {
        routes.add(broadcastRoute(link, network.broadcast(), source));
      }
    }
    return routes;
  }

  private static Route broadcastRoute(Link link, Ipv4 broadcast, Ipv4 source) {
    return new Route(Route.TABLE_LOCAL, AddressType.BROADCAST, Ipv4Prefix.host(broadcast), null, link.index(),
        RouteProtocol.KERNEL, Scope.LINK, source, 0);
  }

  /** {@code fib_magic}'s append: identical routes are not duplicated. */
  private static void insertKernelRoute(Draft draft, Route route) {
    List<Route> table = draft.table(route.table());
    if (!table.contains(route)) {
      insertSorted(table, route);
    }
  }

  /** Inserts after every route that sorts before it or equal to it (appending among equals). */
  private static void insertSorted(List<Route> table, Route route) {
    int at = table.size();
    while (at > 0 && RouteTable.DUMP_ORDER.compare(table.get(at - 1), route) > 0) {
      at--;
    }
    table.add(at, route);
  }

  private static boolean draftConf(Draft draft, String linkName, String key) {
    String all = SysctlResolver.read(draft, "net.ipv4.conf.all." + key);
    String device = SysctlResolver.read(draft, "net.ipv4.conf." + linkName + "." + key);
    return !"0".equals(all) || !"0".equals(device);
  }

  /**
   * A namespace being edited. Links and names are persistent maps (a change copies O(log n) of them), tables
   * are copied when first changed, and every link put here is marked dirty so that commit recomputes only
   * what may have changed.
   */
  private static final class Draft implements SysctlContext {
    final String name;
    final long instance;
    final boolean listed;
    private PersistentMap<Integer, Link> links;
    private PersistentMap<String, Integer> names;
    /** Bridge ifindex to its ports (ifindex to link), kept in step with every put and remove. */
    private PersistentMap<Integer, PersistentMap<Integer, Link>> ports;
    int nextIndex;
    private final Map<Integer, RouteTable> baseTables;
    private final Map<Integer, List<Route>> editedTables = new HashMap<>();
    Sysctls sysctls;
    NamespaceIds nsids;
    final Set<Integer> dirty = new LinkedHashSet<>();

    Draft(String name, long instance, boolean listed) {
      this.name = name;
      this.instance = instance;
      this.listed = listed;
      this.links = PersistentMap.empty();
      this.names = PersistentMap.empty();
      this.ports = PersistentMap.empty();
      this.nextIndex = 1;
      this.baseTables = Map.of();
      this.sysctls = Sysctls.NONE;
      this.nsids = NamespaceIds.NONE;
    }

    Draft(Namespace ns) {
      this.name = ns.name();
      this.instance = ns.instance();
      this.listed = ns.listed();
      this.links = ns.linkMap();
      this.names = ns.nameMap();
      this.ports = ns.portMap();
      this.nextIndex = ns.nextIndex();
      this.baseTables = ns.tables();
      this.sysctls = ns.sysctls();
      this.nsids = ns.nsids();
    }

    @Override
    public Sysctls sysctls() {
      return sysctls;
    }

    @Override
    public Link link(String linkName) {
      return byName(linkName);
    }

    @Override
    public Iterable<Link> links() {
      return links.values();
    }

    @Override
    public boolean isHost() {
      return name.isEmpty();
    }

    Link byName(String linkName) {
      Integer index = names.get(linkName);
      return index == null ? null : links.get(index);
    }

    Link get(int index) {
      return links.get(index);
    }

    boolean contains(int index) {
      return links.get(index) != null;
    }

    /** Every link, in ifindex order. */
    List<Link> all() {
      List<Link> all = links.values();
      all.sort(Comparator.comparingInt(Link::index));
      return all;
    }

    /** Stores a new or changed link and marks it for the state refresh at commit. */
    void put(Link link) {
      putQuietly(link);
      dirty.add(link.index());
    }

    void putQuietly(Link link) {
      Link old = links.get(link.index());
      if (old != null && !old.name().equals(link.name())) {
        names = names.remove(old.name());
      }
      links = links.put(link.index(), link);
      names = names.put(link.name(), link.index());
      if (old != null && old.master() != 0 && old.master() != link.master()) {
        unlistPort(old.master(), link.index());
      }
      if (link.master() != 0) {
        PersistentMap<Integer, Link> bridgePorts = ports.get(link.master());
        ports = ports.put(link.master(), (bridgePorts == null ? PersistentMap.<Integer, Link>empty() : bridgePorts)
            .put(link.index(), link));
      }
    }

    private void unlistPort(int bridge, int index) {
      PersistentMap<Integer, Link> bridgePorts = ports.get(bridge);
      if (bridgePorts != null) {
        PersistentMap<Integer, Link> rest = bridgePorts.remove(index);
        ports = rest.size() == 0 ? ports.remove(bridge) : ports.put(bridge, rest);
      }
    }

    /** The ports of a bridge, unordered. */
    PersistentMap<Integer, Link> portsOf(int bridge) {
      PersistentMap<Integer, Link> bridgePorts = ports.get(bridge);
      return bridgePorts == null ? PersistentMap.empty() : bridgePorts;
    }

    void remove(int index) {
      Link old = links.get(index);
      if (old != null) {
        links = links.remove(index);
        names = names.remove(old.name());
        if (old.master() != 0) {
          unlistPort(old.master(), index);
        }
        ports = ports.remove(index);
      }
      dirty.remove(index);
    }

    /** Table {@code id} for changing. */
    List<Route> table(int id) {
      return editedTables.computeIfAbsent(id, k -> {
        RouteTable base = baseTables.get(k);
        return base == null ? new ArrayList<>() : new ArrayList<>(base.routes());
      });
    }

    RouteTable tableView(int id) {
      List<Route> edited = editedTables.get(id);
      if (edited != null) {
        return RouteTable.ofSorted(edited);
      }
      return baseTables.getOrDefault(id, RouteTable.EMPTY);
    }

    void removeRoutes(Predicate<Route> remove) {
      Set<Integer> ids = new LinkedHashSet<>(baseTables.keySet());
      ids.addAll(editedTables.keySet());
      for (int id : ids) {
        List<Route> edited = editedTables.get(id);
        List<Route> current = edited != null ? edited : baseTables.get(id).routes();
        if (current.stream().anyMatch(remove)) {
          table(id).removeIf(remove);
        }
      }
    }

    /**
     * The kernel's ifindex allocation: {@code preferred} when free (a moved device keeps its index), else the
     * lowest free index from the namespace's cyclic cursor on.
     */
    int allocateIndex(int preferred) {
      if (preferred > 0 && !contains(preferred)) {
        return preferred;
      }
      int candidate = nextIndex;
      while (contains(candidate)) {
        candidate = candidate == Integer.MAX_VALUE ? 1 : candidate + 1;
      }
      nextIndex = candidate == Integer.MAX_VALUE ? 1 : candidate + 1;
      return candidate;
    }

    Namespace freeze() {
      Map<Integer, RouteTable> frozen = new HashMap<>(baseTables);
      editedTables.forEach((id, routes) -> {
        if (routes.isEmpty()) {
          frozen.remove(id);
        } else {
          frozen.put(id, RouteTable.ofSorted(routes));
        }
      });
      return new Namespace(name, instance, listed, links, names, ports, nextIndex, frozen, sysctls, nsids);
    }
  }
}
