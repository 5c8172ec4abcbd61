package dev.netsim.sim.engine;

import dev.netsim.core.topo.Namespace;
import dev.netsim.rules.eval.AddressTypes;
import dev.netsim.rules.eval.Evaluation;
import dev.netsim.rules.eval.PacketClassifier;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.PacketEffects;
import dev.netsim.rules.eval.compiled.CompiledClassifier;
import dev.netsim.rules.state.IptablesState;
import dev.netsim.sim.conntrack.Conntrack;
import dev.netsim.sim.conntrack.ConntrackTable;
import dev.netsim.sim.stack.Stack;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The mutable kernel state of one network namespace that the topology snapshot does not hold: its iptables
 * rules and counters, its conntrack table, its sockets, and the packets waiting for a neighbour to answer.
 * A namespace that is deleted and created again gets a fresh one, as in Linux.
 */
public final class NetnsRuntime {
  private final String netns;
  private final long instance;
  private final IptablesState iptables = new IptablesState();
  private PacketClassifier classifier;
  private final ConntrackTable conntrackTable = new ConntrackTable();
  private final Conntrack conntrack = new Conntrack(conntrackTable);
  private Stack stack;
  /** The packet view, outcome and conntrack view reused for every table a packet meets here. */
  final PacketContext context = new PacketContext();
  final Evaluation evaluation = new Evaluation();
  final CtView ctView = new CtView();
  /** The packet being evaluated, for LOG's report into its trace. */
  Skb current;
  AddressTypes addressTypes;
  PacketEffects effects = PacketEffects.NONE;
  /** Packets waiting for a neighbour, by (ifindex, next hop). */
  final Map<Long, ArrayDeque<Queued>> unresolved = new HashMap<>();

  /** A packet in a neighbour's queue and the device it leaves by. */
  record Queued(Skb skb, int ifindex) {}

  NetnsRuntime(String netns, long instance) {
    this.netns = netns;
    this.instance = instance;
    // explained walks (tracing on) are delegated by the compiled classifier to the reference evaluator
    this.classifier = CompiledClassifier.indexed(iptables);
  }

  void attachStack(Stack created) {
    stack = created;
  }

  public String netns() {
    return netns;
  }

  long instance() {
    return instance;
  }

  /** The namespace's iptables: what {@code iptables}, {@code iptables-save} and {@code iptables-restore} act on. */
  public IptablesState iptables() {
    return iptables;
  }

  /** What evaluates this namespace's rules on the packet path. */
  public PacketClassifier classifier() {
    return classifier;
  }

  /**
   * Replaces the rule evaluator (the compiled classifier by default; e.g. a {@code ReferenceEvaluator} over
   * {@link #iptables()} to compare the two).
   */
  public void useClassifier(PacketClassifier replacement) {
    classifier = replacement;
  }

  /** The namespace's conntrack entries, as {@code conntrack -L} lists them. */
  public ConntrackTable conntrackTable() {
    return conntrackTable;
  }

  Conntrack conntrack() {
    return conntrack;
  }

  /** The namespace's sockets. */
  public Stack stack() {
    return stack;
  }

  private PathSettings settings;

  /** The path's sysctls for the namespace snapshot {@code ns}, read again only when the snapshot changed. */
  PathSettings settings(Namespace ns) {
    if (settings == null || settings.namespace != ns) {
      settings = new PathSettings(ns);
    }
    return settings;
  }

  /** Token buckets of the ICMP error rate limit, per destination ({@code inet_peer}'s rate_tokens/rate_last). */
  private final Map<Integer, long[]> icmpTokens = new HashMap<>();

  /**
   * Whether the kernel may send an ICMP error of {@code type} to {@code destination} now ({@code icmpv4_xrlim_allow}):
   * types in {@code net.ipv4.icmp_ratemask} draw on a bucket of {@code icmp_ratelimit} ms per message that fills
   * with time up to six messages' worth.
   */
  boolean icmpErrorAllowed(Namespace ns, int destination, int type, long nowNanos) {
    if ((ns.sysctlInt("net.ipv4.icmp_ratemask") & (1 << type)) == 0) {
      return true;
    }
    long timeout = ns.sysctlInt("net.ipv4.icmp_ratelimit") * 1_000_000L;
    if (timeout == 0) {
      return true;
    }
    return drawIcmpTokens(destination, timeout, BURST * timeout, nowNanos);
  }

  /**
   * Whether a packet that found no route (or an unreachable/prohibit route) may be answered with an ICMP error
   * ({@code ip_error}): it first draws one second from the same per-source tokens, filled up to five seconds'
   * worth ({@code ip_rt_error_cost}, {@code ip_rt_error_burst}, global sysctls a namespace cannot see), so
   * together with {@code icmp_send}'s own draw an unreachable network answers two errors in a burst, then
   * about one every two seconds.
   */
  boolean routeErrorAllowed(int destination, long nowNanos) {
    return drawIcmpTokens(destination, ROUTE_ERROR_COST, ROUTE_ERROR_BURST, nowNanos);
  }

  /** {@code inet_peer_xrlim_allow}: tokens accrue with time up to {@code burst}; a message costs {@code cost}. */
  private boolean drawIcmpTokens(int destination, long cost, long burst, long nowNanos) {
    // A new peer starts as if last seen long ago, i.e. with a full bucket.
    long[] bucket = icmpTokens.computeIfAbsent(destination, d -> new long[] {0, nowNanos - 60_000_000_000L});
    long tokens = Math.min(bucket[0] + (nowNanos - bucket[1]), burst);
    bucket[1] = nowNanos;
    if (tokens < cost) {
      bucket[0] = tokens;
      return false;
    }
    bucket[0] = tokens - cost;
    return true;
  }

  /** {@code XRLIM_BURST_FACTOR}. */
  private static final int BURST = 6;
  private static final long ROUTE_ERROR_COST = 1_000_000_000L;
  private static final long ROUTE_ERROR_BURST = 5 * ROUTE_ERROR_COST;

  static long neighbourKey(int ifindex, int address) {
    return (long) ifindex << 32 | (address & 0xffff_ffffL);
  }
}
