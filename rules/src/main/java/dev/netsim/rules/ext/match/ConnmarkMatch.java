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

/**
 * {@code -m connmark --mark VALUE[/MASK]}: the connection's mark ANDed with MASK equals VALUE; negatable.
 * A packet without a conntrack entry does not match.
 */
public record ConnmarkMatch(int mark, int mask, boolean inverted) implements Match {
  @Override
  public String name() {
    return "connmark";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(inverted ? " !" : "").append(" --mark");
    MarkMatch.appendMark(out, mark, mask);
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" connmark match ").append(inverted ? "!" : "");
    MarkMatch.appendMark(out, mark, mask);
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    if (packet.conntrack == null) {
      return MatchResult.NO_MATCH;
    }
    return MatchResult.of((packet.conntrack.mark() & mask) == mark, inverted);
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    if (packet.conntrack == null) {
      return "packet has no conntrack entry";
    }
    StringBuilder wanted = new StringBuilder();
    MarkMatch.appendMark(wanted, mark, mask);
    return "connection mark is " + Xt.hex(packet.conntrack.mark()) + ", rule wants" + (inverted ? " !" : "")
        + wanted;
  }

  @Override
  public boolean needsConntrack() {
    return true;
  }

  /** The {@code connmark} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("connmark", List.of(OptionSpec.withArg("mark").invert().required()));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        ConnmarkMatch parsed;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          int[] markMask = Xt.markMask("connmark", "mark", arg);
          parsed = new ConnmarkMatch(markMask[0], markMask[1], inverted);
        }

        @Override
        public Match build(ParseContext ctx) {
          return parsed;
        }
      };
    }
  }
}
