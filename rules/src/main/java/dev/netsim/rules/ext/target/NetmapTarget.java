package dev.netsim.rules.ext.target;

import dev.netsim.core.value.Ipv4;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.KernelError;
import dev.netsim.rules.ext.Names;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Placement;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.ext.TargetModule;
import dev.netsim.rules.ext.Xt;
import dev.netsim.rules.model.Hook;
import java.util.List;

/**
 * {@code -j NETMAP --to ADDR/MASK} (nat table): maps addresses one to one into another network, keeping the
 * host part; the source in POSTROUTING and INPUT, the destination elsewhere.
 */
public record NetmapTarget(int network, int mask) implements NatTarget {
  @Override
  public String name() {
    return "NETMAP";
  }

  @Override
  public Kind kind() {
    return Kind.NETMAP;
  }

  @Override
  public NatRange range() {
    return new NatRange(true, network, network | ~mask, false, 0, 0, 0);
  }

  @Override
  public boolean random() {
    return false;
  }

  @Override
  public boolean randomFully() {
    return false;
  }

  @Override
  public boolean persistent() {
    return false;
  }

  private String text() {
    int bits = Names.cidr(mask);
    return Ipv4.format(network) + "/" + (bits >= 0 ? Integer.toString(bits) : Ipv4.format(mask));
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(" --to ").append(text());
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" to:").append(text());
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
    return Placement.mask(Hook.PREROUTING, Hook.POSTROUTING, Hook.OUTPUT, Hook.INPUT);
  }

  @Override
  public boolean needsConntrack() {
    return true;
  }

  /** The {@code NETMAP} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("NETMAP", List.of(OptionSpec.withArg("to").required()));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        int[] hostMask;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          hostMask = Xt.hostMask("NETMAP", spec.name(), arg);
        }

        @Override
        public Target build(ParseContext ctx) {
          return new NetmapTarget(hostMask[0] & hostMask[1], hostMask[1]);
        }
      };
    }
  }
}
