package dev.netsim.sim.shell.text;

import dev.netsim.sim.shell.ToolRegistry;
import dev.netsim.sim.shell.ToolSet;

/**
 * The text tools and small programs a tutorial pipes through, each behaving as Debian 12's bash builtins,
 * coreutils and GNU grep do: {@code echo}, {@code printf}, {@code cat}, {@code grep}, {@code head}, {@code tail},
 * {@code wc}, {@code sort}, {@code jq .}, {@code true}, {@code false}, {@code whoami}.
 */
public final class TextTools implements ToolSet {
  @Override
  public void registerWith(ToolRegistry.Builder registry) {
    registry
        .tool("echo", new Echo())
        .tool("cat", new Cat())
        .tool("printf", new Printf())
        .tool("grep", new Grep())
        .tool("head", HeadTail.head())
        .tool("tail", HeadTail.tail())
        .tool("wc", new Wc())
        .tool("sort", new Sort())
        .tool("jq", new Jq())
        .tool("true", call -> 0)
        .tool("false", call -> 1)
        .tool("whoami", call -> {
          call.out().println("root");
          return 0;
        });
  }
}
