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
import dev.netsim.rules.model.Hook;
import java.util.List;

/**
 * {@code -j SYNPROXY [--sack-perm] [--timestamp] [--wscale N] [--mss N] [--ecn]} (TCP, INPUT and FORWARD):
 * answers SYNs itself. netsim does not model it: undetermined. -1 means an option was not given.
 */
public record SynproxyTarget(boolean sackPerm, boolean timestamp, int wscale, int mss, boolean ecn)
    implements Target {
  @Override
  public String name() {
    return "SYNPROXY";
  }

  @Override
  public void appendSave(StringBuilder out) {
    if (sackPerm) {
      out.append(" --sack-perm");
    }
    if (timestamp) {
      out.append(" --timestamp");
    }
    if (wscale >= 0) {
      out.append(" --wscale ").append(wscale);
    }
    if (mss >= 0) {
      out.append(" --mss ").append(mss);
    }
    if (ecn) {
      out.append(" --ecn");
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" SYNPROXY ");
    if (sackPerm) {
      out.append("sack-perm ");
    }
    if (timestamp) {
      out.append("timestamp ");
    }
    if (wscale >= 0) {
      out.append("wscale ").append(wscale).append(' ');
    }
    if (mss >= 0) {
      out.append("mss ").append(mss).append(' ');
    }
    if (ecn) {
      out.append("ecn ");
    }
  }

  @Override
  public String notModelled() {
    return "netsim does not model SYNPROXY";
  }

  @Override
  public Verdict apply(PacketContext packet) {
    return Verdict.UNDETERMINED;
  }

  @Override
  public KernelError check(Placement placement) {
    return placement.header().requiresProtocol(6) ? null : KernelError.EINVAL;
  }

  @Override
  public int allowedHooks() {
    return Placement.mask(Hook.INPUT, Hook.FORWARD);
  }

  @Override
  public boolean needsConntrack() {
    return true;
  }

  /** The {@code SYNPROXY} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("SYNPROXY", List.of(
          OptionSpec.withArg("mss"),
          OptionSpec.withArg("wscale"),
          OptionSpec.flag("sack-perm"),
          OptionSpec.flag("timestamp"),
          OptionSpec.flag("ecn")));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        boolean sackPerm;
        boolean timestamp;
        int wscale = -1;
        int mss = -1;
        boolean ecn;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "mss" -> mss = (int) Xt.uint("SYNPROXY", spec.name(), arg, 0, 65535);
            case "wscale" -> wscale = (int) Xt.uint("SYNPROXY", spec.name(), arg, 0, 255);
            case "sack-perm" -> sackPerm = true;
            case "timestamp" -> timestamp = true;
            default -> ecn = true;
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new SynproxyTarget(sackPerm, timestamp, wscale, mss, ecn);
        }
      };
    }
  }
}
