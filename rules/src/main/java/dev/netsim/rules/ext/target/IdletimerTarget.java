package dev.netsim.rules.ext.target;

import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.ext.TargetModule;
import dev.netsim.rules.ext.Xt;
import java.util.List;

/** {@code -j IDLETIMER --timeout N --label L [--alarm]}: restarts an idle timer; the packet continues. */
public record IdletimerTarget(long timeout, String label, boolean alarm) implements Target {
  @Override
  public String name() {
    return "IDLETIMER";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(" --timeout ").append(timeout).append(" --label ").append(label);
    if (alarm) {
      out.append(" --alarm");
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" timeout:").append(timeout).append(" label:").append(label);
    if (alarm) {
      out.append(" alarm");
    }
  }

  @Override
  public Verdict apply(PacketContext packet) {
    return Verdict.CONTINUE;
  }

  /** The {@code IDLETIMER} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("IDLETIMER", List.of(
          OptionSpec.withArg("timeout").required(),
          OptionSpec.withArg("label").required(),
          OptionSpec.flag("alarm")));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        long timeout;
        String label;
        boolean alarm;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "timeout" -> timeout = Xt.uint("IDLETIMER", spec.name(), arg, 0, 0xffffffffL);
            case "label" -> label = arg;
            default -> alarm = true;
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new IdletimerTarget(timeout, label, alarm);
        }
      };
    }
  }
}
