package dev.netsim.rules.ext.target;

import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.ext.TargetModule;
import java.util.List;

/** {@code -j TRACE}: marks the packet for rule tracing ({@link PacketContext#trace}); the packet continues. */
public record TraceTarget() implements Target {
  @Override
  public String name() {
    return "TRACE";
  }

  @Override
  public void appendSave(StringBuilder out) {
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
  }

  @Override
  public Verdict apply(PacketContext packet) {
    packet.trace = true;
    return Verdict.CONTINUE;
  }

  /** The {@code TRACE} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("TRACE", List.of());
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          throw new IllegalStateException("TRACE has no options");
        }

        @Override
        public Target build(ParseContext ctx) {
          return new TraceTarget();
        }
      };
    }
  }
}
