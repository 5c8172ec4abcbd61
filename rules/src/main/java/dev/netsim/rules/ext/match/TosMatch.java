package dev.netsim.rules.ext.match;

import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import java.util.List;
import java.util.Locale;

/** {@code -m tos --tos VALUE[/MASK]|NAME}: the TOS byte ANDed with MASK equals VALUE; negatable. */
public record TosMatch(int value, int mask, boolean inverted) implements Match {
  @Override
  public String name() {
    return "tos";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(inverted ? " !" : "").append(String.format(Locale.ROOT, " --tos 0x%02x/0x%02x", value, mask));
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" tos match").append(inverted ? "!" : "");
    if (!numeric && mask == 0x3f && TosValues.symbol(value) != null) {
      out.append(' ').append(TosValues.symbol(value));
    } else {
      out.append(String.format(Locale.ROOT, "0x%02x/0x%02x", value, mask));
    }
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.of((packet.tos & mask) == value, inverted);
  }

  /** The {@code tos} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("tos", List.of(OptionSpec.withArg("tos").invert().required()));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        TosMatch parsed;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          int[] valueMask = TosValues.parse(arg, 0x3f);
          parsed = new TosMatch(valueMask[0], valueMask[1], inverted);
        }

        @Override
        public Match build(ParseContext ctx) {
          return parsed;
        }
      };
    }
  }
}
