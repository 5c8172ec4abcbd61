package dev.netsim.core.packet;

/** What an IPv4 packet carries: a closed set of the transports the simulator understands. */
public sealed interface L4 permits Tcp, Udp, Icmp, OpaqueL4 {
  /** The IP protocol number (6, 17, 1, or the opaque one). */
  int protocol();

  /** Bytes from the start of the transport header to the end of the packet. */
  int length();
}
