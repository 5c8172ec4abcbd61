package dev.netsim.sim.conntrack;

/** The ICMP query types conntrack tracks, and their replies. */
final class IcmpTypes {
  private IcmpTypes() {}

  /** Echo, timestamp, info and address-mask requests open a connection; nothing else does. */
  static boolean isRequest(int type) {
    return type == 8 || type == 13 || type == 15 || type == 17;
  }

  static boolean isReply(int type) {
    return type == 0 || type == 14 || type == 16 || type == 18;
  }

  /** The reply type of a request and the request type of a reply; other types map to themselves. */
  static int replyType(int type) {
    return switch (type) {
      case 8 -> 0;
      case 0 -> 8;
      case 13 -> 14;
      case 14 -> 13;
      case 15 -> 16;
      case 16 -> 15;
      case 17 -> 18;
      case 18 -> 17;
      default -> type;
    };
  }
}
