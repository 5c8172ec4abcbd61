package dev.netsim.sim.engine;

import dev.netsim.core.packet.Ipv4Packet;
import dev.netsim.core.topo.Link;
import dev.netsim.sim.conntrack.Connection;
import dev.netsim.sim.conntrack.Conntrack;
import dev.netsim.sim.conntrack.CtInfo;

/**
 * One IPv4 packet on its way through one namespace, with what the kernel keeps beside it ({@code sk_buff}):
 * its conntrack entry, mark, the bridge ports it crossed, and its trace. Mutable and short-lived; a bridge
 * that floods makes copies.
 */
final class Skb implements Conntrack.Slot {
  Ipv4Packet packet;
  final PacketTrace trace;
  /** Made by this namespace's own stack (OUTPUT path) rather than received. */
  boolean local;
  Connection ct;
  CtInfo ctinfo;
  boolean notrack;
  int zone;
  int mark;
  /** br_netfilter already ran PREROUTING for it on the bridge. */
  boolean bridgePreroutingDone;
  Link physIn;
  Link physOut;
  long srcMac = -1;
  int pktType = -1;
  /** Identifies the copies of one frame for bridge-storm counting; made when a bridge first floods it. */
  private Object lineage;
  /** The NAT target name that set up the connection's translation at this hook, for the trace. */
  String natBy;

  Skb(Ipv4Packet packet, PacketTrace trace) {
    this.packet = packet;
    this.trace = trace;
  }

  /** Conntrack's answer for this packet ({@code nf_conntrack_in} sets {@code skb->_nfct}). */
  @Override
  public void setConnection(Connection connection, CtInfo info) {
    ct = connection;
    ctinfo = info;
  }

  /** A copy for another bridge port; the trace is shared and counts one more ending. */
  Skb copy() {
    Skb copy = new Skb(packet, trace);
    copy.local = local;
    copy.ct = ct;
    copy.ctinfo = ctinfo;
    copy.notrack = notrack;
    copy.zone = zone;
    copy.mark = mark;
    copy.bridgePreroutingDone = bridgePreroutingDone;
    copy.physIn = physIn;
    copy.physOut = physOut;
    copy.srcMac = srcMac;
    copy.pktType = pktType;
    copy.lineage = lineage;
    trace.branch();
    return copy;
  }

  /** What crosses into another namespace: the packet and its trace; the kernel scrubs the rest. */
  Skb crossNamespace() {
    Skb crossed = new Skb(packet, trace);
    crossed.lineage = lineage;
    return crossed;
  }

  Object lineage() {
    if (lineage == null) {
      lineage = new Object();
    }
    return lineage;
  }
}
