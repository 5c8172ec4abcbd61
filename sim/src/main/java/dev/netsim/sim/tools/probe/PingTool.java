package dev.netsim.sim.tools.probe;

import dev.netsim.sim.programs.Ping;
import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.Tool;
import dev.netsim.sim.trace.Trace;

/** {@code ping} in the namespace the command runs in; with {@code --trace}, each packet's path follows. */
public final class PingTool implements Tool {
  @Override
  public int run(Invocation call) {
    int status = new Ping(call.world().kernel().host(call.netns()), call.out(), call.err())
        .run(call.argv());
    explainTraces(call);
    return status;
  }

  /** Hands the traces of the packets that finished meanwhile to the runner. */
  public static void explainTraces(Invocation call) {
    for (Trace trace : call.world().kernel().takeTraces()) {
      call.explain(trace.render());
    }
  }
}
