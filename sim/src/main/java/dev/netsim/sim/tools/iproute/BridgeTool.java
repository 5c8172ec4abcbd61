package dev.netsim.sim.tools.iproute;

import dev.netsim.core.state.BridgeFdb;
import dev.netsim.core.state.FdbEntry;
import dev.netsim.core.topo.Link;
import dev.netsim.core.topo.Namespace;
import dev.netsim.core.value.Mac;
import dev.netsim.sim.World;
import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code bridge} from iproute2 6.1, the {@code fdb show} part: the bridges' learned and local entries and every
 * Ethernet device's own multicast addresses ("self"), device by device in ifindex order.
 */
public final class BridgeTool implements Tool {
  @Override
  public int run(Invocation call) {
    List<String> argv = call.argv();
    boolean color = false;
    int i = 1;
    for (; i < argv.size() && argv.get(i).startsWith("-"); i++) {
      String opt = argv.get(i).startsWith("--") ? argv.get(i).substring(1) : argv.get(i);
      if (Args.matches(opt, "-color") || opt.startsWith("-c=") || opt.startsWith("-color=")) {
        color = !opt.endsWith("=never") && !opt.endsWith("=auto");
      } else if (!Args.matches(opt, "-statistics") && !Args.matches(opt, "-details")) {
        call.err().print("Option \"" + argv.get(i) + "\" is unknown, try \"bridge help\".\n");
        return 255;
      }
    }
    if (i >= argv.size() || !Args.matches(argv.get(i), "fdb")) {
      call.err().print("netsim: not simulated: " + String.join(" ", argv) + "\n");
      return 127;
    }
    i++;
    if (i < argv.size() && !(Args.matches(argv.get(i), "show") || Args.matches(argv.get(i), "list"))) {
      call.err().print("netsim: not simulated: " + String.join(" ", argv) + "\n");
      return 127;
    }
    i++;
    World world = call.world();
    Namespace ns = world.namespace(call.netns());
    Link onlyDevice = null;
    Link onlyBridge = null;
    for (; i < argv.size(); i++) {
      String word = argv.get(i);
      if (word.equals("dev") || word.equals("br") || word.equals("brport")) {
        if (i + 1 >= argv.size()) {
          call.err().print("Command line is not complete. Try option \"help\"\n");
          return 255;
        }
        String name = argv.get(++i);
        Link link = ns.link(name);
        if (link == null) {
          call.err().print("Cannot find " + (word.equals("br") ? "bridge" : "device") + " \"" + name + "\"\n");
          return 1;
        }
        if (word.equals("br")) {
          onlyBridge = link;
        } else {
          onlyDevice = link;
        }
      }
    }
    StringBuilder text = new StringBuilder();
    for (Link link : ns.links()) {
      if (!link.kind().isEthernet() || (onlyDevice != null && link.index() != onlyDevice.index())) {
        continue;
      }
      if (onlyBridge != null && link.index() != onlyBridge.index() && link.master() != onlyBridge.index()) {
        continue;
      }
      String device = onlyDevice == null ? "dev " + Palette.IFNAME.paint(link.name() + " ", color) : "";
      if (link.isBridgePort()) {
        Link bridge = ns.link(link.master());
        for (FdbEntry entry : world.fdb(ns.name(), bridge.index()).learned(world.now())) {
          if (entry.port() == link.index()) {
            text.append(Palette.MAC.paint(entry.mac() + " ", color)).append(device)
                .append("master ").append(bridge.name()).append(" \n");
          }
        }
        for (Map.Entry<Mac, Integer> local : BridgeFdb.localAddresses(ns, bridge).entrySet()) {
          if (local.getValue() == link.index()) {
            text.append(Palette.MAC.paint(local.getKey() + " ", color)).append(device)
                .append("master ").append(bridge.name()).append(" permanent\n");
          }
        }
      }
      for (Mac group : selfAddresses(link)) {
        text.append(Palette.MAC.paint(group + " ", color)).append(device).append("self permanent\n");
      }
      if (link.isBridge()) {
        Integer owner = BridgeFdb.localAddresses(ns, link).get(link.mac());
        if (owner != null && owner == link.index()) {
          text.append(Palette.MAC.paint(link.mac() + " ", color)).append(device)
              .append("master ").append(link.name()).append(" permanent\n");
        }
      }
    }
    call.out().print(text);
    return 0;
  }

  /**
   * The multicast addresses a device has joined, in the order Linux joins them: all-nodes (IPv6, from
   * creation until the device first goes down again), the bridge's multicast-router groups while a bridge is up,
   * all-hosts (IPv4) while up, and the solicited-node group of its IPv6 link-local address.
   */
  static List<Mac> selfAddresses(Link link) {
    List<Mac> groups = new ArrayList<>();
    boolean wasUpAndIsDown = !link.adminUp() && link.qdiscAttached();
    if (wasUpAndIsDown) {
      return groups;
    }
    groups.add(Mac.parse("33:33:00:00:00:01"));
    if (link.adminUp()) {
      if (link.isBridge()) {
        groups.add(Mac.parse("01:00:5e:00:00:6a"));
        groups.add(Mac.parse("33:33:00:00:00:6a"));
      }
      groups.add(Mac.parse("01:00:5e:00:00:01"));
    }
    if (link.linkLocal() != null) {
      groups.add(Ipv6Text.solicitedNodeMac(link.linkLocal().mac()));
    }
    return groups;
  }
}
