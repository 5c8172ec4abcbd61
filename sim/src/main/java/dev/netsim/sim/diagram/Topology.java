package dev.netsim.sim.diagram;

import dev.netsim.core.topo.IfAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The machine a trace ran on, as the diagram draws it beside the packet flow: namespaces with their
 * interfaces (addresses, the bridge a port belongs to) and the veth pairs between them. The engine's
 * topology maps onto this plain description.
 *
 * @param namespaces in the order to draw them ("" is the host's own namespace)
 * @param links veth pairs (and other point-to-point links)
 */
public record Topology(List<Namespace> namespaces, List<Link> links) {
  public Topology {
    namespaces = List.copyOf(namespaces);
    links = List.copyOf(links);
  }

  /** A network namespace and its interfaces, in the order to list them. */
  public record Namespace(String name, List<Interface> interfaces) {
    public Namespace {
      Objects.requireNonNull(name, "name");
      interfaces = List.copyOf(interfaces);
    }

    /** "host" for the initial namespace, the name otherwise. */
    public String label() {
      return name.isEmpty() ? "host" : name;
    }
  }

  /**
   * An interface.
   *
   * @param name e.g. {@code reth0}
   * @param addresses e.g. {@code 11.11.11.2/24} (may be empty)
   * @param bridge true for a bridge device
   * @param master the bridge this interface is a port of, or null
   */
  public record Interface(String name, List<String> addresses, boolean bridge, String master) {
    public Interface {
      Objects.requireNonNull(name, "name");
      addresses = List.copyOf(addresses);
    }

    public static Interface of(String name, String... addresses) {
      return new Interface(name, List.of(addresses), false, null);
    }

    public static Interface bridge(String name, String... addresses) {
      return new Interface(name, List.of(addresses), true, null);
    }

    public static Interface port(String name, String master) {
      return new Interface(name, List.of(), false, master);
    }
  }

  /** A veth pair: {@code deviceA} in {@code netnsA} and {@code deviceB} in {@code netnsB}. */
  public record Link(String netnsA, String deviceA, String netnsB, String deviceB) {
    public Link {
      Objects.requireNonNull(netnsA, "netnsA");
      Objects.requireNonNull(deviceA, "deviceA");
      Objects.requireNonNull(netnsB, "netnsB");
      Objects.requireNonNull(deviceB, "deviceB");
    }
  }

  /**
   * The picture of the engine's {@code topology}: the host's namespace first, then the named ones in the
   * order they were added; each namespace's interfaces by index; each veth pair once.
   */
  public static Topology of(dev.netsim.core.topo.Topology topology) {
    List<Namespace> namespaces = new ArrayList<>();
    List<Link> links = new ArrayList<>();
    for (dev.netsim.core.topo.Namespace ns : topology.namespaces()) {
      List<Interface> interfaces = new ArrayList<>();
      for (dev.netsim.core.topo.Link link : ns.links()) {
        dev.netsim.core.topo.Link master = link.master() == 0 ? null : ns.link(link.master());
        List<String> addresses = link.addresses().stream().map(IfAddress::toString).toList();
        interfaces.add(new Interface(link.name(), addresses, link.isBridge(), master == null ? null : master.name()));
        dev.netsim.core.topo.Link peer = topology.peerOf(link);
        if (peer != null && isFirstEnd(ns.name(), link.index(), link.peer().namespace(), peer.index(), topology)) {
          links.add(new Link(ns.name(), link.name(), link.peer().namespace(), peer.name()));
        }
      }
      namespaces.add(new Namespace(ns.name(), interfaces));
    }
    return new Topology(namespaces, links);
  }

  /** Whether (netns, index) comes before its peer in the order namespaces and links are listed. */
  private static boolean isFirstEnd(String netns, int index, String peerNetns, int peerIndex,
      dev.netsim.core.topo.Topology topology) {
    if (!netns.equals(peerNetns)) {
      List<String> order = topology.namespaces().stream().map(dev.netsim.core.topo.Namespace::name).toList();
      return order.indexOf(netns) < order.indexOf(peerNetns);
    }
    return index < peerIndex;
  }

  /** The namespace called {@code name}, or null. */
  public Namespace namespace(String name) {
    for (Namespace namespace : namespaces) {
      if (namespace.name().equals(name)) {
        return namespace;
      }
    }
    return null;
  }

  /** The bridge {@code device} in {@code netns} is a port of, or null. */
  public String bridgeOf(String netns, String device) {
    Namespace namespace = namespace(netns);
    if (namespace == null) {
      return null;
    }
    for (Interface candidate : namespace.interfaces()) {
      if (candidate.name().equals(device)) {
        return candidate.master();
      }
    }
    return null;
  }
}
