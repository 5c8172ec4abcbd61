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

/**
 * {@code -m statistic --mode random --probability P} (random: undetermined, netsim does not draw) or
 * {@code --mode nth --every N [--packet P]} (every N-th packet, counted per rule as the kernel does).
 * {@code probability} is kept as the kernel's 31-bit fraction.
 */
public record StatisticMatch(boolean random, long probability, int every, int packet, boolean inverted)
    implements Match {
  /** The nth-mode counter of one rule. */
  static final class Counter {
    int count;
  }

  @Override
  public String name() {
    return "statistic";
  }

  private void dump(StringBuilder out, String dashes) {
    if (random) {
      out.append(' ').append(dashes).append("mode random").append(inverted ? " !" : "").append(' ')
          .append(dashes).append("probability ")
          .append(String.format(Locale.ROOT, "%.11f", probability / (double) 0x80000000L));
    } else {
      out.append(' ').append(dashes).append("mode nth").append(inverted ? " !" : "").append(' ').append(dashes)
          .append("every ").append(every + 1);
      if (packet != 0 || !dashes.isEmpty()) {
        out.append(' ').append(dashes).append("packet ").append(packet);
      }
    }
  }

  @Override
  public void appendSave(StringBuilder out) {
    dump(out, "--");
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" statistic");
    dump(out, "");
  }

  @Override
  public boolean isStateful() {
    return !random;
  }

  @Override
  public Object newState() {
    Counter counter = new Counter();
    counter.count = every - packet;
    return counter;
  }

  @Override
  public String notModelled() {
    return random ? "netsim does not draw random samples (--mode random)" : null;
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    if (random) {
      return MatchResult.UNDETERMINED;
    }
    Counter counter = (Counter) state;
    counter.count = counter.count == every ? 0 : counter.count + 1;
    return MatchResult.of(counter.count == 0, inverted);
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    return "not the packet of every " + (every + 1) + " this rule picks";
  }

  /** The {@code statistic} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("statistic", List.of(
          OptionSpec.withArg("mode").required(),
          OptionSpec.withArg("probability").invert(),
          OptionSpec.withArg("every").invert().needing("packet"),
          OptionSpec.withArg("packet")));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        Boolean random;
        Long probability;
        Integer every;
        int packet;
        boolean inverted;

        @Override
        public void option(OptionSpec spec, String arg, boolean invert, ParseContext ctx) {
          switch (spec.name()) {
            case "mode" -> {
              if (arg.equals("random")) {
                random = true;
              } else if (arg.equals("nth")) {
                random = false;
              } else {
                throw IptablesException.parameter("Bad mode \"" + arg + "\"");
              }
            }
            case "probability" -> {
              double value;
              try {
                value = Double.parseDouble(arg);
              } catch (NumberFormatException e) {
                throw Xt.badValue("statistic", spec.name(), 0, 1);
              }
              if (value < 0 || value > 1) {
                throw Xt.badValue("statistic", spec.name(), 0, 1);
              }
              probability = Math.round(0x80000000L * value);
              inverted = invert;
            }
            case "every" -> {
              every = (int) Xt.uint("statistic", spec.name(), arg, 1, 0xffffffffL) - 1;
              inverted = invert;
            }
            default -> packet = (int) Xt.uint("statistic", spec.name(), arg, 0, 0xffffffffL);
          }
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          boolean isRandom = random == null || random;
          if (probability != null && !isRandom) {
            throw IptablesException.parameter("--probability can only be used in random mode");
          }
          if (every != null && isRandom) {
            throw IptablesException.parameter("--every can only be used in nth mode");
          }
          if (isRandom && probability == null) {
            throw IptablesException.parameter("--probability must be specified when using random mode");
          }
          if (!isRandom && every != null && packet > every) {
            throw IptablesException.parameter("the --packet p must be 0 <= p <= n-1");
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new StatisticMatch(random, probability == null ? 0 : probability, every == null ? 0 : every,
              packet, inverted);
        }
      };
    }
  }
}
