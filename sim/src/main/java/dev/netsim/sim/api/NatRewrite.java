package dev.netsim.sim.api;

/**
 * One address translation a packet underwent.
 *
 * @param netns the namespace it happened in ({@link Netsim#HOST} for the host)
 * @param kind what translated it: the NAT target ({@code MASQUERADE}, {@code DNAT}, {@code SNAT}, {@code REDIRECT},
 *     {@code NETMAP}), or {@code DNAT (conntrack)} / {@code SNAT (conntrack)} for a connection's later packets
 * @param before the packet's endpoints before, e.g. {@code 172.17.0.2:40000 > 192.0.2.1:80} (addresses only for ICMP)
 * @param after the endpoints after
 */
public record NatRewrite(String netns, String kind, String before, String after) {
  /** The source after the rewrite: {@code ADDRESS} or {@code ADDRESS:PORT}. */
  public String sourceAfter() {
    return after.substring(0, after.indexOf(" > "));
  }

  /** The destination after the rewrite: {@code ADDRESS} or {@code ADDRESS:PORT}. */
  public String destinationAfter() {
    return after.substring(after.indexOf(" > ") + 3);
  }

  @Override
  public String toString() {
    return kind + ": " + before + " → " + after;
  }
}
