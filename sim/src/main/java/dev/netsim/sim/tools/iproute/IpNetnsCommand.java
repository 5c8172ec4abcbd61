package dev.netsim.sim.tools.iproute;

import dev.netsim.core.topo.Namespace;
import java.util.List;

/** {@code ip netns}: list, add, delete, exec and identify. */
final class IpNetnsCommand {
  private final IpContext ip;

  IpNetnsCommand(IpContext ip) {
    this.ip = ip;
  }

  int run(Args args) {
    if (!args.more()) {
      return list();
    }
    String command = args.take();
    if (args.more() && invalidName(args.peek())) {
      ip.err().print("Invalid netns name \"" + args.peek() + "\"\n");
      return 255;
    }
    if (Args.matches(command, "list") || Args.matches(command, "show") || Args.matches(command, "lst")) {
      return list();
    }
    if (Args.matches(command, "help")) {
      throw ToolUsage.netns(ip);
    }
    if (Args.matches(command, "add")) {
      return add(args);
    }
    if (Args.matches(command, "delete")) {
      return delete(args);
    }
    if (Args.matches(command, "identify")) {
      return identify();
    }
    if (Args.matches(command, "exec")) {
      return exec(args);
    }
    ip.err().print("Command \"" + command + "\" is unknown, try \"ip netns help\".\n");
    return 255;
  }

  private static boolean invalidName(String name) {
    return name.indexOf('/') >= 0 || name.equals(".") || name.equals("..");
  }

  /** Names in /var/run/netns, newest first, with the id this namespace gave each ("RED (id: 0)"). */
  private int list() {
    Namespace here = ip.namespace();
    StringBuilder text = new StringBuilder();
    for (Namespace ns : ip.world().topology().listedNamespaces()) {
      text.append(ns.name());
      int id = here.nsidOf(ns);
      if (id >= 0) {
        text.append(" (id: ").append(id).append(')');
      }
      text.append('\n');
    }
    ip.out().print(text);
    return 0;
  }

  private int add(Args args) {
    if (!args.more()) {
      ip.err().print("No netns name specified\n");
      return 1;
    }
    String name = args.take();
    if (ip.world().namespace(name) != null) {
      ip.err().print("Cannot create namespace file \"/run/netns/" + name + "\": File exists\n");
      return 1;
    }
    ip.change(e -> e.addNamespace(name));
    return 0;
  }

  private int delete(Args args) {
    if (!args.more()) {
      ip.err().print("No netns name specified\n");
      return 1;
    }
    String name = args.take();
    Namespace ns = ip.world().namespace(name);
    if (ns == null || !ns.listed()) {
      ip.err().print("Cannot remove namespace file \"/run/netns/" + name + "\": No such file or directory\n");
      return 1;
    }
    ip.change(e -> e.deleteNamespace(name));
    return 0;
  }

  /** Prints the name of the namespace the command runs in (an empty line for the host's). */
  private int identify() {
    Namespace here = ip.namespace();
    ip.out().print((here.listed() ? here.name() : "") + "\n");
    return 0;
  }

  private int exec(Args args) {
    if (!args.more()) {
      ip.err().print("No netns name specified\n");
      return 1;
    }
    String name = args.take();
    if (!args.more()) {
      ip.err().print("No command specified\n");
      return 1;
    }
    Namespace ns = ip.world().namespace(name);
    if (ns == null || !(ns.listed() || ip.world().isOtherMachine(name))) {
      ip.err().print("Cannot open network namespace \"" + name + "\": No such file or directory\n");
      return 255;
    }
    List<String> command = List.copyOf(args.rest());
    return ip.call().exec(name, command);
  }
}
