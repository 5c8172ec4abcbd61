package dev.netsim.sim.tools.iproute;

import dev.netsim.core.topo.KernelException;
import dev.netsim.core.topo.Link;
import dev.netsim.core.topo.Namespace;
import dev.netsim.core.topo.TopologyEditor;
import dev.netsim.sim.World;
import dev.netsim.sim.shell.Invocation;
import java.io.PrintStream;
import java.util.function.Consumer;

/** One run of {@code ip}: its invocation, options and the namespace it acts in. */
final class IpContext {
  private final Invocation call;
  private final IpOptions options;
  private final String netns;

  IpContext(Invocation call, IpOptions options, String netns) {
    this.call = call;
    this.options = options;
    this.netns = netns;
  }

  Invocation call() {
    return call;
  }

  IpOptions options() {
    return options;
  }

  World world() {
    return call.world();
  }

  String netns() {
    return netns;
  }

  /** The current snapshot of this namespace. */
  Namespace namespace() {
    return call.world().namespace(netns);
  }

  PrintStream out() {
    return call.out();
  }

  PrintStream err() {
    return call.err();
  }

  boolean color() {
    return options.color;
  }

  /** The link named {@code name} here, or {@code Cannot find device "NAME"} and exit 1 (iproute2's nodev). */
  Link requireDevice(String name) {
    Link link = namespace().link(name);
    if (link == null) {
      err().print("Cannot find device \"" + name + "\"\n");
      throw new ToolExit(1);
    }
    return link;
  }

  /** Applies a change to the world; a refusal propagates as the kernel's error. */
  void change(Consumer<TopologyEditor> change) {
    call.world().change(change);
  }

  /** What iproute2 prints for a netlink error: the extack message when there is one, else strerror. */
  void printKernelError(KernelException refused) {
    if (refused.extack() != null) {
      String message = refused.extack();
      err().print("Error: " + message + (message.endsWith(".") ? "" : ".") + "\n");
    } else {
      err().print("RTNETLINK answers: " + refused.errno().message() + "\n");
    }
  }
}
