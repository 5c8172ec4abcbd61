package dev.netsim.rules.eval;

import dev.netsim.core.packet.Icmp;
import dev.netsim.core.packet.Ipv4Packet;
import dev.netsim.core.packet.L4;
import dev.netsim.core.packet.Tcp;
import dev.netsim.core.packet.Udp;
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.TableName;

/**
 * Everything rules can look at or change about one packet at one hook: a mutable, reusable view the engine
 * fills once per packet (or per hook) and hands to an evaluator. Fields are public so that the hot path reads
 * them without calls; "absent" values are -1 or null as documented on each field.
 *
 * <p>Targets with side effects act on it: MARK writes {@link #mark}, CONNMARK writes {@link #mark} and the
 * connection's mark through {@link #conntrack}, CT sets {@link #notrack} and {@link #ctZone}, TRACE sets
 * {@link #trace}, LOG and NFLOG report through {@link #effects}.
 */
public final class PacketContext {
  /** Source address (network order in an int, as {@link dev.netsim.core.value.Ipv4}). */
  public int src;
  /** Destination address. */
  public int dst;
  /** IP protocol number (6 TCP, 17 UDP, 1 ICMP, ...). */
  public int protocol;
  /** IP total length in bytes: what byte counters add. */
  public int length;
  public int ttl;
  public int tos;
  /** Whether this is a second or later fragment ({@code -f}): such packets carry no transport header. */
  public boolean laterFragment;
  /** Transport ports for TCP, UDP, SCTP, DCCP; -1 otherwise. */
  public int srcPort = -1;
  public int dstPort = -1;
  /** TCP flags in header bit order (FIN 0x01 ... CWR 0x80); 0 for other protocols. */
  public int tcpFlags;
  /** ICMP type and code; -1 for other protocols. */
  public int icmpType = -1;
  public int icmpCode = -1;

  /** Input interface name; null at hooks without one (OUTPUT, POSTROUTING) or for local packets. */
  public String inInterface;
  /** Output interface name; null at hooks without one (PREROUTING, INPUT). */
  public String outInterface;
  /** Dense interface ids for compiled classifiers; -1 when absent or not assigned. */
  public int inInterfaceId = -1;
  public int outInterfaceId = -1;
  /** Bridge ports ({@code -m physdev}) for bridged packets with br_netfilter; null otherwise. */
  public String physInInterface;
  public String physOutInterface;
  /** Whether the packet is being bridged (not routed), as {@code --physdev-is-bridged} asks. */
  public boolean bridged;
  /** Source MAC address in the low 48 bits, or -1 when the packet has no Ethernet header here. */
  public long srcMac = -1;
  /**
   * The link-layer packet type ({@code skb->pkt_type}, for {@code -m pkttype}): {@link #PACKET_HOST},
   * {@link #PACKET_BROADCAST}, {@link #PACKET_MULTICAST}, {@link #PACKET_OTHERHOST}, {@link #PACKET_OUTGOING},
   * {@link #PACKET_LOOPBACK}; -1 when the engine does not say (pkttype is then undetermined).
   */
  public int pktType = -1;
  public static final int PACKET_HOST = 0;
  public static final int PACKET_BROADCAST = 1;
  public static final int PACKET_MULTICAST = 2;
  public static final int PACKET_OTHERHOST = 3;
  public static final int PACKET_OUTGOING = 4;
  public static final int PACKET_LOOPBACK = 5;

  /** The packet mark ({@code nfmark}). */
  public int mark;
  /** The packet's conntrack entry, or null when it has none. */
  public ConntrackView conntrack;
  /** The packet was exempted from tracking ({@code -j CT --notrack}, NOTRACK): its state is UNTRACKED. */
  public boolean notrack;
  /** The conntrack zone a CT target assigned (0: default). */
  public int ctZone;
  /** TRACE was applied. */
  public boolean trace;

  /** Answers {@code -m addrtype}; null when the engine has none (addrtype is then undetermined). */
  public AddressTypes addressTypes;
  /** Receives LOG/NFLOG reports. */
  public PacketEffects effects = PacketEffects.NONE;

  /** The hook and table being evaluated; set by the evaluator. */
  public Hook hook;
  public TableName table;
  /** Virtual time in nanoseconds, for {@code -m limit}. */
  public long nowNanos;
  /**
   * The simulated wall clock in seconds since 1970 (UTC) for {@code -m time}; {@link Long#MIN_VALUE} when the
   * engine has none (time matches are then undetermined).
   */
  public long wallClockSeconds = Long.MIN_VALUE;

  /**
   * Sets the header fields from {@code packet}, leaving interfaces, marks, conntrack and the other fields
   * that do not come from the packet itself as they are.
   */
  public PacketContext setPacket(Ipv4Packet packet) {
    src = packet.src();
    dst = packet.dst();
    protocol = packet.protocol();
    length = packet.totalLength();
    ttl = packet.ttl();
    tos = packet.tos();
    laterFragment = packet.isLaterFragment();
    srcPort = -1;
    dstPort = -1;
    tcpFlags = 0;
    icmpType = -1;
    icmpCode = -1;
    if (!laterFragment) {
      L4 l4 = packet.l4();
      if (l4 instanceof Tcp tcp) {
        srcPort = tcp.srcPort();
        dstPort = tcp.dstPort();
        tcpFlags = tcp.flags();
      } else if (l4 instanceof Udp udp) {
        srcPort = udp.srcPort();
        dstPort = udp.dstPort();
      } else if (l4 instanceof Icmp icmp) {
        icmpType = icmp.type();
        icmpCode = icmp.code();
      }
    }
    return this;
  }

  /** Clears everything, for reuse with another packet. */
  public PacketContext reset() {
    src = 0;
    dst = 0;
    protocol = 0;
    length = 0;
    ttl = 0;
    tos = 0;
    laterFragment = false;
    srcPort = -1;
    dstPort = -1;
    tcpFlags = 0;
    icmpType = -1;
    icmpCode = -1;
    inInterface = null;
    outInterface = null;
    inInterfaceId = -1;
    outInterfaceId = -1;
    physInInterface = null;
    physOutInterface = null;
    bridged = false;
    srcMac = -1;
    pktType = -1;
    mark = 0;
    conntrack = null;
    notrack = false;
    ctZone = 0;
    trace = false;
    addressTypes = null;
    effects = PacketEffects.NONE;
    hook = null;
    table = null;
    nowNanos = 0;
    wallClockSeconds = Long.MIN_VALUE;
    return this;
  }

  /**
   * The conntrack state bit of this packet as {@code -m conntrack --ctstate} sees it: UNTRACKED for notrack'd
   * packets, INVALID without an entry, else the entry's state plus its SNAT/DNAT bits.
   */
  public int ctStateBits() {
    if (notrack) {
      return CtState.UNTRACKED;
    }
    if (conntrack == null) {
      return CtState.INVALID;
    }
    return conntrack.state() | conntrack.natState();
  }
}
