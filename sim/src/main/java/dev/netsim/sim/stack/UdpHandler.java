package dev.netsim.sim.stack;

/** A program's side of a UDP socket. */
public interface UdpHandler {
  /** A datagram arrived from {@code from}. */
  default void received(UdpSocket socket, Endpoint from, byte[] data) {}

  /** An ICMP error came back about a datagram this socket sent (connected sockets only, as on Linux). */
  default void failed(UdpSocket socket, Errno error) {}
}
