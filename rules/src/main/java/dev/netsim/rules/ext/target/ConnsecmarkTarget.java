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
import dev.netsim.rules.model.TableName;
import java.util.List;

/** {@code -j CONNSECMARK --save|--restore} (mangle or security): copies SELinux marks; no path effect. */
public record ConnsecmarkTarget(boolean save) implements Target {
  @Override
  public String name() {
    return "CONNSECMARK";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(save ? " --save" : " --restore");
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(save ? " CONNSECMARK save" : " CONNSECMARK restore");
  }

  @Override
  public Verdict apply(PacketContext packet) {
    return Verdict.CONTINUE;
  }

  @Override
  public KernelError check(Placement placement) {
    return placement.table() == TableName.MANGLE || placement.table() == TableName.SECURITY ? null
        : KernelError.EINVAL;
  }

  @Override
  public boolean needsConntrack() {
    return true;
  }

  /** The {@code CONNSECMARK} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("CONNSECMARK", List.of(
          OptionSpec.flag("save").excluding("save", "restore"),
          OptionSpec.flag("restore").excluding("save", "restore")));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        Boolean save;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          save = spec.name().equals("save");
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (save == null) {
            throw IptablesException.parameter("CONNSECMARK target: parameter required");
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new ConnsecmarkTarget(save);
        }
      };
    }
  }
}
