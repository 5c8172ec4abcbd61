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

/** {@code -m cpu --cpu N}: the CPU handling the packet; netsim has none: undetermined. */
public record CpuMatch(long cpu, boolean inverted) implements Match {
  @Override
  public String name() {
    return "cpu";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(inverted ? " !" : "").append(" --cpu ").append(cpu);
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" cpu ").append(inverted ? "! " : "").append(cpu);
  }

  @Override
  public String notModelled() {
    return "netsim does not model CPUs";
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.UNDETERMINED;
  }

  /** The {@code cpu} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("cpu", List.of(OptionSpec.withArg("cpu").invert().required()));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        CpuMatch parsed;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          parsed = new CpuMatch(Xt.uint("cpu", spec.name(), arg, 0, 0xffffffffL), inverted);
        }

        @Override
        public Match build(ParseContext ctx) {
          return parsed;
        }
      };
    }
  }
}
