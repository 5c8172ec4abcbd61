package dev.netsim.sim.tools.net;

import dev.netsim.core.topo.AddressType;
import dev.netsim.core.topo.Link;
import dev.netsim.core.topo.Namespace;
import dev.netsim.core.topo.Route;
import dev.netsim.core.value.Ipv4;
import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.Tool;
import java.util.Locale;

/**
 * {@code route -n} (net-tools 2.10): the main table as /proc/net/route shows it. Without {@code -n} only the
 * default route's destination is named ("default"); netsim resolves no other names.
 */
public final class RouteTool implements Tool {
  @Override
  public int run(Invocation call) {
    boolean numeric = false;
    for (String word : call.argv().subList(1, call.argv().size())) {
      if (word.startsWith("-") && !word.startsWith("--") && word.indexOf('n') > 0) {
        numeric = true;
      } else if (word.equals("-A") || word.equals("inet") || word.startsWith("-")) {
        continue;
      } else {
        call.err().print("netsim: not simulated: " + String.join(" ", call.argv()) + "\n");
        return 127;
      }
    }
    Namespace ns = call.world().namespace(call.netns());
    StringBuilder text = new StringBuilder("Kernel IP routing table\n"
        + "Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n");
    for (Route route : ns.mainTable().routes()) {
      if (route.type() == AddressType.BROADCAST || route.type() == AddressType.MULTICAST) {
        continue;
      }
      String destination = route.prefixLength() == 0 && !numeric ? "default" : route.destination().network().toString();
      String mask = Ipv4.format(route.destination().mask());
      boolean reject = route.type() == AddressType.UNREACHABLE || route.type() == AddressType.PROHIBIT;
      if (reject) {
        text.append(String.format(Locale.ROOT, "%-15s %-15s %-15s %-6s%-6d %-3s %6d %s\n", destination, "-", mask,
            "!", route.metric(), "-", 0, "-"));
        continue;
      }
      String flags = "U" + (route.gateway() != null ? "G" : "") + (route.prefixLength() == 32 ? "H" : "");
      Link device = ns.link(route.device());
      String gateway = route.gateway() != null ? route.gateway().toString() : "0.0.0.0";
      text.append(String.format(Locale.ROOT, "%-15s %-15s %-15s %-6s%-6d %-3d %6d %s\n", destination, gateway, mask,
          flags, route.metric(), 0, 0, device == null ? "*" : device.name()));
    }
    call.out().print(text);
    Link lo = ns.link("lo");
    // observed: with loopback down (a fresh namespace) net-tools ends with status 1 after the header
    return lo != null && !lo.adminUp() ? 1 : 0;
  }
}
