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
 * {@code -j DNAT --to-destination ADDR[-ADDR][:PORT[-PORT[/BASE]]] [--random] [--persistent]}: nat table,
 * PREROUTING and OUTPUT.
 */
public record DnatTarget(NatRange range, boolean random, boolean persistent) implements NatTarget {
  @Override
  public String name() {
    return "DNAT";
  }

  @Override
  public Kind kind() {
    return Kind.DNAT;
  }

  @Override
  public boolean randomFully() {
    return false;
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(" --to-destination ").append(range.text());
    if (random) {
      out.append(" --random");
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
    return Placement.mask(Hook.PREROUTING, Hook.OUTPUT);
  }

  @Override
  public boolean needsConntrack() {
    return true;
  }

  /** The {@code DNAT} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("DNAT", List.of(
          OptionSpec.withArg("to-destination").required(),
          OptionSpec.flag("random"),
          OptionSpec.flag("persistent")));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        NatRange range;
        boolean random;
        boolean persistent;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "to-destination" -> range = NatRange.parseTo(arg,
                NatRange.portsAllowed(ctx.protocol(), ctx.protocolInverted()));
            case "random" -> random = true;
            default -> persistent = true;
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new DnatTarget(range, random, persistent);
        }
      };
    }
  }
}
