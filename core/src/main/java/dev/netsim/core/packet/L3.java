package dev.netsim.core.packet;

/** What an Ethernet frame carries: an IPv4 packet or an ARP message. */
public sealed interface L3 permits Ipv4Packet, ArpPacket {
  int etherType();
}
