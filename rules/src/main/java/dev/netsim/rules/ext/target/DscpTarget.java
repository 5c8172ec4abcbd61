package dev.netsim.rules.ext.target;

import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.KernelError;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Placement;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.ext.TargetModule;
import dev.netsim.rules.ext.Xt;
import dev.netsim.rules.ext.match.DscpClasses;
import dev.netsim.rules.model.TableName;
import java.util.List;
import java.util.Locale;

/** {@code -j DSCP --set-dscp V|--set-dscp-class C} (mangle table): rewrites the DSCP bits of the TOS byte. */
public record DscpTarget(int dscp) implements Target {
  @Override
  public String name() {
    return "DSCP";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(String.format(Locale.ROOT, " --set-dscp 0x%02x", dscp));
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(String.format(Locale.ROOT, " DSCP set 0x%02x", dscp));
  }

  @Override
  public Verdict apply(PacketContext packet) {
    packet.tos = (packet.tos & 0x03) | dscp << 2;
    return Verdict.CONTINUE;
  }

  @Override
  public KernelError check(Placement placement) {
    return placement.table() == TableName.MANGLE ? null : KernelError.EINVAL;
  }

  /** The {@code DSCP} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("DSCP", List.of(
          OptionSpec.withArg("set-dscp").excluding("set-dscp-class"),
          OptionSpec.withArg("set-dscp-class").excluding("set-dscp")));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        Integer dscp;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          dscp = spec.name().equals("set-dscp") ? (int) Xt.uint("DSCP", spec.name(), arg, 0, 63)
              : DscpClasses.value(arg);
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (dscp == null) {
            throw IptablesException.parameter("DSCP target: Parameter --set-dscp is required");
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new DscpTarget(dscp);
        }
      };
    }
  }
}
