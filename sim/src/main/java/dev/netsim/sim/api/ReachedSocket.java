package dev.netsim.sim.api;

/**
 * A socket opened with {@link Netns#listenTcp} or {@link Netns#listenUdp} that a probe reached: a TCP
 * connection it accepted or a datagram it received.
 *
 * @param netns the namespace of the socket ({@link Netsim#HOST} for the host)
 * @param protocol {@code tcp} or {@code udp}
 * @param local the socket's local address and port as the packet arrived, e.g. {@code 172.17.0.2:80}
 * @param peer the address and port it came from (after any NAT)
 */
public record ReachedSocket(String netns, String protocol, String local, String peer) {
  /** The socket's local port. */
  public int port() {
    return Integer.parseInt(local.substring(local.lastIndexOf(':') + 1));
  }

  @Override
  public String toString() {
    return protocol + " " + local + " in " + (netns.isEmpty() ? "host" : netns) + " (from " + peer + ")";
  }
}
