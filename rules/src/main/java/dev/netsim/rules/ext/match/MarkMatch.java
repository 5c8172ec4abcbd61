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

/** {@code -m mark --mark VALUE[/MASK]}: the packet mark ANDed with MASK equals VALUE; negatable. */
public record MarkMatch(int mark, int mask, boolean inverted) implements Match {
  @Override
  public String name() {
    return "mark";
  }

  /** {@code 0x1} or {@code 0x1/0xff} with a leading space. */
  static void appendMark(StringBuilder out, int mark, int mask) {
    out.append(' ').append(Xt.hex(mark));
    if (mask != -1) {
      out.append('/').append(Xt.hex(mask));
    }
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(inverted ? " !" : "").append(" --mark");
    appendMark(out, mark, mask);
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" mark match").append(inverted ? " !" : "");
    appendMark(out, mark, mask);
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.of((packet.mark & mask) == mark, inverted);
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    StringBuilder wanted = new StringBuilder();
    appendMark(wanted, mark, mask);
    return "mark is " + Xt.hex(packet.mark) + ", rule wants" + (inverted ? " !" : "") + wanted;
  }

  /** The {@code mark} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("mark", List.of(OptionSpec.withArg("mark").invert().required()));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        MarkMatch parsed;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          int[] markMask = Xt.markMask("mark", "mark", arg);
          parsed = new MarkMatch(markMask[0], markMask[1], inverted);
        }

        @Override
        public Match build(ParseContext ctx) {
          return parsed;
        }
      };
    }
  }
}
