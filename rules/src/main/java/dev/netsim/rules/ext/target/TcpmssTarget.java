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
import dev.netsim.rules.model.Hook;
import java.util.List;

/**
 * {@code -j TCPMSS --set-mss N|--clamp-mss-to-pmtu} (TCP only): rewrites the MSS option of SYNs; netsim
 * does not model TCP options, the packet continues. {@code mss} -1 means clamp to the path MTU.
 */
public record TcpmssTarget(int mss) implements Target {
  @Override
  public String name() {
    return "TCPMSS";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(mss < 0 ? " --clamp-mss-to-pmtu" : " --set-mss " + mss);
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(mss < 0 ? " TCPMSS clamp to PMTU" : " TCPMSS set " + mss);
  }

  @Override
  public Verdict apply(PacketContext packet) {
    return Verdict.CONTINUE;
  }

  @Override
  public KernelError check(Placement placement) {
    if (!placement.header().requiresProtocol(6)) {
      return KernelError.EINVAL;
    }
    return mss < 0 && !placement.onlyWithin(Placement.mask(Hook.FORWARD, Hook.OUTPUT, Hook.POSTROUTING))
        ? KernelError.EINVAL : null;
  }

  /** The {@code TCPMSS} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("TCPMSS", List.of(
          OptionSpec.withArg("set-mss").excluding("clamp-mss-to-pmtu"),
          OptionSpec.flag("clamp-mss-to-pmtu").excluding("set-mss")));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        Integer mss;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          mss = spec.name().equals("set-mss") ? (int) Xt.uint("TCPMSS", spec.name(), arg, 0, 65535) : -1;
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (mss == null) {
            throw IptablesException.parameter("TCPMSS target: At least one parameter is required");
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new TcpmssTarget(mss);
        }
      };
    }
  }
}
