package dev.netsim.sim.tools.iproute;

import dev.netsim.core.topo.IfAddress;
import dev.netsim.core.topo.Link;
import dev.netsim.core.topo.LinkKind;
import dev.netsim.core.topo.Namespace;
import dev.netsim.core.topo.OperState;
import dev.netsim.core.topo.Topology;
import java.util.ArrayList;
import java.util.List;

/** Prints links and their addresses the way iproute2's {@code print_linkinfo} and {@code print_addrinfo} do. */
final class LinkPrinter {
  /** An address line of {@code ip addr}: IPv4 from the model, IPv6 derived (::1 on lo, the link-local address). */
  record AddressLine(boolean inet6, String address, int prefixLength, String broadcast, String scope, boolean secondary,
      boolean tentative, String label) {}

  private final IpContext ip;
  private final Topology topology;
  private final Namespace ns;

  LinkPrinter(IpContext ip) {
    this.ip = ip;
    this.topology = ip.world().topology();
    this.ns = topology.namespace(ip.netns());
  }

  /** "veth0@veth1" (peer here), "veth0@if2" (peer elsewhere) or "lo". */
  String nameWithPeer(Link link) {
    if (link.kind() != LinkKind.VETH) {
      return link.name();
    }
    if (link.peer().namespace().equals(ns.name())) {
      Link peer = ns.link(link.peer().index());
      return link.name() + "@" + (peer == null ? "NONE" : peer.name());
    }
    return link.name() + "@if" + link.peer().index();
  }

  /** The flags in angle brackets, e.g. {@code <NO-CARRIER,BROADCAST,MULTICAST,UP>}. */
  String flags(Link link) {
    List<String> flags = new ArrayList<>();
    boolean running = link.adminUp() && (link.operState() == OperState.UP || link.operState() == OperState.UNKNOWN);
    if (link.adminUp() && !running) {
      flags.add("NO-CARRIER");
    }
    if (link.isLoopback()) {
      flags.add("LOOPBACK");
    } else {
      flags.add("BROADCAST");
      flags.add("MULTICAST");
    }
    if (link.adminUp()) {
      flags.add("UP");
      if (link.carrier()) {
        flags.add("LOWER_UP");
      }
    }
    String text = "<" + String.join(",", flags);
    if (link.kind() == LinkKind.VETH && link.peer().namespace().equals(ns.name())) {
      Link peer = ns.link(link.peer().index());
      if (peer != null && !peer.adminUp()) {
        text += ",M-DOWN";
      }
    }
    return text + ">";
  }

  private String state(Link link) {
    return link.operState().name();
  }

  private Palette stateColor(Link link) {
    return switch (link.operState()) {
      case UP -> Palette.UP;
      case DOWN -> Palette.DOWN;
      default -> Palette.NONE;
    };
  }

  /** " link-netns NAME" or " link-netnsid N" for a veth whose peer is in another namespace, else "". */
  private String linkNetns(Link link) {
    if (link.kind() != LinkKind.VETH || link.peer().namespace().equals(ns.name())) {
      return "";
    }
    Namespace peerNs = topology.namespace(link.peer().namespace());
    if (peerNs == null) {
      return "";
    }
    if (peerNs.listed()) {
      return " link-netns " + peerNs.name();
    }
    int id = ns.nsidOf(peerNs);
    return id >= 0 ? " link-netnsid " + id : " link-netnsid unknown";
  }

  /**
   * The one or two header lines of a link in {@code ip link} ({@code linkMode}) or {@code ip addr}; with
   * {@code -o} on one line, the break shown as a backslash.
   */
  String header(Link link, boolean linkMode, boolean showLinkLayer) {
    String text = fullHeader(link, linkMode, showLinkLayer);
    return ip.options().oneline ? text.substring(0, text.length() - 1).replace("\n", "\\") + "\n" : text;
  }

  /**
   * The header of {@code ip -6 addr}: the kernel's IPv6 link dump carries only flags, MTU, operstate and queue
   * length.
   */
  String inet6Header(Link link) {
    boolean color = ip.color();
    return link.index() + ": " + Palette.IFNAME.paint(link.name() + ": ", color) + flags(link) + " mtu " + link.mtu()
        + " state " + stateColor(link).paint(state(link) + " ", color) + queueLength(link) + "\n";
  }

  /** iproute2's {@code print_queuelen}: nothing for a length of 0. */
  private static String queueLength(Link link) {
    return link.txQueueLength() == 0 ? "" : "qlen " + link.txQueueLength();
  }

  private String fullHeader(Link link, boolean linkMode, boolean showLinkLayer) {
    boolean color = ip.color();
    StringBuilder text = new StringBuilder();
    text.append(link.index()).append(": ");
    text.append(Palette.IFNAME.paint(nameWithPeer(link) + ": ", color));
    text.append(flags(link)).append(' ');
    text.append("mtu ").append(link.mtu()).append(' ');
    text.append("qdisc ").append(link.qdisc()).append(' ');
    if (link.master() != 0) {
      Link master = ns.link(link.master());
      text.append("master ").append(master == null ? link.master() : master.name()).append(' ');
    }
    text.append("state ").append(stateColor(link).paint(state(link) + " ", color));
    if (linkMode) {
      text.append("mode DEFAULT ");
    }
    text.append("group default ").append(queueLength(link));
    if (showLinkLayer) {
      text.append('\n');
      String type = link.isLoopback() ? "loopback" : "ether";
      String broadcast = link.isLoopback() ? "00:00:00:00:00:00" : "ff:ff:ff:ff:ff:ff";
      text.append("    link/").append(type).append(' ')
          .append(Palette.MAC.paint(link.mac().toString(), color))
          .append(" brd ").append(Palette.MAC.paint(broadcast, color));
    }
    text.append(linkNetns(link)).append('\n');
    return text.toString();
  }

  /** The address lines of a link, IPv4 first, filtered by the family option. */
  List<AddressLine> addresses(Link link) {
    List<AddressLine> lines = new ArrayList<>();
    if (ip.options().showsInet()) {
      for (IfAddress address : link.addresses()) {
        lines.add(new AddressLine(false, address.local().toString(), address.prefixLength(),
            address.broadcast() == null ? null : address.broadcast().toString(), address.scope().label(),
            address.secondary(), false, address.label()));
      }
    }
    if (ip.options().showsInet6()) {
      if (link.isLoopback() && link.adminUp()) {
        lines.add(new AddressLine(true, "::1", 128, null, "host", false, false, null));
      } else if (link.linkLocal() != null) {
        lines.add(new AddressLine(true, Ipv6Text.linkLocal(link.linkLocal().mac()), 64, null, "link", false,
            link.linkLocalTentative(ip.world().now()), null));
      }
    }
    return lines;
  }

  /** One address in {@code ip addr}: the {@code inet} line and the lifetime line (one line with {@code -o}). */
  String addressLines(Link link, AddressLine line) {
    String text = addressText(line);
    if (!ip.options().oneline) {
      return text;
    }
    return link.index() + ": " + Palette.IFNAME.paint(link.name(), ip.color())
        + text.substring(0, text.length() - 1).replace("\n", "\\") + "\n";
  }

  private String addressText(AddressLine line) {
    boolean color = ip.color();
    StringBuilder text = new StringBuilder("    ");
    text.append(line.inet6() ? "inet6 " : "inet ");
    text.append((line.inet6() ? Palette.INET6 : Palette.INET).paint(line.address(), color));
    text.append('/').append(line.prefixLength()).append(' ');
    if (line.broadcast() != null) {
      text.append("brd ").append(Palette.INET.paint(line.broadcast() + " ", color));
    }
    text.append("scope ").append(line.scope()).append(' ');
    if (line.secondary()) {
      text.append("secondary ");
    }
    if (line.tentative()) {
      text.append("tentative ");
    }
    if (line.label() != null) {
      text.append(line.label());
    }
    text.append("\n       valid_lft forever preferred_lft forever\n");
    return text.toString();
  }

  /** {@code ip -br link}: name, state, MAC, flags. */
  String briefLink(Link link) {
    boolean color = ip.color();
    return briefPrefix(link)
        + Palette.MAC.paint(link.mac() + " ", color)
        + flags(link) + " \n";
  }

  /** {@code ip -br addr}: name, state, then each address. */
  String briefAddresses(Link link, List<AddressLine> lines) {
    boolean color = ip.color();
    StringBuilder text = new StringBuilder(briefPrefix(link));
    for (AddressLine line : lines) {
      text.append((line.inet6() ? Palette.INET6 : Palette.INET).paint(line.address(), color))
          .append('/').append(line.prefixLength()).append(' ');
    }
    return text.append('\n').toString();
  }

  private String briefPrefix(Link link) {
    boolean color = ip.color();
    return Palette.IFNAME.paint(String.format("%-16s ", nameWithPeer(link)), color)
        + stateColor(link).paint(String.format("%-14s ", state(link)), color);
  }
}
