package dev.netsim.sim.tools.iproute;

import dev.netsim.core.topo.AddressType;
import dev.netsim.core.topo.Errno;
import dev.netsim.core.topo.KernelException;
import dev.netsim.core.topo.Link;
import dev.netsim.core.topo.Namespace;
import dev.netsim.core.topo.Route;
import dev.netsim.core.topo.RouteMatch;
import dev.netsim.core.topo.RouteProtocol;
import dev.netsim.core.topo.Scope;
import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Ipv4Prefix;
import java.util.ArrayList;
import java.util.List;

/** {@code ip route}: add, replace, delete, flush, show and get, for IPv4. */
final class IpRouteCommand {
  private final IpContext ip;

  IpRouteCommand(IpContext ip) {
    this.ip = ip;
  }

  int run(Args args) {
    if (!args.more()) {
      return list(args, false);
    }
    String command = args.take();
    if (Args.matches(command, "add")) {
      return modify(args, Mode.ADD);
    }
    if (Args.matches(command, "change") || command.equals("chg") || Args.matches(command, "replace")) {
      return modify(args, Mode.REPLACE);
    }
    if (Args.matches(command, "prepend") || Args.matches(command, "append")) {
      return modify(args, Mode.ADD);
    }
    if (Args.matches(command, "delete")) {
      return modify(args, Mode.DELETE);
    }
    if (Args.matches(command, "list") || Args.matches(command, "show") || Args.matches(command, "lst")) {
      return list(args, false);
    }
    if (Args.matches(command, "get")) {
      return get(args);
    }
    if (Args.matches(command, "flush")) {
      return list(args, true);
    }
    if (Args.matches(command, "help")) {
      throw ToolUsage.route(ip);
    }
    ip.err().print("Command \"" + command + "\" is unknown, try \"ip route help\".\n");
    return 255;
  }

  private enum Mode { ADD, REPLACE, DELETE }

  /** The table id of a name iproute2 knows, or null. */
  private static Integer tableId(String text) {
    return switch (text) {
      case "local" -> Route.TABLE_LOCAL;
      case "main" -> Route.TABLE_MAIN;
      case "default" -> Route.TABLE_DEFAULT;
      case "unspec" -> 0;
      default -> {
        try {
          long value = Long.parseLong(text);
          yield value >= 0 && value <= 0xffffffffL ? (int) value : null;
        } catch (NumberFormatException e) {
          yield null;
        }
      }
    };
  }

  private static String tableName(int id) {
    return switch (id) {
      case Route.TABLE_LOCAL -> "local";
      case Route.TABLE_MAIN -> "main";
      case Route.TABLE_DEFAULT -> "default";
      default -> Integer.toUnsignedString(id);
    };
  }

  /** {@code get_prefix}: a prefix, or "default"/"all"/"any" for 0.0.0.0/0; exits 1 with iproute2's error otherwise. */
  private Ipv4Prefix prefix(String text) {
    if (text.equals("default") || text.equals("all") || text.equals("any")) {
      return Ipv4Prefix.ANY;
    }
    String[] parts = text.split("/", 2);
    if (Ipv4.isValid(parts[0]) && (parts.length == 1 || (!parts[1].isEmpty() && parts[1].length() <= 2
        && parts[1].chars().allMatch(Character::isDigit) && Integer.parseInt(parts[1]) <= 32))) {
      return Ipv4Prefix.of(Ipv4.parse(parts[0]), parts.length == 1 ? 32 : Integer.parseInt(parts[1]));
    }
    ip.err().print("Error: any valid prefix is expected rather than \"" + text + "\".\n");
    throw new ToolExit(1);
  }

  /** {@code get_addr} for IPv4: exits 1 with "inet address is expected" otherwise. */
  private Ipv4 address(String text) {
    if (Ipv4.isValid(text)) {
      return Ipv4.parse(text);
    }
    ip.err().print("Error: inet address is expected rather than \"" + text + "\".\n");
    throw new ToolExit(1);
  }

  /** iproute2's {@code iproute_modify}. */
  private int modify(Args args, Mode mode) {
    Ipv4Prefix destination = null;
    AddressType type = null;
    Ipv4 gateway = null;
    Ipv4 source = null;
    String device = null;
    Integer metric = null;
    Scope scope = null;
    RouteProtocol protocol = null;
    Integer table = null;
    while (args.more()) {
      String word = args.take();
      if (word.equals("src")) {
        source = address(args.value());
      } else if (word.equals("via")) {
        String value = args.value();
        if (value.equals("inet")) {
          value = args.value();
        }
        gateway = address(value);
      } else if (Args.matches(word, "metric") || Args.matches(word, "priority") || word.equals("preference")) {
        String value = args.value();
        try {
          long parsed = Long.decode(value);
          if (parsed < 0 || parsed > 0xffffffffL) {
            throw new NumberFormatException(value);
          }
          metric = (int) parsed;
        } catch (NumberFormatException e) {
          throw args.invalid("\"metric\" value is invalid\n", value);
        }
      } else if (word.equals("scope")) {
        String value = args.value();
        scope = Scope.parse(value);
        if (scope == null) {
          throw args.invalid("invalid \"scope\" value\n", value);
        }
      } else if (Args.matches(word, "protocol")) {
        String value = args.value();
        protocol = RouteProtocol.parse(value);
        if (protocol == null) {
          throw args.invalid("\"protocol\" value is invalid\n", value);
        }
      } else if (Args.matches(word, "table")) {
        String value = args.value();
        table = tableId(value);
        if (table == null) {
          throw args.invalid("\"table\" value is invalid\n", value);
        }
      } else if (word.equals("dev") || word.equals("oif")) {
        device = args.value();
      } else if (word.equals("onlink") || word.equals("pervasive")) {
        continue;
      } else if (word.equals("mtu") || word.equals("advmss") || word.equals("tos") || word.equals("dsfield")
          || word.equals("realms") || word.equals("expires") || word.equals("weight")) {
        args.value();
      } else {
        String value = word.equals("to") ? args.value() : word;
        if ((value.isEmpty() || value.charAt(0) < '0' || value.charAt(0) > '9') && AddressType.parse(value) != null) {
          type = AddressType.parse(value);
          value = args.value();
        }
        if (Args.matches(value, "help")) {
          throw ToolUsage.route(ip);
        }
        if (destination != null) {
          throw args.duplicateOrGarbage("to", value);
        }
        destination = prefix(value);
      }
    }
    if (destination == null) {
      throw ToolUsage.route(ip);
    }
    int deviceIndex = device == null ? 0 : ip.requireDevice(device).index();
    if (mode == Mode.DELETE) {
      RouteMatch match = new RouteMatch(table == null ? Route.TABLE_MAIN : table, destination, type, gateway,
          deviceIndex, protocol, scope, source, metric == null ? 0 : metric);
      ip.change(e -> e.deleteRoute(ip.netns(), match));
      return 0;
    }
    AddressType routeType = type == null ? AddressType.UNICAST : type;
    if (scope == null) {
      scope = switch (routeType) {
        case LOCAL, NAT -> Scope.HOST;
        case BROADCAST, MULTICAST, ANYCAST -> Scope.LINK;
        case UNICAST -> gateway == null ? Scope.LINK : Scope.GLOBAL;
        default -> Scope.GLOBAL;
      };
    }
    if (table == null) {
      table = routeType == AddressType.LOCAL || routeType == AddressType.BROADCAST || routeType == AddressType.NAT
          || routeType == AddressType.ANYCAST ? Route.TABLE_LOCAL : Route.TABLE_MAIN;
    }
    Route route = new Route(table, routeType, destination, gateway, deviceIndex,
        protocol == null ? RouteProtocol.BOOT : protocol, scope, source, metric == null ? 0 : metric);
    ip.change(e -> e.addRoute(ip.netns(), route, mode == Mode.REPLACE));
    return 0;
  }

  /** The selectors of {@code ip route show|flush}. */
  private static final class Selector {
    Integer table = Route.TABLE_MAIN;
    boolean allTables;
    int device;
    RouteProtocol protocol;
    Scope scope;
    AddressType type;
    Ipv4 gateway;
    Ipv4 source;
    Ipv4Prefix root;
    Ipv4Prefix match;

    boolean accepts(Route route) {
      if (!allTables && route.table() != table) {
        return false;
      }
      if (device != 0 && route.device() != device) {
        return false;
      }
      if (protocol != null && !route.protocol().equals(protocol)) {
        return false;
      }
      if (scope != null && route.scope() != scope) {
        return false;
      }
      if (type != null && route.type() != type) {
        return false;
      }
      if (gateway != null && !gateway.equals(route.gateway())) {
        return false;
      }
      if (source != null && !source.equals(route.preferredSource())) {
        return false;
      }
      Ipv4Prefix destination = route.destination();
      if (root != null && (destination.length() < root.length() || !root.contains(destination.address()))) {
        return false;
      }
      return match == null || (destination.length() <= match.length() && destination.contains(match.address()));
    }
  }

  private int list(Args args, boolean flush) {
    Selector selector = new Selector();
    while (args.more()) {
      String word = args.take();
      if (Args.matches(word, "table")) {
        String value = args.value();
        if (value.equals("all")) {
          selector.allTables = true;
        } else if (value.equals("cache")) {
          selector.table = -1;
        } else {
          selector.table = tableId(value);
          if (selector.table == null) {
            throw args.invalid("table id value is invalid\n", value);
          }
        }
      } else if (word.equals("dev") || word.equals("oif")) {
        selector.device = ip.requireDevice(args.value()).index();
      } else if (Args.matches(word, "protocol")) {
        String value = args.value();
        selector.protocol = RouteProtocol.parse(value);
        if (selector.protocol == null) {
          throw args.invalid("invalid \"protocol\"\n", value);
        }
      } else if (word.equals("scope")) {
        String value = args.value();
        selector.scope = Scope.parse(value);
        if (selector.scope == null) {
          throw args.invalid("invalid \"scope\"\n", value);
        }
      } else if (word.equals("type")) {
        String value = args.value();
        selector.type = AddressType.parse(value);
        if (selector.type == null) {
          throw args.invalid("node type value is invalid\n", value);
        }
      } else if (word.equals("via")) {
        selector.gateway = address(args.value());
      } else if (word.equals("src")) {
        selector.source = address(args.value());
      } else if (word.equals("root")) {
        selector.root = prefix(args.value());
      } else if (word.equals("match")) {
        selector.match = prefix(args.value());
      } else if (word.equals("exact")) {
        Ipv4Prefix exact = prefix(args.value());
        selector.root = exact;
        selector.match = exact;
      } else if (word.equals("cache") || word.equals("cached")) {
        selector.table = -1;
      } else {
        String value = word.equals("to") ? args.value() : word;
        if (Args.matches(value, "help")) {
          throw ToolUsage.route(ip);
        }
        Ipv4Prefix exact = prefix(value);
        selector.root = exact;
        selector.match = exact;
      }
    }
    if (ip.options().family == IpOptions.Family.INET6) {
      return 0;
    }
    Namespace ns = ip.namespace();
    List<Integer> ids = new ArrayList<>(ns.tableIds());
    ids.sort((a, b) -> Integer.compare(a & 0xff, b & 0xff));
    List<Route> chosen = new ArrayList<>();
    for (int id : ids) {
      for (Route route : ns.table(id).routes()) {
        if (selector.accepts(route)) {
          chosen.add(route);
        }
      }
    }
    if (flush) {
      ip.change(editor -> {
        for (Route route : chosen) {
          editor.deleteRoute(ip.netns(), new RouteMatch(route.table(), route.destination(), route.type(),
              route.gateway(), route.device(), route.protocol(), route.scope(), route.preferredSource(),
              route.metric()));
        }
      });
      return 0;
    }
    StringBuilder text = new StringBuilder();
    for (Route route : chosen) {
      text.append(format(ns, route, selector));
    }
    ip.out().print(text);
    return 0;
  }

  /** iproute2's {@code print_route} for one IPv4 route. */
  private String format(Namespace ns, Route route, Selector selector) {
    boolean color = ip.color();
    StringBuilder text = new StringBuilder();
    if (route.type() != AddressType.UNICAST) {
      text.append(route.type().label()).append(' ');
    }
    if (route.prefixLength() == 0) {
      text.append("default ");
    } else {
      String destination = route.prefixLength() == 32 ? route.destination().network().toString()
          : route.destination().toString();
      text.append(Palette.INET.paint(destination + " ", color));
    }
    if (route.gateway() != null && selector.gateway == null) {
      text.append("via ").append(Palette.INET.paint(route.gateway() + " ", color));
    }
    if (route.device() != 0 && selector.device == 0) {
      Link link = ns.link(route.device());
      text.append("dev ").append(Palette.IFNAME.paint((link == null ? "if" + route.device() : link.name()) + " ", color));
    }
    if (selector.allTables && route.table() != Route.TABLE_MAIN) {
      text.append("table ").append(tableName(route.table())).append(' ');
    }
    if (!route.protocol().equals(RouteProtocol.BOOT) && selector.protocol == null) {
      text.append("proto ").append(route.protocol()).append(' ');
    }
    if (route.scope() != Scope.GLOBAL && selector.scope == null) {
      text.append("scope ").append(route.scope().label()).append(' ');
    }
    if (route.preferredSource() != null && selector.source == null) {
      text.append("src ").append(Palette.INET.paint(route.preferredSource() + " ", color));
    }
    if (route.metric() != 0) {
      text.append("metric ").append(Integer.toUnsignedString(route.metric())).append(' ');
    }
    if (isLinkDown(ns, route)) {
      text.append("linkdown ");
    }
    return text.append('\n').toString();
  }

  /** The kernel's RTNH_F_LINKDOWN: the route's device has no carrier (local routes never carry the flag). */
  private static boolean isLinkDown(Namespace ns, Route route) {
    if (route.device() == 0 || route.scope() == Scope.HOST) {
      return false;
    }
    Link link = ns.link(route.device());
    return link != null && !link.carrier();
  }

  /** {@code ip route get ADDRESS [oif DEV] [from ADDRESS]}. */
  private int get(Args args) {
    Ipv4 destination = null;
    int oif = 0;
    while (args.more()) {
      String word = args.take();
      if (word.equals("oif") || word.equals("dev")) {
        oif = ip.requireDevice(args.value()).index();
      } else if (word.equals("from") || word.equals("iif") || word.equals("mark") || word.equals("tos")
          || word.equals("uid") || word.equals("vrf") || word.equals("ipproto") || word.equals("sport")
          || word.equals("dport")) {
        args.value();
      } else if (word.equals("fibmatch") || word.equals("connected")) {
        continue;
      } else {
        String value = word.equals("to") ? args.value() : word;
        if (destination != null) {
          throw args.duplicateOrGarbage("to", value);
        }
        destination = address(value.endsWith("/32") ? value.substring(0, value.length() - 3) : value);
      }
    }
    if (destination == null) {
      throw ToolUsage.route(ip);
    }
    Namespace ns = ip.namespace();
    Route route = ns.lookupRoute(destination.bits(), oif);
    if (route == null) {
      throw new KernelException(Errno.ENETUNREACH);
    }
    switch (route.type()) {
      case UNREACHABLE -> throw new KernelException(Errno.EHOSTUNREACH);
      case PROHIBIT -> throw new KernelException(Errno.EACCES);
      case BLACKHOLE -> throw new KernelException(Errno.EINVAL);
      default -> { }
    }
    boolean color = ip.color();
    boolean local = route.type() == AddressType.LOCAL;
    Link device = local ? ns.link("lo") : ns.link(route.device());
    Ipv4 source = route.preferredSource() != null ? route.preferredSource()
        : ns.selectSourceAddress(route.device(),
            route.gateway() != null ? route.gateway().bits() : 0, route.scope());
    StringBuilder text = new StringBuilder();
    if (local || route.type() == AddressType.BROADCAST) {
      text.append(route.type().label()).append(' ');
    }
    text.append(Palette.INET.paint(destination + " ", color));
    if (route.gateway() != null) {
      text.append("via ").append(Palette.INET.paint(route.gateway() + " ", color));
    }
    text.append("dev ").append(Palette.IFNAME.paint(device.name() + " ", color));
    if (source != null) {
      text.append("src ").append(Palette.INET.paint(source + " ", color));
    }
    text.append("uid 0 \n    cache ");
    if (local) {
      text.append("<local> ");
    } else if (route.type() == AddressType.BROADCAST) {
      text.append("<local,brd> ");
    }
    ip.out().print(text.append('\n'));
    return 0;
  }
}
