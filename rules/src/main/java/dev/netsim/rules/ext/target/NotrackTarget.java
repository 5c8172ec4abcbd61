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
import dev.netsim.rules.model.TableName;
import java.util.List;

/**
 * {@code -j NOTRACK}: the old name of {@code -j CT --notrack}; saved under its own name, listed as CT.
 */
public record NotrackTarget() implements Target {
  @Override
  public String name() {
    return "NOTRACK";
  }

  @Override
  public String listName() {
    return "CT";
  }

  @Override
  public void appendSave(StringBuilder out) {
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" NOTRACK");
  }

  @Override
  public Verdict apply(PacketContext packet) {
    packet.notrack = true;
    return Verdict.CONTINUE;
  }

  @Override
  public KernelError check(Placement placement) {
    return placement.table() == TableName.RAW ? null : KernelError.EINVAL;
  }

  @Override
  public boolean needsConntrack() {
    return true;
  }

  /** The {@code NOTRACK} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("NOTRACK", List.of());
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          throw new IllegalStateException("NOTRACK has no options");
        }

        @Override
        public Target build(ParseContext ctx) {
          return new NotrackTarget();
        }
      };
    }
  }
}
