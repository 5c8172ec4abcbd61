package dev.netsim.sim.capture;

/**
 * The link-layer header a capture records: Ethernet on a named interface, Linux "cooked" headers on
 * {@code any} (version 2 when {@code -i any} is given, version 1 when tcpdump falls back to {@code any}
 * because no other interface is up).
 */
public enum LinkType {
  ETHERNET(1, "EN10MB", "Ethernet", 14),
  LINUX_SLL(113, "LINUX_SLL", "Linux cooked v1", 16),
  LINUX_SLL2(276, "LINUX_SLL2", "Linux cooked v2", 20);

  private final int code;
  private final String dltName;
  private final String description;
  private final int headerLength;

  LinkType(int code, String dltName, String description, int headerLength) {
    this.code = code;
    this.dltName = dltName;
    this.description = description;
    this.headerLength = headerLength;
  }

  /** The LINKTYPE_ value in a pcap file header. */
  public int code() {
    return code;
  }

  /** How tcpdump names it: {@code EN10MB (Ethernet)}. */
  public String text() {
    return dltName + " (" + description + ")";
  }

  public String dltName() {
    return dltName;
  }

  /** Bytes of link-layer header in front of the network-layer packet. */
  public int headerLength() {
    return headerLength;
  }

  public static LinkType ofCode(int code) {
    for (LinkType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    throw new IllegalArgumentException("unsupported pcap link type " + code);
  }
}
