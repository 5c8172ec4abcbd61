package dev.netsim.sim.stack;

import dev.netsim.core.packet.Icmp;
import dev.netsim.core.packet.Ipv4Packet;

/** ping's view of its raw ICMP socket. */
public interface PingHandler {
  /** An echo reply with this socket's id arrived. */
  void reply(Ipv4Packet packet, Icmp reply);

  /** An ICMP error arrived quoting one of this socket's echo requests (sent from {@code packet.src()}). */
  void error(Ipv4Packet packet, Icmp error, Icmp quotedRequest);
}
