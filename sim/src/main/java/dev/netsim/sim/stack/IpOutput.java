package dev.netsim.sim.stack;

import dev.netsim.core.packet.Ipv4Packet;

/** What the transport layer needs from the IP layer of its namespace (the engine implements it). */
public interface IpOutput {
  /**
   * The source address the kernel would choose for a packet to {@code dst}: the route's preferred source,
   * else the outgoing interface's address. Fails with ENETUNREACH when there is no route.
   */
  int sourceAddressFor(int dst) throws SocketError;

  /**
   * Hands a locally generated packet to the IP layer (OUTPUT, POSTROUTING, neighbour resolution,
   * transmission). Returns null when the packet left, or the error the sending call sees at once
   * (EPERM when an OUTPUT rule dropped it, ENETUNREACH when no route).
   */
  Errno send(Ipv4Packet packet);
}
