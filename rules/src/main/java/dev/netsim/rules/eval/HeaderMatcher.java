package dev.netsim.rules.eval;

import dev.netsim.core.value.Ipv4;
import dev.netsim.rules.ext.Names;
import dev.netsim.rules.model.IpHeader;

/** The kernel's {@code ip_packet_match}: tests a rule's fixed header against a packet. */
public final class HeaderMatcher {
  private HeaderMatcher() {}

  /** Whether the packet passes every test of the header. Allocates nothing. */
  public static boolean matches(IpHeader header, PacketContext packet) {
    return sourceOk(header, packet) && destinationOk(header, packet) && inOk(header, packet)
        && outOk(header, packet) && protocolOk(header, packet) && fragmentOk(header, packet);
  }

  /** The first failing test in words, e.g. {@code in-interface is br0, rule wants ! br0}; null if none. */
  public static String explain(IpHeader header, PacketContext packet) {
    if (!sourceOk(header, packet)) {
      return "source is " + Ipv4.format(packet.src) + ", rule wants " + (header.sourceInverted() ? "! " : "")
          + prefix(header.source().address(), header.source().mask());
    }
    if (!destinationOk(header, packet)) {
      return "destination is " + Ipv4.format(packet.dst) + ", rule wants "
          + (header.destinationInverted() ? "! " : "")
          + prefix(header.destination().address(), header.destination().mask());
    }
    if (!inOk(header, packet)) {
      return "in-interface is " + (packet.inInterface == null ? "none" : packet.inInterface) + ", rule wants "
          + (header.inInverted() ? "! " : "") + header.inInterface();
    }
    if (!outOk(header, packet)) {
      return "out-interface is " + (packet.outInterface == null ? "none" : packet.outInterface) + ", rule wants "
          + (header.outInverted() ? "! " : "") + header.outInterface();
    }
    if (!protocolOk(header, packet)) {
      return "protocol is " + Names.protocolLabel(packet.protocol) + ", rule wants "
          + (header.protocolInverted() ? "! " : "") + Names.protocolLabel(header.protocol());
    }
    if (!fragmentOk(header, packet)) {
      return header.fragmentInverted() ? "packet is a later fragment, rule wants ! -f"
          : "packet is not a later fragment, rule wants -f";
    }
    return null;
  }

  private static String prefix(int address, int mask) {
    return Ipv4.format(address) + "/" + (Names.cidr(mask) >= 0 ? Integer.toString(Names.cidr(mask))
        : Ipv4.format(mask));
  }

  private static boolean sourceOk(IpHeader header, PacketContext packet) {
    return ((packet.src & header.source().mask()) == header.source().address()) != header.sourceInverted();
  }

  private static boolean destinationOk(IpHeader header, PacketContext packet) {
    return ((packet.dst & header.destination().mask()) == header.destination().address())
        != header.destinationInverted();
  }

  private static boolean inOk(IpHeader header, PacketContext packet) {
    return header.inInterface().isEmpty()
        || IpHeader.interfaceMatches(header.inInterface(), packet.inInterface) != header.inInverted();
  }

  private static boolean outOk(IpHeader header, PacketContext packet) {
    return header.outInterface().isEmpty()
        || IpHeader.interfaceMatches(header.outInterface(), packet.outInterface) != header.outInverted();
  }

  private static boolean protocolOk(IpHeader header, PacketContext packet) {
    return header.protocol() == 0 || (packet.protocol == header.protocol()) != header.protocolInverted();
  }

  private static boolean fragmentOk(IpHeader header, PacketContext packet) {
    return !header.fragment() || packet.laterFragment != header.fragmentInverted();
  }
}
