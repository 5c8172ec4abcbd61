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
import dev.netsim.rules.model.Hook;
import java.util.List;

/**
 * {@code -j REDIRECT [--to-ports PORT[-PORT]] [--random]}: destination NAT to the incoming interface's
 * address (127.0.0.1 for locally generated packets); nat table, PREROUTING and OUTPUT.
 */
public record RedirectTarget(NatRange range, boolean random) implements NatTarget {
  @Override
  public String name() {
    return "REDIRECT";
  }

  @Override
  public Kind kind() {
    return Kind.REDIRECT;
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public boolean randomFully() {
    return false;
  }

  @Override
  public void appendSave(StringBuilder out) {
    if (range.hasPorts()) {
      out.append(" --to-ports ").append(range.portText());
    }
    if (random) {
      out.append(" --random");
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    if (range.hasPorts()) {
      out.append(" redir ports ").append(range.portText());
    }
    if (random) {
      out.append(" random");
    }
  }

  @Override
  public Verdict apply(PacketContext packet) {
    return Verdict.NAT;
  }

  @Override
  public KernelError check(Placement placement) {
    return NatChecks.natTable(placement);
  }

  @Override
  public int allowedHooks() {
    return Placement.mask(Hook.PREROUTING, Hook.OUTPUT);
  }

  @Override
  public boolean needsConntrack() {
    return true;
  }

  /** The {@code MASQUERADE} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("REDIRECT", List.of(
          OptionSpec.withArg("to-ports"),
          OptionSpec.flag("random")));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        NatRange range = NatRange.NONE;
        boolean random;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "to-ports" -> {
              range = NatRange.parsePorts(arg, NatRange.portsAllowed(ctx.protocol(), ctx.protocolInverted()));
              NatChecks.noShift(range);
            }
            default -> random = true;
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new RedirectTarget(range, random);
        }
      };
    }
  }
}
