package dev.netsim.sim;

import dev.netsim.sim.engine.Kernel;
import java.util.function.Function;

import dev.netsim.core.state.BridgeFdb;
import dev.netsim.core.state.NeighbourEntry;
import dev.netsim.core.state.NeighbourParams;
import dev.netsim.core.state.NeighbourTable;
import dev.netsim.core.state.ProbeSink;
import dev.netsim.core.time.VirtualClock;
import dev.netsim.core.topo.Errno;
import dev.netsim.core.topo.KernelException;
import dev.netsim.core.topo.Link;
import dev.netsim.core.topo.Namespace;
import dev.netsim.core.topo.Topology;
import dev.netsim.core.topo.TopologyEditor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The simulated machine: every network namespace with its interfaces, addresses, routes and sysctls (the
 * current {@link Topology} snapshot), the virtual clock, and the mutable state packets leave behind (neighbour
 * caches and bridge FDBs here; iptables rule sets, conntrack and sockets join later).
 *
 * <p>Commands replace the topology snapshot whole through {@link #change}, so a command that fails leaves it
 * untouched; afterwards the runtime state follows (entries of devices that went down or away are dropped, as
 * the kernel does).
 *
 * <p>Threads: a world, its {@link Kernel} and everything they hold are confined to one thread at a time (one
 * script drives one world; nothing inside synchronises). Separate worlds share nothing mutable, so any number
 * of them may run on different threads at once and each gets exactly what it would get alone. What worlds do
 * share is immutable: {@link Topology} snapshots (so {@code new World(other.topology())} on another thread
 * starts from a shared, frozen topology, with its own neighbour caches, rule sets, counters and conntrack),
 * the standard extension and tool registries, and model values (records). To probe one set-up from many
 * threads, give each thread its own world built from the same snapshot or script.
 */
public final class World {
  private final VirtualClock clock = new VirtualClock();
  private Topology topology;
  private final Map<String, NeighbourTable> neighbours = new HashMap<>();
  private final Map<String, Map<Integer, BridgeFdb>> fdbs = new HashMap<>();
  private final Map<String, Map<Integer, NeighbourParams>> neighbourParams = new HashMap<>();
  private Function<String, ProbeSink> probeSinks = netns -> ProbeSink.UNANSWERED;
  private Kernel kernel;
  private final LinkLocalChatter chatter = new LinkLocalChatter();
  private boolean runningTimers;
  private final Map<Class<?>, Object> services = new HashMap<>();
  private final Set<String> otherMachines = new HashSet<>();

  /** A machine with only the host's namespace (loopback up), as {@link Topology#initial()}. */
  public World() {
    this(Topology.initial());
  }

  public World(Topology initial) {
    this.topology = Objects.requireNonNull(initial);
  }

  public VirtualClock clock() {
    return clock;
  }

  /** The current virtual time in nanoseconds. */
  public long now() {
    return clock.nanos();
  }

  /** The current topology snapshot. */
  public Topology topology() {
    return topology;
  }

  /** The namespace named {@code netns} ("" is the host), or null. */
  public Namespace namespace(String netns) {
    return topology.namespace(netns);
  }

  /**
   * Applies one change at the current virtual time and makes the result the current snapshot. When the change
   * throws (a {@link KernelException} for what the kernel refuses), nothing changes. Neighbour entries of
   * devices that went down or away, and FDB entries of ports that stopped forwarding, are dropped afterwards.
   */
  public Topology change(Consumer<TopologyEditor> change) {
    runTimers();
    TopologyEditor editor = topology.edit(clock.nanos());
    change.accept(editor);
    topology = editor.commit();
    for (String name : editor.touchedNamespaces()) {
      reconcile(name);
    }
    editor.newLinkLocals().forEach((netns, indexes) -> {
      Namespace ns = topology.namespace(netns);
      for (int index : indexes) {
        chatter.started(netns, index, ns.link(index).linkLocal());
      }
    });
    runTimers();
    return topology;
  }

  /**
   * The neighbour (ARP) cache of namespace {@code netns}, its timers run up to now. Created empty on first use.
   */
  public NeighbourTable neighbours(String netns) {
    requireNamespace(netns);
    // get before create: the packet path asks for every packet, and computeIfAbsent's lambda would be
    // allocated each time
    NeighbourTable table = neighbours.get(netns);
    if (table == null) {
      NeighbourTable created = new NeighbourTable(index -> paramsFor(netns, index));
      created.setProbeSink(probeSinks.apply(netns));
      neighbours.put(netns, created);
      table = created;
    }
    runTimers();
    table.advance(clock.nanos());
    return table;
  }

  /** Where each namespace's neighbour table sends the ARP requests its timers call for (the packet engine). */
  public void setNeighbourProbeSinks(Function<String, ProbeSink> sinks) {
    probeSinks = Objects.requireNonNull(sinks);
    neighbours.forEach((netns, table) -> table.setProbeSink(sinks.apply(netns)));
  }

  /** The packet path and per-namespace runtime state (rules, conntrack, sockets), created on first use. */
  public Kernel kernel() {
    if (kernel == null) {
      kernel = new Kernel(this);
    }
    return kernel;
  }

  /**
   * Marks namespace {@code name} as another machine beside this host (a preset's outside PC, the internet):
   * none of the host's own listings shows it ({@code ip netns list}, {@code lsns}), as a real host would not,
   * but {@code ip netns exec NAME CMD} runs CMD there, netsim's stand-in for a terminal on that machine.
   */
  public void markOtherMachine(String name) {
    otherMachines.add(Objects.requireNonNull(name));
  }

  /** Whether {@code name} is {@linkplain #markOtherMachine another machine}, not a namespace of this host. */
  public boolean isOtherMachine(String name) {
    return otherMachines.contains(name);
  }

  /**
   * The world's one instance of {@code type}, created by {@code create} on first use: state that programs
   * outside the kernel keep for this machine (the Docker daemon's containers), so it lives and dies with
   * the world instead of leaking between runs.
   */
  public <T> T service(Class<T> type, Supplier<T> create) {
    return type.cast(services.computeIfAbsent(type, key -> Objects.requireNonNull(create.get(), "created service")));
  }

  /**
   * The forwarding database of the bridge with ifindex {@code bridgeIndex} in {@code netns}, its local addresses
   * and ageing time following the topology. IllegalArgumentException when that link is not a bridge.
   */
  public BridgeFdb fdb(String netns, int bridgeIndex) {
    Namespace ns = requireNamespace(netns);
    Link bridge = ns.link(bridgeIndex);
    if (bridge == null || !bridge.isBridge()) {
      throw new IllegalArgumentException("no bridge with index " + bridgeIndex + " in " + describe(netns));
    }
    // get before create, as in neighbours(): every bridged packet asks
    Map<Integer, BridgeFdb> bridges = fdbs.get(netns);
    if (bridges == null) {
      bridges = new HashMap<>();
      fdbs.put(netns, bridges);
    }
    BridgeFdb fdb = bridges.get(bridgeIndex);
    if (fdb == null) {
      fdb = new BridgeFdb();
      fdb.setAgeingTime(bridge.bridge().ageingTimeNanos());
      fdb.setLocal(BridgeFdb.localAddresses(ns, bridge));
      bridges.put(bridgeIndex, fdb);
    }
    runTimers();
    return fdb;
  }

  /** Runs the world's own timers (Linux's automatic IPv6 packets) up to now; re-entry does nothing. */
  private void runTimers() {
    if (runningTimers) {
      return;
    }
    runningTimers = true;
    try {
      chatter.run(this, clock.nanos());
    } finally {
      runningTimers = false;
    }
  }

  /**
   * The value of sysctl {@code key} ({@code net.ipv4.ip_forward} or {@code net/ipv4/ip_forward}) in {@code netns},
   * as {@code cat /proc/sys/...} prints it without the newline; vector values are tab-separated. Throws a
   * {@link KernelException} with ENOENT when the key does not exist there (cat: "No such file or directory").
   */
  public String readSysctl(String netns, String key) {
    String value = requireNamespace(netns).sysctl(key);
    if (value == null) {
      throw new KernelException(Errno.ENOENT);
    }
    return value;
  }

  /**
   * Writes sysctl {@code key} in {@code netns} as {@code echo VALUE > /proc/sys/...} does (surrounding white space
   * and the trailing newline are ignored). Throws a {@link KernelException}: ENOENT for an unknown key, EACCES for
   * a read-only one ("Permission denied"), EINVAL for a value it cannot take ("Invalid argument"); nothing changes
   * then.
   */
  public void writeSysctl(String netns, String key, String value) {
    requireNamespace(netns);
    change(editor -> editor.writeSysctl(netns, key, value));
  }

  private Namespace requireNamespace(String netns) {
    Namespace ns = topology.namespace(netns);
    if (ns == null) {
      throw new IllegalArgumentException("no namespace " + describe(netns));
    }
    return ns;
  }

  private static String describe(String netns) {
    return netns.isEmpty() ? "(host)" : "\"" + netns + "\"";
  }

  private NeighbourParams paramsFor(String netns, int ifindex) {
    return neighbourParams.computeIfAbsent(netns, name -> new HashMap<>()).computeIfAbsent(ifindex, index -> {
      Namespace ns = topology.namespace(netns);
      Link link = ns == null ? null : ns.link(index);
      if (link == null) {
        return NeighbourParams.DEFAULTS;
      }
      String prefix = "net.ipv4.neigh." + link.name() + ".";
      long ms = 1_000_000L;
      long s = 1_000_000_000L;
      return new NeighbourParams(
          ns.sysctlInt(prefix + "base_reachable_time_ms") * ms,
          ns.sysctlInt(prefix + "delay_first_probe_time") * s,
          ns.sysctlInt(prefix + "retrans_time_ms") * ms,
          ns.sysctlInt(prefix + "ucast_solicit"),
          ns.sysctlInt(prefix + "mcast_solicit"),
          ns.sysctlInt(prefix + "app_solicit"),
          ns.sysctlInt(prefix + "mcast_resolicit"),
          ns.sysctlInt(prefix + "gc_stale_time") * s);
    });
  }

  /** Brings a namespace's runtime state in line with its new topology. */
  private void reconcile(String netns) {
    neighbourParams.remove(netns);
    Namespace ns = topology.namespace(netns);
    if (ns == null) {
      neighbours.remove(netns);
      fdbs.remove(netns);
      return;
    }
    NeighbourTable table = neighbours.get(netns);
    if (table != null) {
      Set<Integer> devices = new HashSet<>();
      for (NeighbourEntry entry : table.entries()) {
        devices.add(entry.ifindex());
      }
      for (int index : devices) {
        Link link = ns.link(index);
        if (link == null || !link.adminUp()) {
          table.forgetDevice(index, true);
        } else if (!link.carrier()) {
          table.forgetDevice(index, false);
        }
      }
    }
    Map<Integer, BridgeFdb> bridges = fdbs.get(netns);
    if (bridges != null) {
      bridges.entrySet().removeIf(entry -> {
        Link bridge = ns.link(entry.getKey());
        if (bridge == null || !bridge.isBridge()) {
          return true;
        }
        BridgeFdb fdb = entry.getValue();
        fdb.setAgeingTime(bridge.bridge().ageingTimeNanos());
        fdb.setLocal(BridgeFdb.localAddresses(ns, bridge));
        fdb.learned(clock.nanos()).stream().map(station -> station.port()).distinct().forEach(port -> {
          Link link = ns.link(port);
          boolean forwarding = link != null && link.master() == bridge.index() && bridge.adminUp() && link.lowerUp();
          if (!forwarding) {
            fdb.forgetPort(port);
          }
        });
        return false;
      });
    }
  }
}
