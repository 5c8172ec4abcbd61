package dev.netsim.rules.ext.target;

import dev.netsim.core.value.Ipv4;
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
import dev.netsim.rules.model.TableName;
import java.util.List;

/**
 * {@code -j TPROXY --on-port P [--on-ip A] [--tproxy-mark V/M]} (mangle PREROUTING, TCP or UDP): hands the
 * packet to a local transparent-proxy socket. netsim has no such sockets: undetermined.
 */
public record TproxyTarget(int port, int address, int mark, int mask) implements Target {
  @Override
  public String name() {
    return "TPROXY";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(" --on-port ").append(port).append(" --on-ip ").append(Ipv4.format(address))
        .append(" --tproxy-mark ").append(Xt.hex(mark)).append('/').append(Xt.hex(mask));
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" TPROXY redirect ").append(Ipv4.format(address)).append(':').append(port).append(" mark ")
        .append(Xt.hex(mark)).append('/').append(Xt.hex(mask));
  }

  @Override
  public String notModelled() {
    return "netsim has no transparent-proxy sockets";
  }

  @Override
  public Verdict apply(PacketContext packet) {
    return Verdict.UNDETERMINED;
  }

  @Override
  public KernelError check(Placement placement) {
    if (placement.table() != TableName.MANGLE) {
      return KernelError.EINVAL;
    }
    return placement.header().requiresProtocol(6) || placement.header().requiresProtocol(17) ? null
        : KernelError.EINVAL;
  }

  @Override
  public int allowedHooks() {
    return Hook.PREROUTING.bit();
  }

  /** The {@code TPROXY} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("TPROXY", List.of(
          OptionSpec.withArg("on-port").required(),
          OptionSpec.withArg("on-ip"),
          OptionSpec.withArg("tproxy-mark")));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        int port;
        int address;
        int[] markMask = {0, 0};

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "on-port" -> {
              port = Xt.serviceOrNumber(arg);
              if (port < 0) {
                throw IptablesException.parameter("Port \"" + arg + "\" does not resolve to anything.\n");
              }
            }
            case "on-ip" -> address = Xt.host(arg);
            default -> markMask = Xt.markMask("TPROXY", spec.name(), arg);
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new TproxyTarget(port, address, markMask[0], markMask[1]);
        }
      };
    }
  }
}
