package dev.netsim.rules.ext.target;

import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.KernelError;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Placement;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.ext.TargetModule;
import dev.netsim.rules.ext.Xt;
import java.util.List;

/**
 * {@code -j LED --led-trigger-id ID [--led-delay MS|inf] [--led-always-blink]}: the kernel of this machine has
 * no xt_LED, so iptables warns when loading it and the kernel refuses the rule.
 */
public record LedTarget(String triggerId, String delay, boolean alwaysBlink) implements Target {
  @Override
  public String name() {
    return "LED";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(" --led-trigger-id");
    Xt.saveString(out, triggerId);
    if (!delay.isEmpty()) {
      out.append(" --led-delay ").append(delay);
    }
    if (alwaysBlink) {
      out.append(" --led-always-blink");
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" led-trigger-id:\"").append(triggerId).append('"');
    if (!delay.isEmpty()) {
      out.append(" led-delay:").append(delay).append("ms");
    }
    if (alwaysBlink) {
      out.append(" led-always-blink");
    }
  }

  @Override
  public Verdict apply(PacketContext packet) {
    return Verdict.CONTINUE;
  }

  @Override
  public KernelError check(Placement placement) {
    return KernelError.ENOENT;
  }

  /** The {@code LED} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("LED", List.of(
          OptionSpec.withArg("led-trigger-id").required(),
          OptionSpec.withArg("led-delay"),
          OptionSpec.flag("led-always-blink")));
    }

    @Override
    public List<String> loadWarnings() {
      return List.of("Warning: Extension LED revision 0 not supported, missing kernel module?");
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        String triggerId;
        String delay = "";
        boolean alwaysBlink;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "led-trigger-id" -> triggerId = arg;
            case "led-delay" -> delay = arg;
            default -> alwaysBlink = true;
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new LedTarget(triggerId, delay, alwaysBlink);
        }
      };
    }
  }
}
