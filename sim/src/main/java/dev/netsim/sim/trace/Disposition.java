package dev.netsim.sim.trace;

/** How a packet's journey ended: a closed set, so that callers can switch over it. */
public enum Disposition {
  /** Reached a socket or the local stack (which may still answer with an error of its own). */
  DELIVERED("delivered"),
  /** A rule's DROP target (or a target that drops, such as a failed NAT). */
  DROPPED_BY_RULE("dropped by rule"),
  /** The end of a built-in chain whose policy is DROP. */
  DROPPED_BY_POLICY("dropped by policy"),
  /** A REJECT rule answered with an ICMP error or a TCP reset. */
  REJECTED("rejected"),
  /** The routing table has no route to the destination. */
  NO_ROUTE("no route"),
  /** A packet for another host arrived while {@code net.ipv4.ip_forward} is 0. */
  FORWARDING_DISABLED("forwarding disabled"),
  /** The TTL ran out on a router. */
  TTL_EXCEEDED("TTL exceeded"),
  /** ARP found nobody at the next hop. */
  NEIGHBOUR_UNREACHABLE("neighbour unreachable"),
  /** The outgoing or incoming interface is down or has no carrier. */
  LINK_DOWN("link down"),
  /** A frame for another host's MAC address reached an interface that is not a bridge port. */
  NOT_FOR_THIS_HOST("not for this host"),
  /** The kernel refused a source or destination address (e.g. 127/8 on the wire without route_localnet). */
  MARTIAN("martian address"),
  /** Reverse-path filtering ({@code rp_filter}) found no route back to the source through the interface. */
  RP_FILTERED("dropped by rp_filter"),
  /** The conntrack table was full and no entry could be dropped. */
  CONNTRACK_TABLE_FULL("conntrack table full"),
  /** A bridge loop multiplied the frame until netsim's copy budget ran out. */
  BROADCAST_STORM("broadcast storm"),
  /** The outcome depends on a match or target netsim parses but does not model. */
  UNDETERMINED("undetermined");

  private final String text;

  Disposition(String text) {
    this.text = text;
  }

  /** Words for a learner, e.g. "dropped by policy". */
  public String text() {
    return text;
  }
}
