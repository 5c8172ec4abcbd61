package dev.netsim.rules.ext.target;

import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.ext.TargetModule;
import java.util.List;
import java.util.Locale;

/** {@code -j AUDIT --type accept|drop|reject}: an audit record (reported as a log); the packet continues. */
public record AuditTarget(String type) implements Target {
  @Override
  public String name() {
    return "AUDIT";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(" --type ").append(type);
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" AUDIT ").append(type);
  }

  @Override
  public Verdict apply(PacketContext packet) {
    packet.effects.logged(this, packet);
    return Verdict.CONTINUE;
  }

  /** The {@code AUDIT} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("AUDIT", List.of(OptionSpec.withArg("type").required()));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        String type;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          type = arg.toLowerCase(Locale.ROOT);
          if (!type.equals("accept") && !type.equals("drop") && !type.equals("reject")) {
            throw IptablesException.parameter("Bad action type value \"" + arg + "\"");
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new AuditTarget(type);
        }
      };
    }
  }
}
