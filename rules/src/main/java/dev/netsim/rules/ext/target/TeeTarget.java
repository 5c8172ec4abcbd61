package dev.netsim.rules.ext.target;

import dev.netsim.core.value.Ipv4;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.ext.TargetModule;
import dev.netsim.rules.ext.Xt;
import java.util.List;

/**
 * {@code -j TEE --gateway ADDR [--oif IFACE]}: sends a copy of the packet to a gateway. netsim does not send
 * the copy; the original continues.
 */
public record TeeTarget(int gateway, String outInterface) implements Target {
  @Override
  public String name() {
    return "TEE";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(" --gateway ").append(Ipv4.format(gateway));
    if (!outInterface.isEmpty()) {
      out.append(" --oif ").append(outInterface);
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" TEE gw:").append(Ipv4.format(gateway));
    if (!outInterface.isEmpty()) {
      out.append(" oif=").append(outInterface);
    }
  }

  @Override
  public Verdict apply(PacketContext packet) {
    packet.effects.acted(this, packet);
    return Verdict.CONTINUE;
  }

  /** The {@code TEE} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("TEE", List.of(OptionSpec.withArg("gateway").required(), OptionSpec.withArg("oif")));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        int gateway;
        String outInterface = "";

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          if (spec.name().equals("gateway")) {
            gateway = Xt.host(arg);
          } else {
            outInterface = arg;
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new TeeTarget(gateway, outInterface);
        }
      };
    }
  }
}
