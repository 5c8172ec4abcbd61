package dev.netsim.sim.tools.net;

import dev.netsim.core.topo.IfAddress;
import dev.netsim.core.topo.Link;
import dev.netsim.core.topo.Namespace;
import dev.netsim.core.topo.OperState;
import dev.netsim.core.value.Ipv4;
import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.Tool;
import dev.netsim.sim.tools.iproute.Ipv6Text;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ifconfig [-a] [IFACE]} (net-tools 2.10): each device's primary IPv4 address (the first whose label is
 * the device name), IPv6 addresses, hardware address and counters, and labelled aliases ({@code veth0:1}) as
 * extra entries. Packet counters are not modelled yet and print as zero.
 */
public final class IfconfigTool implements Tool {
  @Override
  public int run(Invocation call) {
    boolean all = false;
    String only = null;
    for (String word : call.argv().subList(1, call.argv().size())) {
      if (word.equals("-a")) {
        all = true;
      } else if (word.startsWith("-")) {
        continue;
      } else if (only == null) {
        only = word;
      } else {
        call.err().print("netsim: not simulated: " + String.join(" ", call.argv()) + "\n");
        return 127;
      }
    }
    Namespace ns = call.world().namespace(call.netns());
    StringBuilder text = new StringBuilder();
    if (only != null) {
      Link link = ns.link(only);
      if (link == null) {
        call.err().print(only + ": error fetching interface information: Device not found\n");
        return 1;
      }
      describe(call, link, link.name(), primaryOf(link, link.name()), true, text);
      call.out().print(text);
      return 0;
    }
    record Entry(String name, Link link, IfAddress address, boolean full) {}
    List<Entry> entries = new ArrayList<>();
    for (Link link : ns.links()) {
      if (!all && !link.adminUp()) {
        continue;
      }
      entries.add(new Entry(link.name(), link, primaryOf(link, link.name()), true));
      List<String> aliases = new ArrayList<>();
      for (IfAddress address : link.addresses()) {
        if (!address.label().equals(link.name()) && !aliases.contains(address.label())) {
          aliases.add(address.label());
          entries.add(new Entry(address.label(), link, address, false));
        }
      }
    }
    entries.sort((a, b) -> naturalCompare(a.name(), b.name()));
    for (Entry entry : entries) {
      describe(call, entry.link(), entry.name(), entry.address(), entry.full(), text);
    }
    call.out().print(text);
    return 0;
  }

  /** net-tools' {@code nstrcmp}, which orders its interface list: runs of digits compare as numbers. */
  static int naturalCompare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (Character.isDigit(x) && Character.isDigit(y)) {
        int endA = i;
        while (endA < a.length() && Character.isDigit(a.charAt(endA))) {
          endA++;
        }
        int endB = j;
        while (endB < b.length() && Character.isDigit(b.charAt(endB))) {
          endB++;
        }
        int c = new java.math.BigInteger(a.substring(i, endA)).compareTo(new java.math.BigInteger(b.substring(j, endB)));
        if (c != 0) {
          return c;
        }
        i = endA;
        j = endB;
        continue;
      }
      if (x != y) {
        return x - y;
      }
      i++;
      j++;
    }
    return (a.length() - i) - (b.length() - j);
  }

  private static IfAddress primaryOf(Link link, String label) {
    for (IfAddress address : link.addresses()) {
      if (address.label().equals(label)) {
        return address;
      }
    }
    return null;
  }

  private static void describe(Invocation call, Link link, String name, IfAddress address, boolean full,
      StringBuilder text) {
    boolean running = link.adminUp() && (link.operState() == OperState.UP || link.operState() == OperState.UNKNOWN);
    int flags = 0;
    List<String> names = new ArrayList<>();
    if (link.adminUp()) {
      flags |= 0x1;
      names.add("UP");
    }
    if (!link.isLoopback()) {
      flags |= 0x2;
      names.add("BROADCAST");
    } else {
      flags |= 0x8;
      names.add("LOOPBACK");
    }
    if (running) {
      flags |= 0x40;
      names.add("RUNNING");
    }
    if (!link.isLoopback()) {
      flags |= 0x1000;
      names.add("MULTICAST");
    }
    text.append(name).append(": flags=").append(flags).append('<').append(String.join(",", names)).append(">  mtu ")
        .append(link.mtu()).append('\n');
    if (address != null) {
      text.append("        inet ").append(address.local()).append("  netmask ")
          .append(Ipv4.format(address.mask()));
      if (!link.isLoopback()) {
        text.append("  broadcast ").append(address.broadcast() == null ? "0.0.0.0" : address.broadcast().toString());
      }
      text.append('\n');
    }
    if (full) {
      if (link.isLoopback() && link.adminUp()) {
        text.append("        inet6 ::1  prefixlen 128  scopeid 0x10<host>\n");
      } else if (link.linkLocal() != null) {
        text.append("        inet6 ").append(Ipv6Text.linkLocal(link.linkLocal().mac()))
            .append("  prefixlen 64  scopeid 0x20<link>\n");
      }
    }
    if (link.isLoopback()) {
      text.append("        loop  txqueuelen ").append(link.txQueueLength()).append("  (Local Loopback)\n");
    } else {
      text.append("        ether ").append(link.mac()).append("  txqueuelen ").append(link.txQueueLength())
          .append("  (Ethernet)\n");
    }
    if (full) {
      text.append("        RX packets 0  bytes 0 (0.0 B)\n")
          .append("        RX errors 0  dropped 0  overruns 0  frame 0\n")
          .append("        TX packets 0  bytes 0 (0.0 B)\n")
          .append("        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0\n");
    }
    text.append('\n');
  }
}
