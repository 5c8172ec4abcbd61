package dev.netsim.sim.capture;

import dev.netsim.core.value.Mac;

/**
 * Linux's classification of a frame at a capture point ({@code skb->pkt_type}): what {@code tcpdump -i any}
 * prints as {@code In}, {@code B}, {@code M}, {@code P} or {@code Out}, and what a cooked pcap header stores.
 */
public enum PacketType {
  /** Received, addressed to this interface's MAC address. */
  HOST("In", 0),
  /** Received, addressed to ff:ff:ff:ff:ff:ff. */
  BROADCAST("B", 1),
  /** Received, addressed to a group address (e.g. 33:33:..., 01:00:5e:...). */
  MULTICAST("M", 2),
  /** Received, addressed to another host (a bridge port, or a promiscuous bridge device). */
  OTHERHOST("P", 3),
  /** Sent out of the interface. */
  OUTGOING("Out", 4);

  private final String marker;
  private final int code;

  PacketType(String marker, int code) {
    this.marker = marker;
    this.code = code;
  }

  /** The marker {@code tcpdump -i any} prints after the interface name. */
  public String marker() {
    return marker;
  }

  /** The LINUX_SLL packet type value stored in cooked pcap headers. */
  public int code() {
    return code;
  }

  /** The packet type stored as {@code code} in a cooked header (anything unknown reads as outgoing). */
  public static PacketType ofCode(int code) {
    for (PacketType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    return OUTGOING;
  }

  /**
   * How the kernel classifies a frame: sent frames are {@link #OUTGOING}; received ones are judged by their
   * destination against the receiving interface's own address, as {@code eth_type_trans} does.
   */
  public static PacketType classify(boolean outgoing, Mac destination, Mac interfaceMac) {
    if (outgoing) {
      return OUTGOING;
    }
    if (destination.isBroadcast()) {
      return BROADCAST;
    }
    if (destination.isMulticast()) {
      return MULTICAST;
    }
    return destination.equals(interfaceMac) ? HOST : OTHERHOST;
  }
}
