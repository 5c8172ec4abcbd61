package dev.netsim.sim.tools.iproute;

import dev.netsim.core.topo.Errno;
import dev.netsim.core.topo.KernelException;
import dev.netsim.core.topo.Link;
import dev.netsim.core.topo.LinkKind;
import dev.netsim.core.topo.Namespace;
import dev.netsim.core.topo.TopologyEditor;
import dev.netsim.core.value.Mac;
import dev.netsim.sim.shell.NotSimulated;

/** {@code ip link}: add, set, delete and show (also the listing part of {@code ip addr}). */
final class IpLinkCommand {
  private final IpContext ip;

  IpLinkCommand(IpContext ip) {
    this.ip = ip;
  }

  int run(Args args) {
    if (!args.more()) {
      return list(args, true);
    }
    String command = args.take();
    if (Args.matches(command, "add")) {
      return add(args);
    }
    if (Args.matches(command, "set") || Args.matches(command, "change")) {
      return set(args);
    }
    if (Args.matches(command, "delete")) {
      return delete(args);
    }
    if (Args.matches(command, "show") || Args.matches(command, "lst") || Args.matches(command, "list")) {
      return list(args, true);
    }
    if (Args.matches(command, "help")) {
      throw ToolUsage.link(ip);
    }
    ip.err().print("Command \"" + command + "\" is unknown, try \"ip link help\".\n");
    return 255;
  }

  // ------------------------------------------------------------------ listing

  /** Which links a listing shows: {@code ip link show [dev] NAME [up] [master M] [type T]}. */
  record Filter(Link device, boolean up, int master, String type) {
    boolean accepts(Link link) {
      if (device != null && link.index() != device.index()) {
        return false;
      }
      if (up && !link.adminUp()) {
        return false;
      }
      if (master > 0 && link.master() != master) {
        return false;
      }
      if (master < 0 && link.master() != 0) {
        return false;
      }
      return type == null || type.equals(kindName(link.kind()));
    }
  }

  static String kindName(LinkKind kind) {
    return switch (kind) {
      case VETH -> "veth";
      case BRIDGE -> "bridge";
      default -> "";
    };
  }

  /** Parses the selector words of {@code ip link show} and {@code ip addr show|flush}. */
  static Filter parseFilter(IpContext ip, Args args) {
    Namespace ns = ip.namespace();
    String device = null;
    boolean up = false;
    int master = 0;
    String type = null;
    while (args.more()) {
      String word = args.take();
      switch (word) {
        case "up" -> up = true;
        case "master" -> {
          String name = args.value();
          Link link = ns.link(name);
          if (link == null) {
            throw args.invalid("Device does not exist\n", name);
          }
          master = link.index();
        }
        case "nomaster" -> master = -1;
        case "type" -> type = args.value();
        case "scope", "to", "label", "group", "vrf" -> args.value();
        case "dynamic", "permanent", "tentative", "-tentative", "deprecated", "-deprecated", "dadfailed",
            "-dadfailed", "temporary", "primary", "secondary", "home", "nodad", "mngtmpaddr", "noprefixroute",
            "autojoin" -> { }
        default -> {
          String name = word;
          if (word.equals("dev")) {
            name = args.value();
          } else if (Args.matches(word, "help")) {
            throw ToolUsage.link(ip);
          }
          if (device != null) {
            throw args.duplicateOrGarbage("dev", name);
          }
          device = name;
        }
      }
    }
    Link link = null;
    if (device != null) {
      link = ns.link(device);
      if (link == null) {
        ip.err().print("Device \"" + device + "\" does not exist.\n");
        throw new ToolExit(1);
      }
    }
    return new Filter(link, up, master, type);
  }

  private int list(Args args, boolean linkMode) {
    Filter filter = parseFilter(ip, args);
    ip.change(e -> e.noteLinkDump(ip.netns()));
    LinkPrinter printer = new LinkPrinter(ip);
    StringBuilder text = new StringBuilder();
    for (Link link : ip.namespace().links()) {
      if (filter.accepts(link)) {
        text.append(ip.options().brief ? printer.briefLink(link) : printer.header(link, linkMode, true));
      }
    }
    ip.out().print(text);
    return 0;
  }

  // ------------------------------------------------------------------ add, set, delete

  /** The attributes iplink_parse collects for one device. */
  private static final class LinkRequest {
    String name;
    String dev;
    Boolean up;
    String netns;
    String master;
    boolean nomaster;
    Mac address;
    Integer mtu;
    Integer txQueueLength;
    String type;
    Integer ageingTime;
    LinkRequest peer;

    String device() {
      return name != null ? name : dev;
    }
  }

  /** iproute2's {@code iplink_parse} for {@code words}; stops after {@code type KIND}. */
  private LinkRequest parse(Args args) {
    LinkRequest request = new LinkRequest();
    while (args.more()) {
      String word = args.take();
      if (word.equals("up")) {
        request.up = true;
      } else if (word.equals("down")) {
        request.up = false;
      } else if (word.equals("name")) {
        String name = args.value();
        if (request.name != null) {
          throw args.duplicate("name", name);
        }
        if (!TopologyEditor.isValidName(name)) {
          throw args.invalid("\"name\" not a valid ifname", name);
        }
        request.name = name;
        if (request.dev == null) {
          request.dev = name;
        }
      } else if (Args.matches(word, "address")) {
        String text = args.value();
        request.address = parseMac(text);
      } else if (word.equals("mtu")) {
        String text = args.value();
        if (request.mtu != null) {
          throw args.duplicate("mtu", text);
        }
        try {
          request.mtu = Integer.decode(text);
        } catch (NumberFormatException e) {
          throw args.invalid("Invalid \"mtu\" value\n", text);
        }
      } else if (word.equals("netns")) {
        String target = args.value();
        if (request.netns != null) {
          throw args.duplicate("netns", target);
        }
        request.netns = resolveNetns(args, target);
      } else if (word.equals("master")) {
        String name = args.value();
        if (ip.namespace().link(name) == null) {
          throw args.invalid("Device does not exist\n", name);
        }
        request.master = name;
      } else if (word.equals("nomaster")) {
        request.nomaster = true;
      } else if (Args.matches(word, "txqueuelen") || word.equals("qlen") || Args.matches(word, "txqlen")) {
        String text = args.value();
        if (request.txQueueLength != null) {
          throw args.duplicate("txqueuelen", text);
        }
        try {
          request.txQueueLength = Integer.decode(text);
        } catch (NumberFormatException e) {
          throw args.invalid("Invalid \"txqueuelen\" value\n", text);
        }
      } else if (word.equals("group") || word.equals("alias") || word.equals("arp") || word.equals("multicast")
          || word.equals("promisc") || word.equals("allmulticast") || word.equals("dynamic")) {
        throw new ToolExit(NotSimulated.report(ip.call(),
            "ip link ... " + word + " (device flags and labels are not modelled)"));
      } else if (Args.matches(word, "type")) {
        request.type = args.value();
        break;
      } else {
        if (Args.matches(word, "help")) {
          throw ToolUsage.link(ip);
        }
        String name = word.equals("dev") ? args.value() : word;
        if (request.dev != null && !request.dev.equals(request.name)) {
          throw args.duplicateOrGarbage("dev", name);
        }
        if (!TopologyEditor.isValidName(name)) {
          throw args.invalid("\"dev\" not a valid ifname", name);
        }
        request.dev = name;
      }
    }
    return request;
  }

  private String resolveNetns(Args args, String target) {
    if (ip.world().namespace(target) != null && ip.world().namespace(target).listed()) {
      return target;
    }
    if (!target.isEmpty() && target.chars().allMatch(Character::isDigit)) {
      // a PID: in netsim only PID 1, the host's init, has a namespace to name
      if (target.equals("1")) {
        return "";
      }
      throw new KernelException(Errno.ESRCH);
    }
    throw args.invalid("Invalid \"netns\" value\n", target);
  }

  private Mac parseMac(String text) {
    try {
      return Mac.parse(text);
    } catch (IllegalArgumentException e) {
      ip.err().print("\"" + text + "\" is invalid lladdr.\n");
      throw new ToolExit(1);
    }
  }

  /** The type-specific words after {@code type KIND}: veth's {@code peer ...}, bridge's settings. */
  private void parseTypeOptions(Args args, LinkRequest request) {
    switch (request.type) {
      case "veth" -> {
        if (!args.more()) {
          return;
        }
        String word = args.take();
        if (!word.equals("peer")) {
          ip.err().print("Usage: ip link <options> type veth [peer <options>]\n"
              + "To get <options> type 'ip link add help'\n");
          throw new ToolExit(255);
        }
        request.peer = parse(args);
        if (request.peer.type != null) {
          throw args.duplicate("type", request.peer.type);
        }
      }
      case "bridge" -> {
        while (args.more()) {
          String word = args.take();
          if (word.equals("ageing_time")) {
            String text = args.value();
            try {
              request.ageingTime = Integer.parseInt(text);
            } catch (NumberFormatException e) {
              throw args.invalid("Invalid ageing_time\n", text);
            }
          } else {
            ip.err().print("bridge: unknown command \"" + word + "\"?\n");
            throw new ToolExit(255);
          }
        }
      }
      default -> {
        if (args.more()) {
          ip.err().print("Garbage instead of arguments \"" + args.peek() + " ...\". Try \"ip link help\".\n");
          throw new ToolExit(1);
        }
      }
    }
  }

  private int add(Args args) {
    LinkRequest request = parse(args);
    if (request.type == null) {
      ip.err().print("Not enough information: \"type\" argument is required\n");
      return 1;
    }
    parseTypeOptions(args, request);
    String here = ip.netns();
    String ns = request.netns != null ? request.netns : here;
    String name = request.device();
    ip.change(editor -> {
      switch (request.type) {
        case "veth" -> {
          LinkRequest peer = request.peer != null ? request.peer : new LinkRequest();
          String peerNs = peer.netns != null ? peer.netns : here;
          editor.addVeth(ns, name, peerNs, peer.device());
          configure(editor, peerNs, peer.device(), peer, true);
          configure(editor, ns, name, request, true);
        }
        case "bridge" -> {
          editor.addBridge(ns, name);
          configure(editor, ns, name, request, true);
        }
        default -> throw new KernelException(Errno.EOPNOTSUPP,
            "Unknown device type");
      }
    });
    return 0;
  }

  private int set(Args args) {
    LinkRequest request = parse(args);
    if (request.type != null) {
      parseTypeOptions(args, request);
    }
    String name = request.dev;
    if (name == null) {
      ip.err().print("Not enough information: \"dev\" argument is required.\n");
      return 255;
    }
    ip.requireDevice(name);
    ip.change(editor -> configure(editor, ip.netns(), name, request, false));
    return 0;
  }

  /**
   * Applies a request's settings in the kernel's {@code do_setlink} order: netns, address, mtu, name, master,
   * flags. A device just {@code created} is already in its namespace and named; an auto-named one (null) keeps
   * the defaults.
   */
  private static void configure(TopologyEditor editor, String ns, String device, LinkRequest request,
      boolean created) {
    if (device == null) {
      return;
    }
    String current = device;
    String where = ns;
    if (!created && request.netns != null && !request.netns.equals(ns)) {
      editor.moveLink(ns, current, request.netns);
      where = request.netns;
    }
    if (request.address != null) {
      editor.setMac(where, current, request.address);
    }
    if (request.mtu != null) {
      editor.setMtu(where, current, request.mtu);
    }
    if (request.txQueueLength != null) {
      editor.setTxQueueLength(where, current, request.txQueueLength);
    }
    if (!created && request.name != null && !request.name.equals(current)) {
      editor.rename(where, current, request.name);
      current = request.name;
    }
    if (request.nomaster) {
      editor.clearMaster(where, current);
    }
    if (request.master != null) {
      editor.setMaster(where, current, request.master);
    }
    if (request.ageingTime != null) {
      editor.setBridgeAgeingTime(where, current, request.ageingTime);
    }
    if (request.up != null) {
      editor.setUp(where, current, request.up);
    }
  }

  private int delete(Args args) {
    LinkRequest request = parse(args);
    if (request.type != null) {
      parseTypeOptions(args, request);
    }
    String name = request.dev;
    if (name == null) {
      ip.err().print("Not enough information: \"dev\" argument is required.\n");
      return 255;
    }
    ip.requireDevice(name);
    ip.change(editor -> editor.deleteLink(ip.netns(), name));
    return 0;
  }
}
