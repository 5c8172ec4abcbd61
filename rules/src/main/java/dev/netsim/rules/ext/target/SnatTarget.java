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
 * {@code -j SNAT --to-source ADDR[-ADDR][:PORT[-PORT]] [--random] [--random-fully] [--persistent]}: nat table,
 * POSTROUTING and INPUT.
 */
public record SnatTarget(NatRange range, boolean random, boolean randomFully, boolean persistent)
    implements NatTarget {
  @Override
  public String name() {
    return "SNAT";
  }

  @Override
  public Kind kind() {
    return Kind.SNAT;
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(" --to-source ").append(range.text());
    if (random) {
      out.append(" --random");
    }
    if (randomFully) {
      out.append(" --random-fully");
    }
    if (persistent) {
      out.append(" --persistent");
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" to:").append(range.text());
    if (random) {
      out.append(" random");
    }
    if (randomFully) {
      out.append(" random-fully");
    }
    if (persistent) {
      out.append(" persistent");
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
    return Placement.mask(Hook.POSTROUTING, Hook.INPUT);
  }

  @Override
  public boolean needsConntrack() {
    return true;
  }

  /** The {@code DNAT} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("SNAT", List.of(
          OptionSpec.withArg("to-source").required(),
          OptionSpec.flag("random"),
          OptionSpec.flag("random-fully"),
          OptionSpec.flag("persistent")));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        NatRange range;
        boolean random;
        boolean randomFully;
        boolean persistent;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "to-source" -> {
              range = NatRange.parseTo(arg, NatRange.portsAllowed(ctx.protocol(), ctx.protocolInverted()));
              NatChecks.noShift(range);
            }
            case "random" -> random = true;
            case "random-fully" -> randomFully = true;
            default -> persistent = true;
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new SnatTarget(range, random, randomFully, persistent);
        }
      };
    }
  }
}
