package dev.netsim.rules.ext.match;

import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import java.util.List;

/**
 * {@code -m set --match-set NAME src,dst...}: membership in an ipset. The set must exist (as for iptables);
 * netsim does not model set contents, so evaluation is undetermined.
 */
public record SetMatch(String set, String directions, boolean inverted, boolean returnNomatch,
    boolean skipCounterUpdate, boolean skipSubcounterUpdate) implements Match {

  @Override
  public String name() {
    return "set";
  }

  private void dump(StringBuilder out, String dashes) {
    out.append(inverted ? " !" : "").append(' ').append(dashes).append("match-set ").append(set).append(' ')
        .append(directions);
    if (returnNomatch) {
      out.append(' ').append(dashes).append("return-nomatch");
    }
    if (skipCounterUpdate) {
      out.append(" ! ").append(dashes).append("update-counters");
    }
    if (skipSubcounterUpdate) {
      out.append(" ! ").append(dashes).append("update-subcounters");
    }
  }

  @Override
  public void appendSave(StringBuilder out) {
    dump(out, "--");
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    dump(out, "");
  }

  @Override
  public String notModelled() {
    return "netsim does not model ipset contents";
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.UNDETERMINED;
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    return "membership in ipset " + set + " is not modelled";
  }

  /** The {@code set} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("set", List.of(
          OptionSpec.withArg("match-set").invert(),
          OptionSpec.withArg("set").invert(),
          OptionSpec.flag("return-nomatch"),
          OptionSpec.flag("update-counters").invert(),
          OptionSpec.flag("update-subcounters").invert()));
    }

    @Override
    public boolean genericChecks() {
      return false;
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        String set;
        String directions;
        boolean inverted;
        boolean returnNomatch;
        boolean skipCounters;
        boolean skipSubcounters;

        @Override
        public void option(OptionSpec spec, String arg, boolean invert, ParseContext ctx) {
          switch (spec.name()) {
            case "match-set", "set" -> {
              if (set != null) {
                throw IptablesException.parameter("--match-set can be specified only once");
              }
              if (!ctx.words().hasNext()) {
                throw IptablesException.parameter("--match-set requires two args.");
              }
              directions = ctx.words().next();
              set = SetNames.checked(arg, ctx);
              SetNames.checkDirections(directions);
              inverted = invert;
            }
            case "return-nomatch" -> returnNomatch = true;
            case "update-counters" -> skipCounters = invert;
            default -> skipSubcounters = invert;
          }
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (set == null) {
            throw IptablesException.parameter("You must specify `--match-set' with proper arguments");
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new SetMatch(set, directions, inverted, returnNomatch, skipCounters, skipSubcounters);
        }
      };
    }
  }
}
