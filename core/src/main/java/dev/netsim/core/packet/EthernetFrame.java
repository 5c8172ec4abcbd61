package dev.netsim.core.packet;

import dev.netsim.core.value.Mac;
import java.util.Objects;

/** An Ethernet II frame on a link: what veths and bridges carry. */
public record EthernetFrame(Mac src, Mac dst, L3 payload) {
  public static final int ETHERTYPE_IPV4 = 0x0800;
  public static final int ETHERTYPE_ARP = 0x0806;
  public static final int HEADER_LENGTH = 14;

  public EthernetFrame {
    Objects.requireNonNull(src, "src");
    Objects.requireNonNull(dst, "dst");
    Objects.requireNonNull(payload, "payload");
  }

  public int etherType() {
    return payload.etherType();
  }

  /** Frame length without the FCS, as tcpdump -e reports it. */
  public int length() {
    int l3 = payload instanceof Ipv4Packet ip ? ip.totalLength() : ((ArpPacket) payload).length();
    return HEADER_LENGTH + l3;
  }
}
