package dev.netsim.sim.engine;

import com.google.common.collect.MapMaker;
import dev.netsim.core.packet.ArpPacket;
import dev.netsim.core.packet.EthernetFrame;
import dev.netsim.core.packet.Icmp;
import dev.netsim.core.packet.Ipv4Packet;
import dev.netsim.core.packet.Tcp;
import dev.netsim.core.state.BridgeFdb;
import dev.netsim.core.state.NeighbourEntry;
import dev.netsim.core.state.NeighbourTable;
import dev.netsim.core.state.ProbeSink;
import dev.netsim.core.topo.AddressType;
import dev.netsim.core.topo.IfAddress;
import dev.netsim.core.topo.Link;
import dev.netsim.core.topo.Namespace;
import dev.netsim.core.topo.Route;
import dev.netsim.core.topo.Scope;
import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Mac;
import dev.netsim.rules.cli.RulePrinter;
import dev.netsim.rules.eval.EvalListener;
import dev.netsim.rules.eval.EvalStep;
import dev.netsim.rules.eval.Evaluation;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.ext.target.NatTarget;
import dev.netsim.rules.ext.target.RejectTarget;
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.Rule;
import dev.netsim.rules.model.TableName;
import dev.netsim.sim.World;
import dev.netsim.sim.capture.CaptureTap;
import dev.netsim.sim.capture.Captures;
import dev.netsim.sim.capture.SimulatedWallClock;
import dev.netsim.sim.capture.TapPoint;
import dev.netsim.sim.conntrack.Connection;
import dev.netsim.sim.conntrack.CtInfo;
import dev.netsim.sim.conntrack.Nat;
import dev.netsim.sim.conntrack.NatRange;
import dev.netsim.sim.programs.Host;
import dev.netsim.sim.stack.Errno;
import dev.netsim.sim.stack.IpOutput;
import dev.netsim.sim.stack.SocketError;
import dev.netsim.sim.stack.Stack;
import dev.netsim.sim.trace.Disposition;
import dev.netsim.sim.trace.RuleRef;
import dev.netsim.sim.trace.Step;
import dev.netsim.sim.trace.Trace;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The packet path of every namespace of a {@link World}, as the Linux kernel walks it: device receive,
 * the bridge with br_netfilter, {@code ip_rcv}, the netfilter hooks with their tables in priority order,
 * conntrack and NAT, routing, forwarding with TTL, neighbour resolution with ARP, and transmission over
 * veth pairs, wires and loopback. Each hop across a wire is an event on the world's {@link Scheduler}, so
 * packets interleave as on a real machine and nothing recurses without bound.
 *
 * <p>Every IPv4 packet carries a trace; finished traces collect here until a probe takes them
 * ({@link #takeTraces}).
 */
public final class Kernel {
  /** How long a frame takes across a veth pair or a wire: ping's round trips come out in tens of µs. */
  static final long WIRE_NANOS = 11_000;
  /** How long the loopback device takes. */
  static final long LOOPBACK_NANOS = 4_000;
  /** Packets one unresolved neighbour holds ({@code unres_qlen}'s effect for small packets). */
  static final int UNRESOLVED_QUEUE = 101;
  /** Copies of one frame bridges may make before netsim calls it a broadcast storm. */
  static final int STORM_COPIES = 1024;
  /** Finished traces kept when nobody takes them. */
  static final int TRACE_BACKLOG = 10_000;

  private final World world;
  private final Scheduler scheduler;
  private final Map<String, NetnsRuntime> runtimes = new HashMap<>();
  private final ArrayDeque<Trace> traces = new ArrayDeque<>();
  private final List<Consumer<Trace>> traceObservers = new ArrayList<>();
  /** Copies made per frame lineage (weak, by identity: a lineage ends when its last copy is gone). */
  private final Map<Object, int[]> bridgeCopies = new MapMaker().weakKeys().makeMap();
  private final Set<Object> stormsReported = Collections.newSetFromMap(new MapMaker().weakKeys().makeMap());
  private CaptureTap tap = CaptureTap.NONE;
  private Captures captures;
  private boolean tracing = true;
  /** Process ids for programs: Linux's first free pids after a boot and a login, roughly. */
  private int nextPid = 2817;

  public Kernel(World world) {
    this.world = world;
    this.scheduler = new Scheduler(world.clock());
    world.setNeighbourProbeSinks(netns -> new ProbeSink() {
      @Override
      public void probe(NeighbourEntry entry, boolean unicast) {
        sendArpRequest(netns, entry.ifindex(), entry.address().bits(), unicast ? entry.mac() : null);
        scheduleNeighbourTimer(netns, entry.ifindex());
      }

      @Override
      public void failed(NeighbourEntry entry) {
        neighbourFailed(netns, entry.ifindex(), entry.address().bits());
      }
    });
  }

  public Scheduler scheduler() {
    return scheduler;
  }

  public World world() {
    return world;
  }

  /**
   * Whether packets record their path ({@link #takeTraces}); on by default. Off, a packet's walk builds no
   * strings and no steps, for benchmarks and bulk runs.
   */
  public void setTracing(boolean on) {
    tracing = on;
  }

  /**
   * The captures running on this machine (tcpdump, Java recordings); frames crossing interfaces are reported
   * to them from the first call on.
   */
  public Captures captures() {
    if (captures == null) {
      captures = new Captures();
      tap = captures;
    }
    return captures;
  }

  /** The runtime state of namespace {@code netns}; IllegalArgumentException when it does not exist. */
  public NetnsRuntime runtime(String netns) {
    return runtime(world.topology().requireNamespace(netns));
  }

  /** The runtime state of the namespace whose current snapshot the caller already holds. */
  private NetnsRuntime runtime(Namespace ns) {
    String netns = ns.name();
    NetnsRuntime runtime = runtimes.get(netns);
    if (runtime == null || runtime.instance() != ns.instance()) {
      runtime = new NetnsRuntime(netns, ns.instance());
      NetnsRuntime created = runtime;
      created.addressTypes = (address, limit) -> {
        Namespace current = world.namespace(netns);
        Link limitLink = limit == null ? null : current.link(limit);
        return current.typeOf(address, limitLink == null ? 0 : limitLink.index()).value();
      };
      created.effects = (target, packet) -> {
        if (created.current != null && created.current.trace.on()) {
          created.current.trace.add(new Step.Note(netns, "logged by " + target.name() + " (kernel log)"));
        }
      };
      created.attachStack(new Stack(scheduler, output(created), dst -> mtuTowards(netns, dst),
          netns.hashCode() ^ (int) ns.instance()));
      runtimes.put(netns, created);
    }
    return runtime;
  }

  /** What a program running in {@code netns} sees of its namespace. */
  public Host host(String netns) {
    runtime(netns);
    return new Host() {
      @Override
      public Stack stack() {
        return runtime(netns).stack();
      }

      @Override
      public Scheduler scheduler() {
        return scheduler;
      }

      @Override
      public long deviceAddress(String device) {
        Link link = world.topology().requireNamespace(netns).link(device);
        if (link == null) {
          return -1;
        }
        return link.addresses().stream().filter(a -> !a.secondary()).findFirst()
            .map(a -> a.local().unsigned()).orElse(0L);
      }

      @Override
      public boolean isLocalAddress(int address) {
        return world.topology().requireNamespace(netns).isLocalAddress(address);
      }

      @Override
      public boolean isBroadcastAddress(int address) {
        Namespace ns = world.topology().requireNamespace(netns);
        return address == -1 || ns.typeOf(address) == AddressType.BROADCAST
            || ns.links().stream().anyMatch(link -> isDirectedBroadcast(link, address));
      }

      @Override
      public int newPid() {
        return nextPid++;
      }
    };
  }

  /** Takes the traces of the packets that finished since the last call, oldest first. */
  public List<Trace> takeTraces() {
    List<Trace> taken = new ArrayList<>(traces);
    traces.clear();
    return taken;
  }

  /** Sees every packet's trace as it finishes (before any probe takes it), e.g. to keep them all. */
  public void addTraceObserver(Consumer<Trace> observer) {
    traceObservers.add(observer);
  }

  private void finished(Trace trace) {
    for (Consumer<Trace> observer : traceObservers) {
      observer.accept(trace);
    }
    if (traces.size() == TRACE_BACKLOG) {
      traces.removeFirst();
    }
    traces.addLast(trace);
  }

  // --- sending from a namespace's own stack

  private IpOutput output(NetnsRuntime runtime) {
    return new IpOutput() {
      @Override
      public int sourceAddressFor(int dst) throws SocketError {
        Namespace ns = namespace(runtime);
        Route route = ns == null ? null : ns.lookupRoute(dst);
        if (route == null || route.type().isError()) {
          throw new SocketError(routeError(route));
        }
        Ipv4 source = sourceFor(ns, route, dst);
        if (source == null) {
          throw new SocketError(Errno.EADDRNOTAVAIL);
        }
        return source.bits();
      }

      @Override
      public Errno send(Ipv4Packet packet) {
        return sendLocal(runtime, packet);
      }
    };
  }

  /** What a local sender sees when routing finds no route or a reject route ({@code ip route add unreachable ...}). */
  private static Errno routeError(Route route) {
    if (route == null) {
      return Errno.ENETUNREACH;
    }
    return switch (route.type()) {
      case UNREACHABLE -> Errno.EHOSTUNREACH;
      case PROHIBIT -> Errno.EACCES;
      case BLACKHOLE -> Errno.EINVAL;
      default -> Errno.ENETUNREACH;
    };
  }

  private int mtuTowards(String netns, int dst) {
    Namespace ns = world.namespace(netns);
    Route route = ns == null ? null : ns.lookupRoute(dst);
    Link out = route == null ? null : ns.link(route.type() == AddressType.LOCAL ? loopbackIndex(ns) : route.device());
    return out == null ? 1500 : out.mtu();
  }

  /** Hands a packet made by the namespace's stack to the IP layer; returns the error the sender sees at once. */
  Errno sendLocal(NetnsRuntime runtime, Ipv4Packet packet) {
    Namespace ns = namespace(runtime);
    if (ns == null) {
      return Errno.ENETUNREACH;
    }
    PacketTrace trace = tracing ? new PacketTrace(PacketText.describe(packet), this::finished) : PacketTrace.OFF;
    if (trace.on()) {
      trace.add(new Step.Originated(runtime.netns(), "a local socket", PacketText.describe(packet)));
    }
    Skb skb = new Skb(packet, trace);
    skb.local = true;
    Route route = ns.lookupRoute(packet.dst());
    if (route == null || route.type().isError()) {
      Errno errno = routeError(route);
      if (trace.on()) {
        trace.add(new Step.Routed(runtime.netns(), "no route to " + Ipv4.format(packet.dst()),
            route == null ? null : describe(ns, route)));
      }
      trace.end(Disposition.NO_ROUTE, "the sender sees: " + errno.message());
      return errno;
    }
    if (trace.on()) {
      trace.add(new Step.Routed(runtime.netns(), "output", describe(ns, route)));
    }
    Link out = outputDevice(ns, route);
    if (packet.l4() instanceof Icmp icmp && icmp.isError() && !out.isLoopback()
        && !runtime.icmpErrorAllowed(ns, packet.dst(), icmp.type(), scheduler.now())) {
      trace.end(Disposition.DROPPED_BY_RULE, "ICMP error rate limit towards " + Ipv4.format(packet.dst())
          + " (net.ipv4.icmp_ratelimit)");
      return null;
    }
    if (!outputHook(runtime, skb, out)) {
      return null;
    }
    if (skb.packet.dst() != packet.dst()) {
      route = ns.lookupRoute(skb.packet.dst());
      if (route == null || route.type().isError()) {
        if (trace.on()) {
          trace.add(new Step.Routed(runtime.netns(), "no route after DNAT", null));
        }
        trace.end(Disposition.NO_ROUTE, "no route to " + Ipv4.format(skb.packet.dst()));
        return null;
      }
      if (trace.on()) {
        trace.add(new Step.Routed(runtime.netns(), "rerouted after DNAT", describe(ns, route)));
      }
      out = outputDevice(ns, route);
    }
    if (!postrouting(runtime, skb, out)) {
      return null;
    }
    neighbourOutput(runtime, ns, out, nextHop(route, skb.packet.dst()), skb);
    return null;
  }

  private boolean outputHook(NetnsRuntime runtime, Skb skb, Link out) {
    return table(runtime, TableName.RAW, Hook.OUTPUT, skb, null, out)
        && track(runtime, skb)
        && table(runtime, TableName.MANGLE, Hook.OUTPUT, skb, null, out)
        && nat(runtime, Hook.OUTPUT, skb, null, out)
        && table(runtime, TableName.FILTER, Hook.OUTPUT, skb, null, out)
        && table(runtime, TableName.SECURITY, Hook.OUTPUT, skb, null, out);
  }

  private boolean postrouting(NetnsRuntime runtime, Skb skb, Link out) {
    return table(runtime, TableName.MANGLE, Hook.POSTROUTING, skb, null, out)
        && nat(runtime, Hook.POSTROUTING, skb, null, out)
        && confirm(runtime, skb);
  }

  private boolean prerouting(NetnsRuntime runtime, Skb skb, Link in) {
    return table(runtime, TableName.RAW, Hook.PREROUTING, skb, in, null)
        && track(runtime, skb)
        && table(runtime, TableName.MANGLE, Hook.PREROUTING, skb, in, null)
        && nat(runtime, Hook.PREROUTING, skb, in, null);
  }

  /**
   * A frame carrying {@code packet} from {@code srcMac} to {@code dstMac} arrives on {@code device} of
   * {@code netns} from outside the simulated machine, and is walked and traced like any other (the Java API's
   * injected probes). IllegalArgumentException when there is no such namespace or device.
   */
  public void inject(String netns, String device, Ipv4Packet packet, Mac srcMac, Mac dstMac) {
    Link dev = world.topology().requireNamespace(netns).link(device);
    if (dev == null) {
      throw new IllegalArgumentException("no device " + device + " in " + Trace.nsName(netns));
    }
    PacketTrace trace = tracing ? new PacketTrace(PacketText.describe(packet), this::finished) : PacketTrace.OFF;
    if (trace.on()) {
      trace.add(new Step.Note(netns, "injected on " + device + " from " + srcMac + " to " + dstMac));
    }
    receive(netns, dev.index(), new EthernetFrame(srcMac, dstMac, packet), new Skb(packet, trace));
  }

  // --- receiving

  /** A frame arrives on device {@code ifindex} of {@code netns} ({@code skb} null for ARP). */
  private void receive(String netns, int ifindex, EthernetFrame frame, Skb skb) {
    Namespace ns = world.namespace(netns);
    Link dev = ns == null ? null : ns.link(ifindex);
    if (dev == null || !dev.lowerUp()) {
      if (skb != null) {
        skb.trace.end(Disposition.LINK_DOWN, "the receiving device is gone or down");
      }
      return;
    }
    NetnsRuntime runtime = runtime(ns);
    tapReceived(netns, dev, frame);
    if (skb != null) {
      if (skb.trace.on()) {
        skb.trace.add(new Step.Received(netns, dev.name(), PacketText.describe(skb.packet)));
      }
      skb.srcMac = frame.src().bits();
    }
    if (dev.isBridgePort()) {
      bridgeInput(runtime, ns, dev, frame, skb);
      return;
    }
    deliverFrame(runtime, ns, dev, frame, skb);
  }

  /** The frame is for this device's own stack (a plain device, or a bridge passing it up). */
  private void deliverFrame(NetnsRuntime runtime, Namespace ns, Link dev, EthernetFrame frame, Skb skb) {
    if (frame.payload() instanceof ArpPacket arp) {
      arpReceive(runtime, ns, dev, arp);
      return;
    }
    if (skb == null) {
      return;
    }
    Mac dst = frame.dst();
    if (dev.isLoopback()) {
      skb.pktType = PacketContext.PACKET_LOOPBACK;
    } else if (dst.equals(dev.mac())) {
      skb.pktType = PacketContext.PACKET_HOST;
    } else if (dst.isBroadcast()) {
      skb.pktType = PacketContext.PACKET_BROADCAST;
    } else if (dst.isMulticast()) {
      skb.pktType = PacketContext.PACKET_MULTICAST;
    } else {
      skb.trace.end(Disposition.NOT_FOR_THIS_HOST, "addressed to " + dst + ", not to " + dev.name() + " (" + dev.mac() + ")");
      return;
    }
    ipReceive(runtime, ns, dev, skb);
  }

  private void ipReceive(NetnsRuntime runtime, Namespace ns, Link dev, Skb skb) {
    String netns = runtime.netns();
    Ipv4Packet packet = skb.packet;
    if (!skb.bridgePreroutingDone && !prerouting(runtime, skb, dev)) {
      return;
    }
    packet = skb.packet;
    if (!dev.isLoopback() && !validSource(ns, runtime.settings(ns).device(dev), dev, skb)) {
      return;
    }
    AddressType type = ns.typeOf(packet.dst());
    if (type == AddressType.LOCAL || type == AddressType.BROADCAST) {
      if (skb.trace.on()) {
        skb.trace.add(new Step.Routed(netns, "input: " + Ipv4.format(packet.dst()) + " is "
            + (type == AddressType.LOCAL ? "a local address" : "a broadcast address"), null));
      }
      localDeliver(runtime, dev, skb);
      return;
    }
    if (type == AddressType.MULTICAST) {
      skb.trace.end(Disposition.NOT_FOR_THIS_HOST, "multicast is not modelled");
      return;
    }
    forward(runtime, ns, dev, skb);
  }

  /**
   * The routing decision's sanity checks after PREROUTING ({@code ip_route_input_slow}, {@code fib_validate_source}):
   * martian sources and destinations, our own address as source, and reverse-path filtering.
   */
  private boolean validSource(Namespace ns, PathSettings.Device conf, Link dev, Skb skb) {
    Ipv4 src = Ipv4.of(skb.packet.src());
    Ipv4 dst = Ipv4.of(skb.packet.dst());
    if (src.isLoopback() || src.isMulticast() || src.isLimitedBroadcast()) {
      skb.trace.end(Disposition.MARTIAN, "martian source " + src + " on " + dev.name());
      return false;
    }
    if (dst.isLoopback() && !conf.routeLocalnet()) {
      skb.trace.end(Disposition.MARTIAN, "martian destination " + dst + " on " + dev.name()
          + " (net.ipv4.conf." + dev.name() + ".route_localnet = 0)");
      return false;
    }
    if (!src.isAny() && !conf.acceptLocal() && ns.isLocalAddress(src.bits())) {
      skb.trace.end(Disposition.MARTIAN, "source " + src + " is one of our own addresses, arriving on " + dev.name());
      return false;
    }
    int mode = conf.rpFilter();
    if (mode != 0 && !src.isAny()) {
      Route back = ns.lookupRoute(src.bits());
      boolean reachable = back != null && !back.type().isError();
      if (!reachable || mode == 1 && back.device() != dev.index()) {
        if (skb.trace.on()) {
          skb.trace.add(new Step.SysctlDecided(ns.name(), "net.ipv4.conf." + dev.name() + ".rp_filter",
              Integer.toString(mode), mode == 1 ? "strict: replies to the source must leave by the same device"
                  : "loose: the source must be routable"));
        }
        skb.trace.end(Disposition.RP_FILTERED, "no " + (mode == 1 ? "matching " : "") + "route back to " + src);
        return false;
      }
    }
    return true;
  }

  private void localDeliver(NetnsRuntime runtime, Link in, Skb skb) {
    boolean passed = table(runtime, TableName.MANGLE, Hook.INPUT, skb, in, null)
        && table(runtime, TableName.FILTER, Hook.INPUT, skb, in, null)
        && table(runtime, TableName.SECURITY, Hook.INPUT, skb, in, null)
        && nat(runtime, Hook.INPUT, skb, in, null)
        && confirm(runtime, skb);
    if (!passed) {
      return;
    }
    Stack.Delivery delivery = runtime.stack().deliver(skb.packet);
    if (skb.trace.on()) {
      skb.trace.add(new Step.Note(runtime.netns(), "local stack: " + delivery.outcome()));
    }
    if (skb.trace.on()) {
      skb.trace.end(Disposition.DELIVERED, "to the local stack of " + Trace.nsName(runtime.netns()));
    }
  }

  private void forward(NetnsRuntime runtime, Namespace ns, Link in, Skb skb) {
    String netns = runtime.netns();
    Ipv4Packet packet = skb.packet;
    if (!runtime.settings(ns).device(in).forwarding()) {
      if (skb.trace.on()) {
        skb.trace.add(new Step.SysctlDecided(netns, "net.ipv4.conf." + in.name() + ".forwarding", "0",
            "not a router: the packet is dropped"));
      }
      skb.trace.end(Disposition.FORWARDING_DISABLED, Ipv4.format(packet.dst()) + " is not local and ip_forward is 0");
      return;
    }
    Route route = ns.lookupRoute(packet.dst());
    if (route == null || route.type().isError()) {
      if (skb.trace.on()) {
        skb.trace.add(new Step.Routed(netns, "no route to " + Ipv4.format(packet.dst()), route == null ? null : describe(ns, route)));
      }
      int code = route == null ? 0 : route.type() == AddressType.PROHIBIT ? 13 : 1;
      if (route != null && route.type() == AddressType.BLACKHOLE) {
        skb.trace.end(Disposition.NO_ROUTE, "blackhole route to " + Ipv4.format(packet.dst()));
        return;
      }
      if (runtime.routeErrorAllowed(packet.src(), scheduler.now())) {
        icmpError(runtime, skb, Icmp.DEST_UNREACHABLE, code);
      } else if (skb.trace.on()) {
        skb.trace.add(new Step.Note(netns, "no ICMP error: rate limit of unreachable answers to "
            + Ipv4.format(packet.src()) + " (ip_error)"));
      }
      skb.trace.end(Disposition.NO_ROUTE, "no route to " + Ipv4.format(packet.dst()));
      return;
    }
    Link out = ns.link(route.device());
    if (skb.trace.on()) {
      skb.trace.add(new Step.Routed(netns, "forward", describe(ns, route)));
    }
    if (packet.ttl() <= 1) {
      icmpError(runtime, skb, Icmp.TIME_EXCEEDED, 0);
      skb.trace.end(Disposition.TTL_EXCEEDED, "TTL " + packet.ttl() + " reached 0 in " + Trace.nsName(netns));
      return;
    }
    skb.packet = packet.withTtl(packet.ttl() - 1);
    boolean passed = table(runtime, TableName.MANGLE, Hook.FORWARD, skb, in, out)
        && table(runtime, TableName.FILTER, Hook.FORWARD, skb, in, out)
        && table(runtime, TableName.SECURITY, Hook.FORWARD, skb, in, out)
        && postrouting(runtime, skb, out);
    if (passed) {
      neighbourOutput(runtime, ns, out, nextHop(route, skb.packet.dst()), skb);
    }
  }

  // --- the bridge

  private void bridgeInput(NetnsRuntime runtime, Namespace ns, Link port, EthernetFrame frame, Skb skb) {
    String netns = runtime.netns();
    Link bridge = ns.link(port.master());
    if (bridge == null || !bridge.adminUp()) {
      if (skb != null) {
        skb.trace.end(Disposition.LINK_DOWN, "bridge " + (bridge == null ? "?" : bridge.name()) + " is down");
      }
      return;
    }
    long now = scheduler.now();
    BridgeFdb fdb = world.fdb(netns, bridge.index());
    boolean known = fdb.forward(frame.src(), now) == port.index();
    fdb.learn(port.index(), frame.src(), now);
    if (skb != null && !known && !frame.src().isMulticast()) {
      if (skb.trace.on()) {
        skb.trace.add(new Step.Learned(netns, bridge.name(), frame.src().toString(), port.name()));
      }
    }
    boolean groupAddress = frame.dst().isMulticast();
    int decision = groupAddress ? BridgeFdb.FLOOD : fdb.forward(frame.dst(), now);
    boolean up = decision == BridgeFdb.LOCAL || groupAddress;
    // Sized for what it gets: a learned destination is one port (every bridged packet of a flow), a flood many.
    List<Link> outs = List.of();
    if (decision == BridgeFdb.FLOOD) {
      outs = new ArrayList<>();
      for (Link other : floodOrder(ns, bridge)) {
        if (other.index() != port.index() && other.lowerUp()) {
          outs.add(other);
        }
      }
    } else if (decision > 0 && decision != port.index()) {
      Link to = ns.link(decision);
      if (to != null && to.lowerUp()) {
        outs = List.of(to);
      }
    }
    if (decision == BridgeFdb.FLOOD && !outs.isEmpty() && stormExceeded(skb != null ? skb.lineage() : frame, outs.size())) {
      stopStorm(netns, bridge, frame, skb);
      return;
    }
    // As br_handle_frame_finish: forward first, then pass the frame up (a promiscuous bridge device sees it
    // there even when FORWARD dropped it).
    boolean promiscuous = !up && tap.promiscuous(netns, bridge.name());
    if (skb == null) {
      for (Link out : outs) {
        portTransmit(netns, out, frame, null);
      }
      if (up || promiscuous) {
        tapReceived(netns, bridge, frame);
      }
      if (up) {
        deliverFrame(runtime, ns, bridge, frame, null);
      }
      return;
    }
    if (skb.trace.on()) {
      skb.trace.add(new Step.Bridged(netns, bridge.name(), bridgeDecision(decision, groupAddress, up),
          outs.stream().map(Link::name).toList()));
    }
    if (outs.isEmpty() && !up) {
      if (promiscuous) {
        tapReceived(netns, bridge, frame);
      }
      skb.trace.end(Disposition.NOT_FOR_THIS_HOST, "no bridge port to send it to");
      return;
    }
    skb.physIn = port;
    boolean netfilter = runtime.settings(ns).bridgeCallsIptables;
    if (netfilter) {
      if (skb.trace.on()) {
        skb.trace.add(new Step.SysctlDecided(netns, "net.bridge.bridge-nf-call-iptables", "1",
            "bridged IPv4 passes iptables (br_netfilter)"));
      }
      if (!prerouting(runtime, skb, bridge)) {
        return;
      }
      skb.bridgePreroutingDone = true;
    }
    int needed = outs.size() + (up ? 1 : 0);
    List<Skb> copies = new ArrayList<>(needed);
    copies.add(skb);
    for (int i = 1; i < needed; i++) {
      copies.add(skb.copy());
    }
    int next = 0;
    for (Link out : outs) {
      Skb copy = copies.get(next++);
      copy.physOut = out;
      if (netfilter) {
        boolean passed = table(runtime, TableName.MANGLE, Hook.FORWARD, copy, bridge, bridge)
            && table(runtime, TableName.FILTER, Hook.FORWARD, copy, bridge, bridge)
            && table(runtime, TableName.SECURITY, Hook.FORWARD, copy, bridge, bridge)
            && postrouting(runtime, copy, bridge);
        if (!passed) {
          continue;
        }
      }
      portTransmit(netns, out, carrying(frame, copy.packet), copy);
    }
    if (promiscuous) {
      tapReceived(netns, bridge, frame);
    }
    if (up) {
      Skb copy = copies.get(next);
      copy.physOut = null;
      tapReceived(netns, bridge, frame);
      if (copy.trace.on()) {
        copy.trace.add(new Step.Received(netns, bridge.name(), "passed up to " + bridge.name() + "'s own stack"));
      }
      deliverFrame(runtime, ns, bridge, carrying(frame, copy.packet), copy);
    }
  }

  /** The frame carrying {@code packet}: {@code frame} itself when the bridge's hooks left its packet as it was. */
  private static EthernetFrame carrying(EthernetFrame frame, Ipv4Packet packet) {
    return frame.payload() == packet ? frame : new EthernetFrame(frame.src(), frame.dst(), packet);
  }

  /**
   * Counts the copies bridges made of one frame (all copies of an IPv4 packet share its trace; an ARP frame is
   * flooded as the same object). Without STP a bridge loop multiplies a flooded frame for ever, as on Linux;
   * netsim lets it go on for {@value #STORM_COPIES} copies, then stops it and says so.
   */
  private boolean stormExceeded(Object lineage, int copies) {
    int[] made = bridgeCopies.computeIfAbsent(lineage, key -> new int[1]);
    made[0] += copies;
    return made[0] > STORM_COPIES;
  }

  private void stopStorm(String netns, Link bridge, EthernetFrame frame, Skb skb) {
    String reason = bridge.name() + " in " + Trace.nsName(netns) + " was still flooding copies of this frame after "
        + STORM_COPIES + ": a bridge loop (no STP); netsim stopped it";
    if (skb != null) {
      skb.trace.end(Disposition.BROADCAST_STORM, reason);
    } else if (stormsReported.add(frame)) {
      finished(new Trace("ARP " + frame.payload(), List.of(new Step.Bridged(netns, bridge.name(),
          "flooded again and again", List.of())), Disposition.BROADCAST_STORM, reason));
    }
  }

  private static String bridgeDecision(int decision, boolean groupAddress, boolean up) {
    if (groupAddress) {
      return "broadcast/multicast: flood to every other port" + (up ? " and pass up" : "");
    }
    if (decision == BridgeFdb.LOCAL) {
      return "destination is the bridge itself: pass up";
    }
    if (decision == BridgeFdb.FLOOD) {
      return "destination MAC not learned yet: flood";
    }
    return "destination MAC learned";
  }

  /**
   * A bridge's ports in the order it floods to them: br_add_if puts a new port at the head of the bridge's port
   * list, so the port added last comes first (port numbers follow the order ports were added).
   */
  private static List<Link> floodOrder(Namespace ns, Link bridge) {
    List<Link> ports = new ArrayList<>(ns.portsOf(bridge.index()));
    ports.sort(Comparator.comparingInt(Link::portNumber).reversed());
    return ports;
  }

  /** The bridge device's own stack sends a frame: it goes where the FDB says, without iptables. */
  private void bridgeTransmit(String netns, Namespace ns, Link bridge, EthernetFrame frame, Skb skb) {
    long now = scheduler.now();
    BridgeFdb fdb = world.fdb(netns, bridge.index());
    int decision = frame.dst().isMulticast() ? BridgeFdb.FLOOD : fdb.forward(frame.dst(), now);
    List<Link> outs = List.of();
    if (decision == BridgeFdb.FLOOD) {
      outs = new ArrayList<>();
      for (Link port : floodOrder(ns, bridge)) {
        if (port.lowerUp()) {
          outs.add(port);
        }
      }
    } else {
      // A learned destination: its one port (a port of this bridge is a link whose master it is), without
      // copying and sorting the bridge's ports into flood order for every packet.
      Link port = decision > 0 ? ns.link(decision) : null;
      if (port != null && port.master() == bridge.index() && port.lowerUp()) {
        outs = List.of(port);
      }
    }
    if (outs.isEmpty()) {
      if (skb != null) {
        skb.trace.end(Disposition.LINK_DOWN, "bridge " + bridge.name() + " has no forwarding port for " + frame.dst());
      }
      return;
    }
    if (skb != null) {
      if (skb.trace.on()) {
        skb.trace.add(new Step.Bridged(netns, bridge.name(), decision == BridgeFdb.FLOOD ? "flood" : "destination MAC learned",
            outs.stream().map(Link::name).toList()));
      }
    }
    for (int i = 0; i < outs.size(); i++) {
      portTransmit(netns, outs.get(i), frame, skb == null ? null : i == 0 ? skb : skb.copy());
    }
  }

  // --- transmission

  private void neighbourOutput(NetnsRuntime runtime, Namespace ns, Link out, int nextHop, Skb skb) {
    String netns = runtime.netns();
    if (out.isLoopback()) {
      loopbackTransmit(runtime, out, skb);
      return;
    }
    if (!out.lowerUp()) {
      skb.trace.end(Disposition.LINK_DOWN, out.name() + " is " + (out.adminUp() ? "without carrier" : "down"));
      return;
    }
    Mac dst = null;
    if (nextHop == -1 || ns.typeOf(nextHop, out.index()) == AddressType.BROADCAST
        || isDirectedBroadcast(out, nextHop)) {
      dst = Mac.BROADCAST;
    }
    if (dst != null) {
      transmit(netns, out, new EthernetFrame(out.mac(), dst, skb.packet), skb);
      return;
    }
    NeighbourTable neighbours = world.neighbours(netns);
    NeighbourTable.Resolution resolution = neighbours.resolve(out.index(), nextHop, scheduler.now());
    if (resolution == NeighbourTable.Resolution.READY) {
      NeighbourEntry entry = neighbours.lookup(out.index(), nextHop);
      transmit(netns, out, new EthernetFrame(out.mac(), entry.mac(), skb.packet), skb);
      return;
    }
    long key = NetnsRuntime.neighbourKey(out.index(), nextHop);
    ArrayDeque<NetnsRuntime.Queued> queue = runtime.unresolved.computeIfAbsent(key, k -> new ArrayDeque<>());
    if (queue.size() == UNRESOLVED_QUEUE) {
      queue.removeFirst().skb().trace.end(Disposition.NEIGHBOUR_UNREACHABLE, "pushed out of the neighbour queue");
    }
    queue.addLast(new NetnsRuntime.Queued(skb, out.index()));
    if (skb.trace.on()) {
      skb.trace.add(new Step.Neighbour(netns, Ipv4.format(nextHop), out.name(),
          resolution == NeighbourTable.Resolution.SOLICIT ? "unknown: ARP request sent, packet queued" : "still resolving: packet queued"));
    }
    if (resolution == NeighbourTable.Resolution.SOLICIT) {
      sendArpRequest(netns, out.index(), nextHop, null);
      scheduleNeighbourTimer(netns, out.index());
    }
  }

  private static boolean isDirectedBroadcast(Link out, int address) {
    // A plain loop: every transmitted packet asks, and a stream would allocate its pipeline each time.
    for (IfAddress a : out.addresses()) {
      if (a.prefixLength() < 31 && a.covers(address) && (address | a.mask()) == -1) {
        return true;
      }
    }
    return false;
  }

  private void loopbackTransmit(NetnsRuntime runtime, Link lo, Skb skb) {
    String netns = runtime.netns();
    if (!lo.adminUp()) {
      skb.trace.end(Disposition.LINK_DOWN, "lo is down");
      return;
    }
    EthernetFrame frame = new EthernetFrame(Mac.ZERO, Mac.ZERO, skb.packet);
    tapTransmitted(netns, lo, frame);
    if (skb.trace.on()) {
      skb.trace.add(new Step.Transmitted(netns, lo.name(), null, null));
    }
    int index = lo.index();
    skb.local = false;
    scheduler.after(LOOPBACK_NANOS, () -> {
      Namespace ns = world.namespace(netns);
      Link dev = ns == null ? null : ns.link(index);
      if (dev == null || !dev.adminUp()) {
        skb.trace.end(Disposition.LINK_DOWN, "lo went down");
        return;
      }
      tapReceived(netns, dev, new EthernetFrame(Mac.ZERO, Mac.ZERO, skb.packet));
      if (skb.trace.on()) {
        skb.trace.add(new Step.Received(netns, dev.name(), PacketText.describe(skb.packet)));
      }
      skb.pktType = PacketContext.PACKET_LOOPBACK;
      ipReceive(runtime(ns), ns, dev, skb);
    });
  }

  /** A device of {@code netns} sends {@code frame}: a bridge hands it to its ports, a veth or wire to the far end. */
  private void transmit(String netns, Link dev, EthernetFrame frame, Skb skb) {
    tapTransmitted(netns, dev, frame);
    if (dev.isBridge()) {
      bridgeTransmit(netns, world.namespace(netns), dev, frame, skb);
      return;
    }
    wire(netns, dev, frame, skb);
  }

  /** A bridge sends a frame out of one of its ports. */
  private void portTransmit(String netns, Link port, EthernetFrame frame, Skb skb) {
    tapTransmitted(netns, port, frame);
    wire(netns, port, frame, skb);
  }

  private void wire(String netns, Link dev, EthernetFrame frame, Skb skb) {
    Link peer = world.topology().peerOf(dev);
    String peerNetns = dev.peer() == null ? null : dev.peer().namespace();
    if (skb != null) {
      if (skb.trace.on()) {
        skb.trace.add(new Step.Transmitted(netns, dev.name(), peerNetns, peer == null ? null : peer.name()));
      }
    }
    if (peer == null) {
      if (skb != null) {
        skb.trace.end(Disposition.LINK_DOWN, dev.name() + " has nothing at the other end");
      }
      return;
    }
    Skb arriving = skb == null ? null : skb.crossNamespace();
    int peerIndex = peer.index();
    scheduler.after(WIRE_NANOS, () -> receive(peerNetns, peerIndex, frame, arriving));
  }

  // --- ARP

  private void arpReceive(NetnsRuntime runtime, Namespace ns, Link dev, ArpPacket arp) {
    String netns = runtime.netns();
    long now = scheduler.now();
    NeighbourTable neighbours = world.neighbours(netns);
    if (arp.op() == ArpPacket.REQUEST) {
      if (ns.typeOf(arp.targetIp()) != AddressType.LOCAL || Ipv4.of(arp.targetIp()).isLoopback()) {
        return;
      }
      if (arp.senderIp() != 0) {
        neighbours.learnFromRequest(dev.index(), arp.senderIp(), arp.senderMac(), now);
      }
      ArpPacket reply = arp.reply(dev.mac());
      transmit(netns, dev, new EthernetFrame(dev.mac(), arp.senderMac(), reply), null);
      return;
    }
    if (arp.op() == ArpPacket.REPLY && neighbours.confirm(dev.index(), arp.senderIp(), arp.senderMac(), now)) {
      flushQueue(runtime, dev, arp.senderIp(), arp.senderMac());
    }
  }

  private void flushQueue(NetnsRuntime runtime, Link dev, int address, Mac mac) {
    ArrayDeque<NetnsRuntime.Queued> queue = runtime.unresolved.remove(NetnsRuntime.neighbourKey(dev.index(), address));
    if (queue == null) {
      return;
    }
    for (NetnsRuntime.Queued queued : queue) {
      if (queued.skb().trace.on()) {
        queued.skb().trace.add(new Step.Neighbour(runtime.netns(), Ipv4.format(address), dev.name(), "resolved to " + mac));
      }
      transmit(runtime.netns(), dev, new EthernetFrame(dev.mac(), mac, queued.skb().packet), queued.skb());
    }
  }

  private void sendArpRequest(String netns, int ifindex, int target, Mac unicast) {
    Namespace ns = world.namespace(netns);
    Link dev = ns == null ? null : ns.link(ifindex);
    if (dev == null || !dev.lowerUp()) {
      return;
    }
    int source = arpSource(ns, dev, target);
    ArpPacket request = ArpPacket.request(dev.mac(), Ipv4.of(source), Ipv4.of(target));
    transmit(netns, dev, new EthernetFrame(dev.mac(), unicast == null ? Mac.BROADCAST : unicast, request), null);
  }

  /** The sender address of an ARP request: the queued packet's source when it is ours, else the device's. */
  private int arpSource(Namespace ns, Link dev, int target) {
    NetnsRuntime runtime = runtimes.get(ns.name());
    if (runtime != null) {
      ArrayDeque<NetnsRuntime.Queued> queue = runtime.unresolved.get(NetnsRuntime.neighbourKey(dev.index(), target));
      if (queue != null && !queue.isEmpty()) {
        int src = queue.peekFirst().skb().packet.src();
        if (ns.isLocalAddress(src)) {
          return src;
        }
      }
    }
    Ipv4 source = ns.selectSourceAddress(dev.index(), target, Scope.LINK);
    return source == null ? 0 : source.bits();
  }

  private void scheduleNeighbourTimer(String netns, int ifindex) {
    Namespace ns = world.namespace(netns);
    Link dev = ns == null ? null : ns.link(ifindex);
    long retrans = dev == null ? 1_000_000_000L
        : ns.sysctlInt("net.ipv4.neigh." + dev.name() + ".retrans_time_ms") * 1_000_000L;
    scheduler.after(retrans, () -> {
      if (world.namespace(netns) != null) {
        world.neighbours(netns);
      }
    });
  }

  private void neighbourFailed(String netns, int ifindex, int address) {
    NetnsRuntime runtime = runtimes.get(netns);
    if (runtime == null) {
      return;
    }
    ArrayDeque<NetnsRuntime.Queued> queue = runtime.unresolved.remove(NetnsRuntime.neighbourKey(ifindex, address));
    if (queue == null) {
      return;
    }
    for (NetnsRuntime.Queued queued : queue) {
      Skb skb = queued.skb();
      if (skb.trace.on()) {
        skb.trace.add(new Step.Neighbour(netns, Ipv4.format(address), linkName(netns, ifindex), "no ARP reply: FAILED"));
      }
      icmpError(runtime, skb, Icmp.DEST_UNREACHABLE, 1);
      skb.trace.end(Disposition.NEIGHBOUR_UNREACHABLE, Ipv4.format(address) + " did not answer ARP");
    }
  }

  // --- netfilter

  /** Runs one table at one hook; false when the packet's walk ended there (its trace then ended too). */
  private boolean table(NetnsRuntime runtime, TableName tableName, Hook hook, Skb skb, Link in, Link out) {
    if (!runtime.iptables().ruleset().exists(tableName)) {
      return true;
    }
    PacketContext context = context(runtime, hook, skb, in, out);
    Evaluation result = runtime.evaluation;
    Verdict verdict = runtime.classifier().evaluate(tableName, hook, context, result, skb.trace.on() ? listener(runtime, skb, tableName, hook) : null);
    skb.mark = context.mark;
    skb.notrack = context.notrack;
    skb.zone = context.ctZone;
    return afterVerdict(runtime, tableName, hook, skb, verdict, result);
  }

  private boolean afterVerdict(NetnsRuntime runtime, TableName tableName, Hook hook, Skb skb, Verdict verdict,
      Evaluation result) {
    switch (verdict) {
      case ACCEPT, CONTINUE, NAT -> {
        return true;
      }
      case DROP -> {
        if (result.decidedByPolicy()) {
          skb.trace.end(Disposition.DROPPED_BY_POLICY, "policy DROP of " + tableName.id() + " " + hook.name());
        } else {
          skb.trace.end(Disposition.DROPPED_BY_RULE, ruleRef(tableName, result).toString());
        }
        return false;
      }
      case REJECT -> {
        reject(runtime, skb, (RejectTarget) result.target());
        skb.trace.end(Disposition.REJECTED, ruleRef(tableName, result) + " answered with "
            + ((RejectTarget) result.target()).with().label());
        return false;
      }
      case QUEUE -> {
        skb.trace.end(Disposition.DROPPED_BY_RULE, ruleRef(tableName, result) + ": no program reads the queue");
        return false;
      }
      case UNDETERMINED -> {
        String where = tableName.id() + " " + (result.chain() == null ? hook.name() : result.chain());
        skb.trace.end(Disposition.UNDETERMINED, where + " rule " + result.ruleNumber() + " depends on a match netsim does not model");
        return false;
      }
    }
    return true;
  }

  private static RuleRef ruleRef(TableName table, Evaluation result) {
    return result.rule() == null ? new RuleRef(table.id(), result.chain(), result.ruleNumber(), "", null)
        : ref(table, result.chain(), result.ruleNumber(), result.rule());
  }

  /** Fills the namespace's reusable packet view for one table (evaluation never re-enters the kernel). */
  private PacketContext context(NetnsRuntime runtime, Hook hook, Skb skb, Link in, Link out) {
    PacketContext context = runtime.context.reset().setPacket(skb.packet);
    runtime.current = skb;
    context.inInterface = in == null ? null : in.name();
    context.outInterface = out == null ? null : out.name();
    context.physInInterface = skb.physIn == null ? null : skb.physIn.name();
    context.physOutInterface = skb.physOut == null ? null : skb.physOut.name();
    context.bridged = skb.physIn != null && skb.physOut != null;
    context.srcMac = hook == Hook.PREROUTING || hook == Hook.INPUT || hook == Hook.FORWARD ? skb.srcMac : -1;
    context.pktType = skb.local ? PacketContext.PACKET_OUTGOING : skb.pktType;
    context.mark = skb.mark;
    context.notrack = skb.notrack;
    context.ctZone = skb.zone;
    context.conntrack = skb.ct == null ? null : runtime.ctView.set(skb.ct, skb.ctinfo, scheduler.now());
    context.addressTypes = runtime.addressTypes;
    context.effects = runtime.effects;
    context.nowNanos = scheduler.now();
    context.wallClockSeconds = SimulatedWallClock.epochMicros(scheduler.now()) / 1_000_000L;
    return context;
  }

  /** Rules that did not match are listed with their reason up to this many per table; the rest are counted. */
  static final int SKIPPED_RULES_SHOWN = 20;

  /** Turns the evaluator's steps into trace steps (only made while the packet is traced). */
  private EvalListener listener(NetnsRuntime runtime, Skb skb, TableName tableName, Hook hook) {
    String netns = runtime.netns();
    PacketTrace trace = skb.trace;
    int[] skipped = new int[2]; // shown, and counted beyond what is shown
    return step -> {
      if (step instanceof EvalStep.TableEntered) {
        trace.add(new Step.ChainEntered(netns, hook.name(), tableName.id(), hook.name()));
        return;
      }
      if (step instanceof EvalStep.RuleSkipped rule) {
        if (skipped[0] < SKIPPED_RULES_SHOWN) {
          skipped[0]++;
          trace.add(new Step.RuleChecked(netns, ref(tableName, rule.chain(), rule.number(), rule.rule()), false,
              rule.reason()));
        } else {
          skipped[1]++;
        }
        return;
      }
      if (skipped[1] > 0) {
        trace.add(new Step.Note(netns, "  " + skipped[1] + (skipped[1] == 1 ? " more rule" : " more rules")
            + " not matched"));
        skipped[1] = 0;
      }
      if (step instanceof EvalStep.RuleMatched matched) {
        RuleRef ref = ref(tableName, matched.chain(), matched.number(), matched.rule());
        trace.add(new Step.RuleChecked(netns, ref, true, ""));
        if (matched.verdict() != Verdict.CONTINUE) {
          trace.add(new Step.Verdict(netns, tableName.id(), matched.chain(), matched.verdict().name(), ref));
        }
      } else if (step instanceof EvalStep.RuleUndetermined undetermined) {
        trace.add(new Step.RuleChecked(netns, ref(tableName, undetermined.chain(), undetermined.number(),
            undetermined.rule()), false, "undetermined: " + undetermined.reason()));
      } else if (step instanceof EvalStep.Jumped jumped) {
        trace.add(new Step.RuleChecked(netns, ref(tableName, jumped.chain(), jumped.number(), jumped.rule()), true, ""));
        trace.add(new Step.Note(netns, "  " + (jumped.isGoto() ? "goto " : "jump to ") + jumped.to()));
      } else if (step instanceof EvalStep.Returned returned && returned.to() != null) {
        trace.add(new Step.Note(netns, "  end of " + returned.chain() + ": back to " + returned.to()));
      } else if (step instanceof EvalStep.PolicyApplied policy) {
        trace.add(new Step.PolicyApplied(netns, tableName.id(), policy.chain(), policy.policy().name()));
      }
    };
  }

  private static RuleRef ref(TableName table, String chain, int number, Rule rule) {
    return new RuleRef(table.id(), chain, number, RulePrinter.saveRule(chain, rule.spec(), null), null);
  }

  /** Conntrack at the first hook ({@code nf_conntrack_in}), only while some rule needs it in this namespace. */
  private boolean track(NetnsRuntime runtime, Skb skb) {
    if (skb.ct != null || !runtime.iptables().needsConntrack()) {
      return true;
    }
    if (skb.notrack) {
      skb.ctinfo = CtInfo.UNTRACKED;
      if (skb.trace.on()) {
        skb.trace.add(new Step.Tracked(runtime.netns(), "UNTRACKED", null, false));
      }
      return true;
    }
    runtime.conntrack().track(skb.packet, skb.zone, scheduler.now(), skb);
    if (skb.ct == null) {
      skb.ctinfo = CtInfo.INVALID;
    }
    boolean created = skb.ct != null && !skb.ct.isConfirmed();
    if (skb.trace.on()) {
      skb.trace.add(new Step.Tracked(runtime.netns(), skb.ctinfo.stateName(),
          skb.ct == null ? null : skb.ct.original().format(), created));
    }
    return true;
  }

  private boolean confirm(NetnsRuntime runtime, Skb skb) {
    if (skb.ct == null || skb.ct.isConfirmed()) {
      return true;
    }
    Namespace host = world.topology().host();
    runtime.conntrackTable().setMax(runtime(host).settings(host).conntrackMax);
    if (!runtime.conntrackTable().confirm(skb.ct, scheduler.now())) {
      skb.trace.end(Disposition.CONNTRACK_TABLE_FULL, "conntrack could not insert the new entry (table full)");
      return false;
    }
    return true;
  }

  /**
   * The nat table at {@code hook}: consulted only for a connection's first packet (until the hook's
   * translation is set up); every packet of the connection then gets the binding's rewrite.
   */
  private boolean nat(NetnsRuntime runtime, Hook hook, Skb skb, Link in, Link out) {
    Connection connection = skb.ct;
    if (connection == null) {
      return true;
    }
    Nat.Manip manip = hook == Hook.PREROUTING || hook == Hook.OUTPUT ? Nat.Manip.DST : Nat.Manip.SRC;
    long now = scheduler.now();
    String by = null;
    boolean first = skb.ctinfo == CtInfo.NEW
        || skb.ctinfo.isRelated() && !(skb.packet.l4() instanceof Icmp icmp && icmp.isError());
    if (first && !Nat.isInitialized(connection, manip)) {
      boolean bound;
      if (runtime.iptables().ruleset().exists(TableName.NAT)) {
        PacketContext context = context(runtime, hook, skb, in, out);
        Evaluation result = runtime.evaluation;
        Verdict verdict = runtime.classifier().evaluate(TableName.NAT, hook, context, result,
            skb.trace.on() ? listener(runtime, skb, TableName.NAT, hook) : null);
        skb.mark = context.mark;
        if (verdict == Verdict.NAT) {
          NatTarget target = (NatTarget) result.target();
          NatRange range = natRange(runtime, target, hook, skb, in, out);
          if (range == null) {
            skb.trace.end(Disposition.DROPPED_BY_RULE, ruleRef(TableName.NAT, result)
                + ": no address to masquerade to on " + (out == null ? "?" : out.name()));
            return false;
          }
          bound = Nat.bind(runtime.conntrackTable(), connection, manip, range, now);
          by = target.name();
        } else if (verdict == Verdict.ACCEPT) {
          bound = Nat.bindNull(runtime.conntrackTable(), connection, manip, now);
        } else {
          return afterVerdict(runtime, TableName.NAT, hook, skb, verdict, result);
        }
      } else {
        // Without a nat table iptables-nft registers no NAT hooks: no binding, no *_NAT_DONE status
        // (conntrack -L --src-nat lists nothing).
        return true;
      }
      if (!bound) {
        skb.trace.end(Disposition.DROPPED_BY_RULE, "no free tuple for " + manip + " translation");
        return false;
      }
    }
    Ipv4Packet before = skb.packet;
    skb.packet = Nat.apply(connection, skb.ctinfo, manip, before);
    if (skb.packet != before && !skb.packet.equals(before)) {
      String kind = by != null ? by : manip == Nat.Manip.DST ? "DNAT (conntrack)" : "SNAT (conntrack)";
      if (skb.trace.on()) {
        skb.trace.add(new Step.Translated(runtime.netns(), kind, PacketText.endpoints(before),
            PacketText.endpoints(skb.packet)));
      }
    }
    return true;
  }

  /** What a NAT target maps to for this packet; null when MASQUERADE finds no address on the device. */
  private NatRange natRange(NetnsRuntime runtime, NatTarget target, Hook hook, Skb skb, Link in, Link out) {
    dev.netsim.rules.ext.target.NatRange range = target.range();
    Namespace ns = namespace(runtime);
    Ipv4Packet packet = skb.packet;
    return switch (target.kind()) {
      case DNAT, SNAT -> new NatRange(range.hasAddresses(), range.minAddress(), range.maxAddress(),
          range.hasPorts(), range.minPort(), range.maxPort());
      case MASQUERADE -> {
        Route route = ns.lookupRoute(packet.dst());
        int nextHop = route == null ? packet.dst() : nextHop(route, packet.dst());
        Ipv4 address = out == null ? null : ns.selectSourceAddress(out.index(), nextHop, Scope.GLOBAL);
        yield address == null ? null
            : new NatRange(true, address.bits(), address.bits(), range.hasPorts(), range.minPort(), range.maxPort());
      }
      case REDIRECT -> {
        int address = Ipv4.LOOPBACK.bits();
        if (in != null) {
          Ipv4 primary = in.addresses().isEmpty() ? null : in.addresses().get(0).local();
          if (primary == null) {
            yield null;
          }
          address = primary.bits();
        }
        yield new NatRange(true, address, address, range.hasPorts(), range.minPort(), range.maxPort());
      }
      case NETMAP -> {
        dev.netsim.rules.ext.target.NetmapTarget netmap = (dev.netsim.rules.ext.target.NetmapTarget) target;
        int original = hook == Hook.POSTROUTING || hook == Hook.INPUT ? packet.src() : packet.dst();
        int mapped = (original & ~netmap.mask()) | (netmap.network() & netmap.mask());
        yield NatRange.address(mapped);
      }
    };
  }

  // --- answers the kernel sends itself

  private void reject(NetnsRuntime runtime, Skb skb, RejectTarget target) {
    Ipv4Packet offending = skb.packet;
    if (target.with() == RejectTarget.With.TCP_RESET) {
      if (offending.l4() instanceof Tcp segment && !segment.has(Tcp.RST)) {
        Ipv4Packet reset = Ipv4Packet.of(Ipv4.of(offending.dst()), Ipv4.of(offending.src()),
            Stack.resetFor(segment));
        sendGenerated(runtime, reset, "REJECT --reject-with tcp-reset");
      }
      return;
    }
    icmpError(runtime, skb, target.with().icmpType(), target.with().icmpCode());
  }

  /** Sends an ICMP error about {@code skb}'s packet back to its source, as {@code icmp_send} does. */
  private void icmpError(NetnsRuntime runtime, Skb skb, int type, int code) {
    Ipv4Packet offending = skb.packet;
    Ipv4 src = Ipv4.of(offending.src());
    if (offending.isLaterFragment() || src.isAny() || src.isMulticast() || src.isLimitedBroadcast()
        || offending.l4() instanceof Icmp icmp && icmp.isError()) {
      return;
    }
    Namespace ns = namespace(runtime);
    int from;
    if (ns.isLocalAddress(offending.dst())) {
      from = offending.dst();
    } else {
      Route back = ns.lookupRoute(offending.src());
      Ipv4 source = back == null || back.type().isError() ? null : sourceFor(ns, back, offending.src());
      if (source == null) {
        return;
      }
      from = source.bits();
    }
    Ipv4Packet error = Ipv4Packet.of(Ipv4.of(from), src, Icmp.error(type, code, offending));
    sendGenerated(runtime, error, "the kernel");
  }

  private void sendGenerated(NetnsRuntime runtime, Ipv4Packet packet, String by) {
    // A fresh event, so the answer's path does not nest inside the offending packet's.
    scheduler.after(0, () -> {
      if (world.namespace(runtime.netns()) != null && runtime(runtime.netns()) == runtime) {
        sendLocal(runtime, packet);
      }
    });
  }

  // --- helpers

  private Namespace namespace(NetnsRuntime runtime) {
    Namespace ns = world.namespace(runtime.netns());
    return ns != null && ns.instance() == runtime.instance() ? ns : null;
  }

  private static int loopbackIndex(Namespace ns) {
    for (Link link : ns.links()) {
      if (link.isLoopback()) {
        return link.index();
      }
    }
    return 1;
  }

  private static Link outputDevice(Namespace ns, Route route) {
    if (route.type() == AddressType.LOCAL) {
      return ns.link(loopbackIndex(ns));
    }
    return ns.link(route.device());
  }

  private static int nextHop(Route route, int dst) {
    if (route.type() == AddressType.BROADCAST) {
      return -1;
    }
    return route.gateway() != null ? route.gateway().bits() : dst;
  }

  private static Ipv4 sourceFor(Namespace ns, Route route, int dst) {
    if (route.preferredSource() != null) {
      return route.preferredSource();
    }
    if (route.type() == AddressType.LOCAL) {
      return Ipv4.of(dst);
    }
    return ns.selectSourceAddress(route.device(), route.gateway() != null ? route.gateway().bits() : dst, Scope.GLOBAL);
  }

  private static String describe(Namespace ns, Route route) {
    Link dev = ns.link(route.device());
    StringBuilder text = new StringBuilder();
    if (route.type() != AddressType.UNICAST) {
      text.append(route.type().label()).append(' ');
    }
    text.append(route.destination().length() == 0 ? "default" : route.destination().toString());
    if (route.gateway() != null) {
      text.append(" via ").append(route.gateway());
    }
    if (dev != null) {
      text.append(" dev ").append(dev.name());
    }
    return text.toString();
  }

  private String linkName(String netns, int ifindex) {
    Namespace ns = world.namespace(netns);
    Link link = ns == null ? null : ns.link(ifindex);
    return link == null ? "if" + ifindex : link.name();
  }

  private void tapReceived(String netns, Link dev, EthernetFrame frame) {
    if (tap.watching(netns, dev.name())) {
      tap.received(tapPoint(netns, dev), frame, scheduler.now());
    }
  }

  private void tapTransmitted(String netns, Link dev, EthernetFrame frame) {
    if (tap.watching(netns, dev.name())) {
      tap.transmitted(tapPoint(netns, dev), frame, scheduler.now());
    }
  }

  private static TapPoint tapPoint(String netns, Link dev) {
    return new TapPoint(netns, dev.name(), dev.index(), dev.mac(), dev.isLoopback());
  }
}
