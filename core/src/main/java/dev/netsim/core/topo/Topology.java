package dev.netsim.core.topo;

import dev.netsim.core.value.Mac;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * An immutable snapshot of the whole simulated machine's network: every namespace with its links, addresses,
 * routes and sysctls. Changes go through {@link #edit}, which returns a new snapshot and leaves this one as
 * it was, so a command the kernel refuses changes nothing. A change copies only the namespaces it touches.
 *
 * <p>MACs the kernel would pick at random come from a seeded generator, so the same script always gets the
 * same MACs.
 */
public final class Topology {
  /** The seed {@link #initial()} uses. */
  public static final long DEFAULT_MAC_SEED = 0x6e657473696dL;

  private final PersistentMap<String, Namespace> namespaces;
  private final long nextInstance;
  private final long macSeed;
  private final long macCounter;

  Topology(PersistentMap<String, Namespace> namespaces, long nextInstance, long macSeed, long macCounter) {
    this.namespaces = namespaces;
    this.nextInstance = nextInstance;
    this.macSeed = macSeed;
    this.macCounter = macCounter;
  }

  /**
   * A machine with only the host's namespace, whose loopback is up with 127.0.0.1/8 as on a running Linux
   * host.
   */
  public static Topology initial() {
    return initial(DEFAULT_MAC_SEED);
  }

  /** As {@link #initial()}, with the given seed for generated MACs. */
  public static Topology initial(long macSeed) {
    Topology empty = new Topology(PersistentMap.empty(), 1, macSeed, 0);
    TopologyEditor editor = new TopologyEditor(empty, 0);
    editor.createNamespace("", false);
    editor.setUp("", "lo", true);
    return editor.commit();
  }

  /** The namespace named {@code name} ("" is the host), or null. */
  public Namespace namespace(String name) {
    return namespaces.get(name);
  }

  /** The namespace named {@code name}; throws IllegalArgumentException when there is none. */
  public Namespace requireNamespace(String name) {
    Namespace namespace = namespaces.get(name);
    if (namespace == null) {
      throw new IllegalArgumentException("no namespace " + (name.isEmpty() ? "(host)" : name));
    }
    return namespace;
  }

  /** The host's own namespace. */
  public Namespace host() {
    return namespaces.get("");
  }

  /** Every namespace, oldest first. */
  public List<Namespace> namespaces() {
    List<Namespace> all = namespaces.values();
    all.sort(Comparator.comparingLong(Namespace::instance));
    return all;
  }

  /** The namespaces {@code ip netns list} shows (those in /var/run/netns), newest first as it lists them. */
  public List<Namespace> listedNamespaces() {
    List<Namespace> listed = namespaces.values();
    listed.removeIf(ns -> !ns.listed());
    listed.sort(Comparator.comparingLong(Namespace::instance).reversed());
    return listed;
  }

  public int namespaceCount() {
    return namespaces.size();
  }

  /** The link at the other end of {@code link}'s veth pair or NIC wire, or null when it has none. */
  public Link peerOf(Link link) {
    Peer peer = link.peer();
    if (peer == null) {
      return null;
    }
    Namespace ns = namespaces.get(peer.namespace());
    return ns == null ? null : ns.link(peer.index());
  }

  /** Shorthand for {@code namespace(netns).typeOf(address)}: iptables' addrtype view of an address. */
  public AddressType typeOf(String netns, int address) {
    return requireNamespace(netns).typeOf(address);
  }

  /** Shorthand for {@code namespace(netns).lookupRoute(destination)}. */
  public Route lookupRoute(String netns, int destination) {
    return requireNamespace(netns).lookupRoute(destination);
  }

  /** Starts a change at virtual time {@code nowNanos}; {@link TopologyEditor#commit()} gives the new snapshot. */
  public TopologyEditor edit(long nowNanos) {
    return new TopologyEditor(this, nowNanos);
  }

  /**
   * Applies {@code change} at virtual time {@code nowNanos} and returns the new snapshot. When the change throws
   * (a {@link KernelException} for what the kernel refuses), this snapshot is untouched.
   */
  public Topology edit(long nowNanos, Consumer<TopologyEditor> change) {
    TopologyEditor editor = new TopologyEditor(this, nowNanos);
    change.accept(Objects.requireNonNull(editor));
    return editor.commit();
  }

  PersistentMap<String, Namespace> namespaceMap() {
    return namespaces;
  }

  long nextInstance() {
    return nextInstance;
  }

  long macSeed() {
    return macSeed;
  }

  long macCounter() {
    return macCounter;
  }

  /** The {@code counter}-th generated MAC: random-looking, locally administered, unicast, like eth_random_addr. */
  static Mac generatedMac(long seed, long counter) {
    long z = seed + (counter + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z = z ^ (z >>> 31);
    long bits = z & 0xffff_ffff_ffffL;
    bits &= ~(1L << 40); // unicast
    bits |= 1L << 41; // locally administered
    return new Mac(bits);
  }
}
