package dev.netsim.rules.ext.match;

import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Xt;
import java.util.List;

/** {@code -m ttl --ttl-eq|--ttl-lt|--ttl-gt N} ({@code ! --ttl-eq} for not equal): the packet's TTL. */
public record TtlMatch(Op op, int value) implements Match {
  /** The comparison. */
  public enum Op {
    EQ("--ttl-eq", "=="),
    NE("--ttl-eq", "!="),
    LT("--ttl-lt", "<"),
    GT("--ttl-gt", ">");

    final String option;
    final String symbol;

    Op(String option, String symbol) {
      this.option = option;
      this.symbol = symbol;
    }
  }

  @Override
  public String name() {
    return "ttl";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(op == Op.NE ? " !" : "").append(' ').append(op.option).append(' ').append(value);
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" TTL match TTL ").append(op.symbol).append(' ').append(value);
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.of(switch (op) {
      case EQ -> packet.ttl == value;
      case NE -> packet.ttl != value;
      case LT -> packet.ttl < value;
      case GT -> packet.ttl > value;
    });
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    return "TTL is " + packet.ttl + ", rule wants TTL " + op.symbol + " " + value;
  }

  /** The {@code ttl} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("ttl", List.of(
          OptionSpec.withArg("ttl-eq").invert().excluding("ttl-lt", "ttl-gt"),
          OptionSpec.withArg("ttl-lt").excluding("ttl-eq", "ttl-gt"),
          OptionSpec.withArg("ttl-gt").excluding("ttl-eq", "ttl-lt")));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        Op op;
        int value;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          value = (int) Xt.uint("ttl", spec.name(), arg, 0, 255);
          op = switch (spec.name()) {
            case "ttl-eq" -> inverted ? Op.NE : Op.EQ;
            case "ttl-lt" -> Op.LT;
            default -> Op.GT;
          };
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (op == null) {
            throw IptablesException.parameter("TTL match: You must specify one of `--ttl-eq', `--ttl-lt', `--ttl-gt");
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new TtlMatch(op, value);
        }
      };
    }
  }
}
