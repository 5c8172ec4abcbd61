package dev.netsim.sim.tools.iproute;

import dev.netsim.core.state.NeighbourEntry;
import dev.netsim.core.state.NeighbourState;
import dev.netsim.core.state.NeighbourTable;
import dev.netsim.core.topo.Errno;
import dev.netsim.core.topo.KernelException;
import dev.netsim.core.topo.Link;
import dev.netsim.core.topo.Namespace;
import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Mac;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** {@code ip neigh}: show, flush, add, replace, change and delete of IPv4 neighbour entries. */
final class IpNeighCommand {
  private final IpContext ip;

  IpNeighCommand(IpContext ip) {
    this.ip = ip;
  }

  int run(Args args) {
    if (!args.more()) {
      return showOrFlush(args, false);
    }
    String command = args.take();
    if (Args.matches(command, "add")) {
      return modify(args, true, false, false);
    }
    if (Args.matches(command, "change") || command.equals("chg")) {
      return modify(args, false, true, false);
    }
    if (Args.matches(command, "replace")) {
      return modify(args, true, true, false);
    }
    if (Args.matches(command, "delete")) {
      return modify(args, false, false, true);
    }
    if (Args.matches(command, "show") || Args.matches(command, "lst") || Args.matches(command, "list")) {
      return showOrFlush(args, false);
    }
    if (Args.matches(command, "flush")) {
      return showOrFlush(args, true);
    }
    if (Args.matches(command, "help")) {
      throw ToolUsage.neigh(ip);
    }
    ip.err().print("Command \"" + command + "\" is unknown, try \"ip neigh help\".\n");
    return 255;
  }

  private static NeighbourState parseState(String text) {
    for (NeighbourState state : NeighbourState.values()) {
      if (state.name().toLowerCase(Locale.ROOT).equals(text)) {
        return state;
      }
    }
    return null;
  }

  private int showOrFlush(Args args, boolean flush) {
    Namespace ns = ip.namespace();
    Link device = null;
    Ipv4 address = null;
    Set<NeighbourState> states = null;
    boolean any = false;
    while (args.more()) {
      String word = args.take();
      any = true;
      if (word.equals("dev")) {
        device = ip.requireDevice(args.value());
      } else if (word.equals("nud")) {
        String value = args.value();
        if (states == null) {
          states = EnumSet.noneOf(NeighbourState.class);
        }
        if (value.equals("all")) {
          states.addAll(EnumSet.allOf(NeighbourState.class));
        } else {
          NeighbourState state = parseState(value);
          if (state == null) {
            throw args.invalid("nud state is bad", value);
          }
          states.add(state);
        }
      } else if (word.equals("all")) {
        continue;
      } else if (word.equals("unused") || word.equals("proxy") || word.equals("nomaster")) {
        continue;
      } else if (word.equals("master") || word.equals("vrf") || word.equals("protocol")) {
        args.value();
      } else {
        String value = word.equals("to") ? args.value() : word;
        if (Args.matches(value, "help")) {
          throw ToolUsage.neigh(ip);
        }
        if (!Ipv4.isValid(value)) {
          ip.err().print("Error: any valid prefix is expected rather than \"" + value + "\".\n");
          return 1;
        }
        address = Ipv4.parse(value);
      }
    }
    if (flush && !any) {
      ip.err().print("Flush requires arguments.\n");
      return 1;
    }
    NeighbourTable table = ip.world().neighbours(ip.netns());
    Link onlyDevice = device;
    Ipv4 onlyAddress = address;
    if (flush) {
      table.flush(entry -> (onlyDevice == null || entry.ifindex() == onlyDevice.index())
          && (onlyAddress == null || entry.address().equals(onlyAddress)));
      return 0;
    }
    Set<NeighbourState> shown = states != null ? states
        : EnumSet.complementOf(EnumSet.of(NeighbourState.NOARP));
    StringBuilder text = new StringBuilder();
    for (NeighbourEntry entry : table.entries()) {
      if ((onlyDevice != null && entry.ifindex() != onlyDevice.index())
          || (onlyAddress != null && !entry.address().equals(onlyAddress)) || !shown.contains(entry.state())) {
        continue;
      }
      text.append(format(ns, entry, onlyDevice == null));
    }
    ip.out().print(text);
    return 0;
  }

  /** iproute2's {@code print_neigh}. */
  private String format(Namespace ns, NeighbourEntry entry, boolean withDevice) {
    boolean color = ip.color();
    StringBuilder text = new StringBuilder();
    text.append(Palette.INET.paint(entry.address() + " ", color));
    if (withDevice) {
      Link link = ns.link(entry.ifindex());
      text.append("dev ").append(Palette.IFNAME.paint((link == null ? "if" + entry.ifindex() : link.name()) + " ",
          color));
    }
    if (entry.mac() != null) {
      text.append("lladdr ").append(Palette.MAC.paint(entry.mac() + " ", color));
    }
    if (ip.options().stats > 0) {
      long now = ip.world().now();
      long second = 1_000_000_000L;
      boolean timerPending = switch (entry.state()) {
        case REACHABLE, DELAY, PROBE, INCOMPLETE -> true;
        default -> false;
      };
      if (timerPending) {
        text.append(" ref 1");
      }
      text.append(" used ").append((now - entry.used()) / second)
          .append('/').append((now - entry.confirmed()) / second)
          .append('/').append((now - entry.updated()) / second);
      text.append("probes ").append(entry.probes()).append(' ');
    }
    text.append(entry.state().name()).append(' ');
    return text.append('\n').toString();
  }

  /** iproute2's {@code ipneigh_modify}. */
  private int modify(Args args, boolean create, boolean replace, boolean delete) {
    String device = null;
    Ipv4 address = null;
    Mac mac = null;
    NeighbourState state = NeighbourState.PERMANENT;
    while (args.more()) {
      String word = args.take();
      if (word.equals("lladdr")) {
        String value = args.value();
        if (mac != null) {
          throw args.duplicate("lladdr", value);
        }
        try {
          mac = Mac.parse(value);
        } catch (IllegalArgumentException e) {
          ip.err().print("\"" + value + "\" is invalid lladdr.\n");
          return 1;
        }
      } else if (word.equals("nud")) {
        String value = args.value();
        state = parseState(value);
        if (state == null) {
          throw args.invalid("nud state is bad", value);
        }
      } else if (word.equals("dev")) {
        device = args.value();
      } else if (word.equals("proxy") || word.equals("router") || word.equals("extern_learn")
          || word.equals("managed")) {
        continue;
      } else if (word.equals("protocol")) {
        args.value();
      } else {
        String value = word.equals("to") ? args.value() : word;
        if (Args.matches(value, "help")) {
          throw ToolUsage.neigh(ip);
        }
        if (address != null) {
          throw args.duplicate("to", value);
        }
        if (!Ipv4.isValid(value)) {
          ip.err().print("Error: any valid address is expected rather than \"" + value + "\".\n");
          return 1;
        }
        address = Ipv4.parse(value);
      }
    }
    if (device == null || address == null) {
      ip.err().print("Device and destination are required arguments.\n");
      return 255;
    }
    Link link = ip.requireDevice(device);
    NeighbourTable table = ip.world().neighbours(ip.netns());
    if (delete) {
      table.delete(link.index(), address.bits());
      return 0;
    }
    if (mac == null && state != NeighbourState.NOARP) {
      throw new KernelException(Errno.EINVAL,
          "No link layer address given");
    }
    table.set(link.index(), address.bits(), mac, state, create, replace, ip.world().now());
    return 0;
  }
}
