package dev.netsim.sim.tools.net;

import dev.netsim.core.state.BridgeFdb;
import dev.netsim.core.state.FdbEntry;
import dev.netsim.core.topo.BridgeSettings;
import dev.netsim.core.topo.KernelException;
import dev.netsim.core.topo.Link;
import dev.netsim.core.topo.Namespace;
import dev.netsim.core.value.Mac;
import dev.netsim.sim.World;
import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.Tool;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code brctl} from bridge-utils 1.7.1 as it behaves on a host whose /sys matches its network namespace
 * (bridges and ports listed alphabetically, STP times read from sysfs): show, showmacs, showstp, addbr, delbr,
 * addif, delif, setageing, stp.
 */
public final class BrctlTool implements Tool {
  private static final String USAGE = """
      Usage: brctl [commands]
      commands:
      \taddbr     \t<bridge>\t\tadd bridge
      \tdelbr     \t<bridge>\t\tdelete bridge
      \taddif     \t<bridge> <device>\tadd interface to bridge
      \tdelif     \t<bridge> <device>\tdelete interface from bridge
      \thairpin   \t<bridge> <port> {on|off}\tturn hairpin on/off
      \tsetageing \t<bridge> <time>\t\tset ageing time
      \tsetbridgeprio\t<bridge> <prio>\t\tset bridge priority
      \tsetfd     \t<bridge> <time>\t\tset bridge forward delay
      \tsethello  \t<bridge> <time>\t\tset hello time
      \tsetmaxage \t<bridge> <time>\t\tset max message age
      \tsetpathcost\t<bridge> <port> <cost>\tset path cost
      \tsetportprio\t<bridge> <port> <prio>\tset port priority
      \tshow      \t[ <bridge> ]\t\tshow a list of bridges
      \tshowmacs  \t<bridge>\t\tshow a list of mac addrs
      \tshowstp   \t<bridge>\t\tshow bridge stp info
      \tstp       \t<bridge> {on|off}\tturn stp on/off
      """;

  @Override
  public int run(Invocation call) {
    List<String> argv = call.argv();
    PrintStream out = call.out();
    PrintStream err = call.err();
    if (argv.size() < 2) {
      out.print(USAGE);
      return 1;
    }
    String command = argv.get(1);
    List<String> args = argv.subList(2, argv.size());
    World world = call.world();
    String netns = call.netns();
    try {
      return switch (command) {
        case "show" -> show(world, netns, args, out, err);
        case "showmacs" -> showmacs(world, netns, args, out, err);
        case "showstp" -> showstp(world, netns, args, out, err);
        case "addbr" -> addbr(world, netns, args, err);
        case "delbr" -> delbr(world, netns, args, err);
        case "addif" -> addif(world, netns, args, err);
        case "delif" -> delif(world, netns, args, err);
        case "setageing" -> setageing(world, netns, args, err);
        default -> {
          err.print("never heard of command [" + command + "]\n");
          out.print(USAGE);
          yield 1;
        }
      };
    } catch (KernelException refused) {
      err.print("brctl: " + refused.errno().message() + "\n");
      return 1;
    }
  }

  private static Link bridge(Namespace ns, String name) {
    Link link = ns.link(name);
    return link != null && link.isBridge() ? link : null;
  }

  /** {@code 8000.3aa4e47d3c97}. */
  private static String bridgeId(BridgeSettings settings) {
    return String.format(Locale.ROOT, "%04x.%012x", settings.priority(), settings.bridgeId().bits());
  }

  private static List<Link> portsByName(Namespace ns, Link bridge) {
    List<Link> ports = new ArrayList<>(ns.portsOf(bridge.index()));
    ports.sort(Comparator.comparing(Link::name));
    return ports;
  }

  private static int show(World world, String netns, List<String> args, PrintStream out, PrintStream err) {
    Namespace ns = world.namespace(netns);
    List<Link> bridges = new ArrayList<>();
    if (args.isEmpty()) {
      for (Link link : ns.links()) {
        if (link.isBridge()) {
          bridges.add(link);
        }
      }
      bridges.sort(Comparator.comparing(Link::name));
      if (bridges.isEmpty()) {
        return 0; // seen on the kernel: without bridges brctl show prints not even its header
      }
    } else {
      for (String name : args) {
        Link bridge = bridge(ns, name);
        if (bridge == null) {
          err.print("bridge " + name + " does not exist!\n");
          return 1;
        }
        bridges.add(bridge);
      }
    }
    StringBuilder text = new StringBuilder("bridge name\tbridge id\t\tSTP enabled\tinterfaces\n");
    for (Link bridge : bridges) {
      text.append(bridge.name()).append("\t\t").append(bridgeId(bridge.bridge())).append('\t')
          .append(bridge.bridge().stp() ? "yes" : "no").append("\t\t");
      List<Link> ports = portsByName(ns, bridge);
      if (ports.isEmpty()) {
        text.append('\n');
      }
      for (int i = 0; i < ports.size(); i++) {
        text.append(i == 0 ? "" : "\t\t\t\t\t\t\t").append(ports.get(i).name()).append('\n');
      }
    }
    out.print(text);
    return 0;
  }

  /** {@code "%4i.%.2i"} of a duration in nanoseconds. */
  private static String timer(long nanos) {
    long centis = nanos / 10_000_000L;
    return String.format(Locale.ROOT, "%4d.%02d", centis / 100, centis % 100);
  }

  private static int showmacs(World world, String netns, List<String> args, PrintStream out, PrintStream err) {
    Namespace ns = world.namespace(netns);
    Link bridge = args.isEmpty() ? null : bridge(ns, args.get(0));
    if (bridge == null) {
      err.print("read of forward table failed: No such device\n");
      return 1;
    }
    record Row(Mac mac, int port, boolean local, long age) {}
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<Mac, Integer> local : BridgeFdb.localAddresses(ns, bridge).entrySet()) {
      Link owner = ns.link(local.getValue());
      if (owner != null && owner.index() != bridge.index()) {
        rows.add(new Row(local.getKey(), owner.portNumber(), true, 0));
      }
    }
    long now = world.now();
    for (FdbEntry entry : world.fdb(netns, bridge.index()).learned(now)) {
      Link port = ns.link(entry.port());
      rows.add(new Row(entry.mac(), port == null ? 0 : port.portNumber(), false, now - entry.updated()));
    }
    rows.sort(Comparator.comparingLong(row -> row.mac().bits()));
    StringBuilder text = new StringBuilder("port no\tmac addr\t\tis local?\tageing timer\n");
    for (Row row : rows) {
      text.append(String.format(Locale.ROOT, "%3d", row.port())).append('\t').append(row.mac()).append('\t')
          .append(row.local() ? "yes" : "no").append("\t\t").append(timer(row.age())).append('\n');
    }
    out.print(text);
    return 0;
  }

  private static int showstp(World world, String netns, List<String> args, PrintStream out, PrintStream err) {
    Namespace ns = world.namespace(netns);
    Link bridge = args.isEmpty() ? null : bridge(ns, args.get(0));
    if (bridge == null) {
      err.print(args.isEmpty() ? "Incorrect number of arguments for command\n"
          : "bridge " + args.get(0) + " does not exist!\n");
      return 1;
    }
    BridgeSettings settings = bridge.bridge();
    String id = bridgeId(settings);
    long centi = 10_000_000L;
    StringBuilder text = new StringBuilder(bridge.name()).append('\n');
    text.append(" bridge id\t\t").append(id).append('\n');
    text.append(" designated root\t").append(id).append('\n');
    text.append(" root port\t\t   0\t\t\tpath cost\t\t   0\n");
    text.append(" max age\t\t").append(timer(settings.maxAgeCentis() * centi)).append("\t\t\tbridge max age\t\t")
        .append(timer(settings.maxAgeCentis() * centi)).append('\n');
    text.append(" hello time\t\t").append(timer(settings.helloTimeCentis() * centi))
        .append("\t\t\tbridge hello time\t").append(timer(settings.helloTimeCentis() * centi)).append('\n');
    text.append(" forward delay\t\t").append(timer(settings.forwardDelayCentis() * centi))
        .append("\t\t\tbridge forward delay\t").append(timer(settings.forwardDelayCentis() * centi)).append('\n');
    text.append(" ageing time\t\t").append(timer(settings.ageingTimeNanos())).append('\n');
    text.append(" hello timer\t\t").append(timer(0)).append("\t\t\ttcn timer\t\t").append(timer(0)).append('\n');
    text.append(" topology change timer\t").append(timer(0)).append("\t\t\tgc timer\t\t").append(timer(0))
        .append('\n');
    text.append(" flags\t\t\t\n\n\n");
    for (Link port : portsByName(ns, bridge)) {
      String portId = String.format(Locale.ROOT, "%04x", 0x8000 | port.portNumber());
      boolean forwarding = bridge.adminUp() && port.lowerUp();
      text.append(port.name()).append(" (").append(port.portNumber()).append(")\n");
      text.append(" port id\t\t").append(portId).append("\t\t\tstate\t\t")
          .append(String.format(Locale.ROOT, "%15s", forwarding ? "forwarding" : "disabled")).append('\n');
      text.append(" designated root\t").append(id).append("\tpath cost\t\t   2\n");
      text.append(" designated bridge\t").append(id).append("\tmessage age timer\t").append(timer(0)).append('\n');
      text.append(" designated port\t").append(portId).append("\t\t\tforward delay timer\t").append(timer(0))
          .append('\n');
      text.append(" designated cost\t   0\t\t\thold timer\t\t").append(timer(0)).append('\n');
      text.append(" flags\t\t\t\n\n");
    }
    out.print(text);
    return 0;
  }

  private static int addbr(World world, String netns, List<String> args, PrintStream err) {
    if (args.size() != 1) {
      err.print("Incorrect number of arguments for command\n");
      return 1;
    }
    String name = args.get(0);
    if (world.namespace(netns).link(name) != null) {
      err.print("device " + name + " already exists; can't create bridge with the same name\n");
      return 1;
    }
    world.change(e -> e.addBridge(netns, name));
    return 0;
  }

  private static int delbr(World world, String netns, List<String> args, PrintStream err) {
    if (args.size() != 1) {
      err.print("Incorrect number of arguments for command\n");
      return 1;
    }
    String name = args.get(0);
    Link bridge = bridge(world.namespace(netns), name);
    if (bridge == null) {
      err.print("bridge " + name + " doesn't exist; can't delete it\n");
      return 1;
    }
    if (bridge.adminUp()) {
      err.print("bridge " + name + " is still up; can't delete it\n");
      return 1;
    }
    world.change(e -> e.deleteLink(netns, name));
    return 0;
  }

  private static int addif(World world, String netns, List<String> args, PrintStream err) {
    if (args.size() < 2) {
      err.print("Incorrect number of arguments for command\n");
      return 1;
    }
    Namespace ns = world.namespace(netns);
    Link bridge = bridge(ns, args.get(0));
    if (bridge == null) {
      err.print("bridge " + args.get(0) + " does not exist!\n");
      return 1;
    }
    int status = 0;
    for (String name : args.subList(1, args.size())) {
      Link port = world.namespace(netns).link(name);
      if (port == null) {
        err.print("interface " + name + " does not exist!\n");
        status = 1;
      } else if (port.isBridgePort()) {
        err.print("device " + name + " is already a member of a bridge; can't add it to bridge "
            + bridge.name() + ".\n");
        status = 1;
      } else if (port.isBridge()) {
        err.print("device " + name + " is a bridge device itself; can't add it to bridge " + bridge.name() + ".\n");
        status = 1;
      } else {
        world.change(e -> e.setMaster(netns, name, bridge.name()));
      }
    }
    return status;
  }

  private static int delif(World world, String netns, List<String> args, PrintStream err) {
    if (args.size() < 2) {
      err.print("Incorrect number of arguments for command\n");
      return 1;
    }
    Namespace ns = world.namespace(netns);
    Link bridge = bridge(ns, args.get(0));
    if (bridge == null) {
      err.print("bridge " + args.get(0) + " does not exist!\n");
      return 1;
    }
    int status = 0;
    for (String name : args.subList(1, args.size())) {
      Link port = world.namespace(netns).link(name);
      if (port == null) {
        err.print("interface " + name + " does not exist!\n");
        status = 1;
      } else if (port.master() != bridge.index()) {
        err.print("device " + name + " is not a port of " + bridge.name() + "\n");
        status = 1;
      } else {
        world.change(e -> e.clearMaster(netns, name));
      }
    }
    return status;
  }

  private static int setageing(World world, String netns, List<String> args, PrintStream err) {
    if (args.size() != 2) {
      err.print("Incorrect number of arguments for command\n");
      return 1;
    }
    Link bridge = bridge(world.namespace(netns), args.get(0));
    if (bridge == null) {
      err.print("bridge " + args.get(0) + " does not exist!\n");
      return 1;
    }
    double seconds;
    try {
      seconds = Double.parseDouble(args.get(1));
    } catch (NumberFormatException e) {
      err.print("bad ageing time value\n");
      return 1;
    }
    int centis = (int) Math.round(seconds * 100);
    world.change(e -> e.setBridgeAgeingTime(netns, bridge.name(), centis));
    return 0;
  }
}
