package dev.netsim.sim.tools.docker;

import dev.netsim.core.topo.AddressType;
import dev.netsim.core.topo.IfAddress;
import dev.netsim.core.topo.Route;
import dev.netsim.core.topo.RouteProtocol;
import dev.netsim.core.topo.Scope;
import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Ipv4Prefix;
import dev.netsim.core.value.Mac;
import dev.netsim.rules.cli.IptablesCommand;
import dev.netsim.sim.World;
import dev.netsim.sim.stack.SocketError;
import dev.netsim.sim.tools.docker.Container.PortMapping;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Docker daemon of one simulated host (one per {@link World}): its containers, and what starting and
 * stopping them does to the machine, as Docker Engine 20.10-27 does it for the default bridge network — a
 * namespace per container, a veth pair into {@code docker0}, addresses from 172.17.0.2 up, and for each
 * published port a DNAT rule in nat DOCKER, an ACCEPT rule in filter DOCKER and the hairpin MASQUERADE,
 * all through the iptables command users run, and a docker-proxy listening on the host's port.
 */
public final class DockerDaemon {
  static final String BRIDGE = "docker0";
  static final Ipv4 GATEWAY = Ipv4.parse("172.17.0.1");
  static final Ipv4Prefix SUBNET = Ipv4Prefix.parse("172.17.0.0/16");
  private static final Ipv4 SUBNET_BROADCAST = Ipv4.parse("172.17.255.255");

  private final World world;
  private final Map<String, Container> containers = new LinkedHashMap<>();
  private final Map<String, ContainerProcess> processes = new HashMap<>();
  private final Map<String, List<DockerProxy>> proxies = new HashMap<>();
  private int nextSequence;

  private DockerDaemon(World world) {
    this.world = world;
  }

  /** The daemon of {@code world}, created with it on first use. */
  public static DockerDaemon of(World world) {
    return world.service(DockerDaemon.class, () -> new DockerDaemon(world));
  }

  /** Every container, the newest first (as {@code docker ps -a} lists them). */
  public List<Container> containers() {
    List<Container> all = new ArrayList<>(containers.values());
    all.sort(Comparator.comparingInt(Container::sequence).reversed());
    return all;
  }

  /**
   * The container a name, a full id or a unique id prefix names (Docker's lookup order).
   *
   * @throws DockerException "No such container" when none does
   */
  Container find(String reference) {
    for (Container container : containers.values()) {
      if (container.name().equals(reference) || container.name().equals(reference.replaceFirst("^/", ""))
          || container.id().equals(reference)) {
        return container;
      }
    }
    List<Container> prefixed = containers.values().stream().filter(c -> c.id().startsWith(reference)).toList();
    if (prefixed.size() == 1 && !reference.isEmpty()) {
      return prefixed.get(0);
    }
    throw new DockerException("Error response from daemon: No such container: " + reference, 1);
  }

  /** Whether a container by this name or id exists. */
  boolean exists(String reference) {
    try {
      find(reference);
      return true;
    } catch (DockerException e) {
      return false;
    }
  }

  /**
   * {@code docker create}: a new container, not started.
   *
   * @throws DockerException when the name is taken
   */
  Container create(String name, Image image, List<String> args, String network, List<PortMapping> ports,
      boolean autoRemove, boolean tty) {
    int sequence = nextSequence++;
    String id = hex("container " + sequence + " " + name + " " + image.reference());
    String actualName = name != null ? name : GeneratedNames.forId(id);
    for (Container other : containers.values()) {
      if (other.name().equals(actualName)) {
        throw new DockerException("docker: Error response from daemon: Conflict. The container name \"/" + actualName
            + "\" is already in use by container \"" + other.id() + "\". You have to remove (or rename) that container"
            + " to be able to reuse that name.\nSee 'docker run --help'.", 125);
      }
    }
    Container container = new Container(sequence, id, actualName, image, args.isEmpty() ? image.cmd() : args, network,
        ports, autoRemove, tty, false, null, null, null, world.now(), -1, -1, 0);
    containers.put(id, container);
    return container;
  }

  /**
   * Starts {@code container}: its namespace and veth (bridge mode), its published ports, its program. A web
   * server that cannot bind its port exits at once with status 1, as nginx does.
   *
   * @throws DockerException when a published host port is taken (the container is not started)
   */
  Container start(Container container) {
    if (container.running()) {
      return container;
    }
    for (PortMapping port : container.ports()) {
      for (Container other : containers.values()) {
        if (other.running() && other.ports().stream().anyMatch(p -> p.hostPort() == port.hostPort()
            && p.protocol().equals(port.protocol()))) {
          throw new DockerException("docker: Error response from daemon: driver failed programming external"
              + " connectivity on endpoint " + container.name() + " (" + hex("endpoint " + container.id()) + "): Bind for"
              + " 0.0.0.0:" + port.hostPort() + " failed: port is already allocated.", 125);
        }
      }
    }
    long now = world.now();
    Container running = switch (container.network()) {
      case "host" -> container.started("", null, null, now);
      case "none" -> {
        String netns = namespaceName(container);
        world.change(editor -> {
          editor.addNamespace(netns, false);
          editor.setUp(netns, "lo", true);
        });
        yield container.started(netns, null, null, now);
      }
      default -> startOnBridge(container, nextAddress(), now);
    };
    containers.put(running.id(), running);
    if (running.network().equals("bridge")) {
      for (PortMapping port : running.ports()) {
        publish(running, port, "-A");
      }
    }
    ContainerProcess process = ContainerProcess.start(world, running);
    if (process.exitStatus() >= 0) {
      return exit(running, process.exitStatus());
    }
    processes.put(running.id(), process);
    return running;
  }

  private Container startOnBridge(Container container, Ipv4 address, long now) {
    startProxies(container, address);
    String netns = namespaceName(container);
    String hostVeth = "veth" + hex("veth " + container.id()).substring(0, 7);
    Container running = container.started(netns, address, hostVeth, now);
    world.change(editor -> {
      editor.addNamespace(netns, false);
      editor.addVeth("", hostVeth, netns, "eth0");
      // libnetwork creates the pair with a queue length of 0, which both ends take.
      editor.setTxQueueLength("", hostVeth, 0);
      editor.setTxQueueLength(netns, "eth0", 0);
      editor.setMac(netns, "eth0", Mac.parse(running.mac()));
      editor.setMaster("", hostVeth, BRIDGE);
      editor.setUp("", hostVeth, true);
      editor.setUp(netns, "lo", true);
      editor.addAddress(netns, "eth0", new IfAddress(address, 16, SUBNET_BROADCAST, Scope.GLOBAL, "eth0", false));
      editor.setUp(netns, "eth0", true);
      editor.addRoute(netns, new Route(Route.TABLE_MAIN, AddressType.UNICAST, Ipv4Prefix.ANY, GATEWAY, 0,
          RouteProtocol.BOOT, Scope.GLOBAL, null, 0), false);
    });
    return running;
  }

  /**
   * Starts a docker-proxy for each published TCP port, before anything else changes, as Docker allocates
   * host ports first.
   *
   * @throws DockerException when something on the host listens on a published port already
   */
  private void startProxies(Container container, Ipv4 address) {
    List<DockerProxy> started = new ArrayList<>();
    for (PortMapping port : container.ports()) {
      if (!port.protocol().equals("tcp")) {
        continue;
      }
      try {
        started.add(DockerProxy.start(world.kernel().host(""), port.hostPort(), address, port.containerPort()));
      } catch (SocketError e) {
        started.forEach(DockerProxy::stop);
        throw new DockerException("docker: Error response from daemon: driver failed programming external"
            + " connectivity on endpoint " + container.name() + " (" + hex("endpoint " + container.id()) + "): Error"
            + " starting userland proxy: listen tcp4 0.0.0.0:" + port.hostPort() + ": bind: address already in use.", 125);
      }
    }
    proxies.put(container.id(), started);
  }

  /** The lowest address of 172.17.0.0/16 after the gateway that no running container holds. */
  private Ipv4 nextAddress() {
    int candidate = GATEWAY.bits() + 1;
    while (true) {
      int bits = candidate;
      if (containers.values().stream().noneMatch(c -> c.address() != null && c.address().bits() == bits)) {
        return Ipv4.of(bits);
      }
      candidate++;
    }
  }

  /**
   * Stops {@code container} ({@code docker stop}): its program ends with {@code status}, its rules and
   * namespace go; with {@code --rm} it is removed. Returns the container afterwards, or null once removed.
   */
  Container stop(Container container, int status) {
    if (!container.running()) {
      return container;
    }
    return exit(container, status);
  }

  private Container exit(Container container, int status) {
    ContainerProcess process = processes.remove(container.id());
    if (process != null) {
      process.stop();
    }
    proxies.getOrDefault(container.id(), List.of()).forEach(DockerProxy::stop);
    proxies.remove(container.id());
    if (container.network().equals("bridge")) {
      for (PortMapping port : container.ports()) {
        publish(container, port, "-D");
      }
    }
    if (!container.netns().isEmpty() && world.namespace(container.netns()) != null) {
      world.change(editor -> editor.deleteNamespace(container.netns()));
    }
    Container exited = container.exited(status, world.now());
    if (container.autoRemove()) {
      containers.remove(container.id());
      return null;
    }
    containers.put(exited.id(), exited);
    return exited;
  }

  /** {@code docker rm}: forgets a container that is not running. */
  void remove(Container container) {
    if (container.running()) {
      throw new DockerException("Error response from daemon: cannot remove container \"/" + container.name()
          + "\": container is running: stop the container before removing or force remove", 1);
    }
    containers.remove(container.id());
  }

  /** Adds ({@code -A}) or deletes ({@code -D}) the three rules Docker keeps for one published port. */
  private void publish(Container container, PortMapping port, String action) {
    String proto = port.protocol();
    String address = container.address().toString();
    iptables("-t", "nat", action, "DOCKER", "!", "-i", BRIDGE, "-p", proto, "-m", proto, "--dport",
        Integer.toString(port.hostPort()), "-j", "DNAT", "--to-destination", address + ":" + port.containerPort());
    iptables("-t", "filter", action, "DOCKER", "-d", address + "/32", "!", "-i", BRIDGE, "-o", BRIDGE, "-p", proto,
        "-m", proto, "--dport", Integer.toString(port.containerPort()), "-j", "ACCEPT");
    iptables("-t", "nat", action, "POSTROUTING", "-s", address + "/32", "-d", address + "/32", "-p", proto, "-m",
        proto, "--dport", Integer.toString(port.containerPort()), "-j", "MASQUERADE");
  }

  /** Runs one iptables command on the host's rules, as dockerd runs the iptables binary. */
  private void iptables(String... args) {
    List<String> argv = new ArrayList<>();
    argv.add("iptables");
    argv.addAll(List.of(args));
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(output, true, StandardCharsets.UTF_8);
    int status = new IptablesCommand(world.kernel().runtime("").iptables()).run(argv, stream, stream);
    if (status != 0) {
      // the user removed or changed Docker's chains: dockerd fails the operation with iptables' message
      throw new DockerException("Error response from daemon: driver failed programming external connectivity:"
          + " (iptables failed: " + String.join(" ", argv) + ": " + output.toString(StandardCharsets.UTF_8).strip()
          + " (exit status " + status + "))", 125);
    }
  }

  private static String namespaceName(Container container) {
    return "docker-" + container.shortId();
  }

  /** 64 hex digits derived from {@code seed}: ids that look like Docker's and repeat between runs. */
  static String hex(String seed) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
