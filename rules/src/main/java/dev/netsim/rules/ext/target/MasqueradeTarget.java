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
 * {@code -j MASQUERADE [--to-ports PORT[-PORT]] [--random] [--random-fully]}: source NAT to the outgoing
 * interface's address; nat table, POSTROUTING only.
 */
public record MasqueradeTarget(NatRange range, boolean random, boolean randomFully) implements NatTarget {
  @Override
  public String name() {
    return "MASQUERADE";
  }

  @Override
  public Kind kind() {
    return Kind.MASQUERADE;
  }

  @Override
  public boolean persistent() {
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
    if (randomFully) {
      out.append(" --random-fully");
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    if (range.hasPorts()) {
      out.append(" masq ports: ").append(range.portText());
    }
    if (random) {
      out.append(" random");
    }
    if (randomFully) {
      out.append(" random-fully");
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
    return Hook.POSTROUTING.bit();
  }

  @Override
  public boolean needsConntrack() {
    return true;
  }

  /** The {@code MASQUERADE} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("MASQUERADE", List.of(
          OptionSpec.withArg("to-ports"),
          OptionSpec.flag("random"),
          OptionSpec.flag("random-fully")));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        NatRange range = NatRange.NONE;
        boolean random;
        boolean randomFully;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "to-ports" -> {
              range = NatRange.parsePorts(arg, NatRange.portsAllowed(ctx.protocol(), ctx.protocolInverted()));
              NatChecks.noShift(range);
            }
            case "random" -> random = true;
            default -> randomFully = true;
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new MasqueradeTarget(range, random, randomFully);
        }
      };
    }
  }
}
