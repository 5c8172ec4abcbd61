package dev.netsim.rules.ext.match;

import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Xt;
import java.util.List;

/** {@code -m helper --helper NAME}: the connection's conntrack helper; not modelled: undetermined. */
public record HelperMatch(String helper, boolean inverted) implements Match {
  @Override
  public String name() {
    return "helper";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(inverted ? " !" : "").append(" --helper");
    Xt.saveString(out, helper);
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" helper match ").append(inverted ? "! " : "").append('"').append(helper).append('"');
  }

  @Override
  public String notModelled() {
    return "netsim does not model conntrack helpers";
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.UNDETERMINED;
  }

  @Override
  public boolean needsConntrack() {
    return true;
  }

  /** The {@code helper} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("helper", List.of(OptionSpec.withArg("helper").invert().required()));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        HelperMatch parsed;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          parsed = new HelperMatch(arg, inverted);
        }

        @Override
        public Match build(ParseContext ctx) {
          return parsed;
        }
      };
    }
  }
}
