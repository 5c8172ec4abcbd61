package dev.netsim.rules.ext.match;

import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.CNumbers;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Xt;
import java.util.List;

/** {@code -m realm --realm VALUE[/MASK]}: the routing realm; not modelled: undetermined. */
public record RealmMatch(int realm, int mask, boolean inverted) implements Match {
  @Override
  public String name() {
    return "realm";
  }

  private void appendValue(StringBuilder out) {
    out.append(Xt.hex(realm));
    if (mask != -1) {
      out.append('/').append(Xt.hex(mask));
    }
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(inverted ? " !" : "").append(" --realm ");
    appendValue(out);
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" realm ").append(inverted ? "! " : "");
    appendValue(out);
  }

  @Override
  public String notModelled() {
    return "netsim does not model routing realms";
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.UNDETERMINED;
  }

  /** The {@code realm} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("realm", List.of(OptionSpec.withArg("realm").invert().required()));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        RealmMatch parsed;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          CNumbers.Parsed value = CNumbers.strtoulPrefix(arg, 0, 0, 0xffffffffL, 0);
          if (value == null) {
            throw IptablesException.parameter("Realm \"" + arg + "\" not found");
          }
          int[] valueMask = Xt.markMask("realm", spec.name(), arg);
          parsed = new RealmMatch(valueMask[0], valueMask[1], inverted);
        }

        @Override
        public Match build(ParseContext ctx) {
          return parsed;
        }
      };
    }
  }
}
