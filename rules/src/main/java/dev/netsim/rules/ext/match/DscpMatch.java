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
import java.util.Locale;

/** {@code -m dscp --dscp V|--dscp-class C}: the DSCP bits of the TOS byte; negatable. */
public record DscpMatch(int dscp, boolean inverted) implements Match {
  @Override
  public String name() {
    return "dscp";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(inverted ? " !" : "").append(String.format(Locale.ROOT, " --dscp 0x%02x", dscp));
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" DSCP match ").append(inverted ? "!" : "").append(String.format(Locale.ROOT, "0x%02x", dscp));
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.of((packet.tos >> 2) == dscp, inverted);
  }

  /** The {@code dscp} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("dscp", List.of(
          OptionSpec.withArg("dscp").invert().excluding("dscp-class"),
          OptionSpec.withArg("dscp-class").invert().excluding("dscp")));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        Integer dscp;
        boolean inverted;

        @Override
        public void option(OptionSpec spec, String arg, boolean invert, ParseContext ctx) {
          dscp = spec.name().equals("dscp") ? (int) Xt.uint("dscp", spec.name(), arg, 0, 63)
              : DscpClasses.value(arg);
          inverted = invert;
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (dscp == null) {
            throw IptablesException.parameter("DSCP match: Parameter --dscp is required");
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new DscpMatch(dscp, inverted);
        }
      };
    }
  }
}
