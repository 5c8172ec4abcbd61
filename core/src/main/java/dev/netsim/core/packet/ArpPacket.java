package dev.netsim.core.packet;

import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Mac;
import java.util.Objects;

/** An ARP request or reply for IPv4 over Ethernet. */
public record ArpPacket(int op, Mac senderMac, int senderIp, Mac targetMac, int targetIp) implements L3 {
  public static final int REQUEST = 1;
  public static final int REPLY = 2;

  public ArpPacket {
    if (op != REQUEST && op != REPLY) {
      throw new IllegalArgumentException("ARP op " + op);
    }
    Objects.requireNonNull(senderMac, "senderMac");
    Objects.requireNonNull(targetMac, "targetMac");
  }

  /** "Who has {@code targetIp}? Tell {@code senderIp}": broadcast, target MAC all zeros. */
  public static ArpPacket request(Mac senderMac, Ipv4 senderIp, Ipv4 targetIp) {
    return new ArpPacket(REQUEST, senderMac, senderIp.bits(), Mac.ZERO, targetIp.bits());
  }

  public ArpPacket reply(Mac ownMac) {
    return new ArpPacket(REPLY, ownMac, targetIp, senderMac, senderIp);
  }

  @Override
  public int etherType() {
    return EthernetFrame.ETHERTYPE_ARP;
  }

  /** 28 bytes of ARP, padded to Ethernet's 46-byte minimum on the wire. */
  public int length() {
    return 28;
  }
}
