package dev.netsim.rules.ext.target;

import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.ext.TargetModule;
import java.util.List;
import java.util.Locale;

/**
 * {@code -j RATEEST --rateest-name N --rateest-interval T --rateest-ewmalog T}: feeds a rate estimator
 * (for {@code -m rateest}); the packet continues. Interval and averaging time are kept as the kernel keeps
 * them: {@code interval} is log2(interval / 250 ms), {@code ewmaLog} the averaging exponent.
 */
public record RateestTarget(String estimator, int interval, int ewmaLog) implements Target {
  private static final double MICROS = 1_000_000;

  @Override
  public String name() {
    return "RATEEST";
  }

  private void dump(StringBuilder out, String dashes) {
    long micros = (1_000_000L << (interval + 2)) / 4;
    out.append(' ').append(dashes).append("interval ").append(time(micros));
    out.append(' ').append(dashes).append("ewmalog ").append(time(micros * (1L << ewmaLog)));
  }

  private static String time(long micros) {
    if (micros >= MICROS) {
      return String.format(Locale.ROOT, "%.1fs", micros / MICROS);
    }
    if (micros >= MICROS / 1000) {
      return String.format(Locale.ROOT, "%.1fms", micros / (MICROS / 1000));
    }
    return micros + "us";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(" --rateest-name ").append(estimator);
    dump(out, "--rateest-");
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" name ").append(estimator);
    dump(out, "");
  }

  @Override
  public Verdict apply(PacketContext packet) {
    return Verdict.CONTINUE;
  }

  /** The {@code RATEEST} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("RATEEST", List.of(
          OptionSpec.withArg("rateest-name"),
          OptionSpec.withArg("rateest-interval"),
          OptionSpec.withArg("rateest-ewmalog")));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        String estimator;
        double interval;
        double ewma;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "rateest-name" -> estimator = arg;
            case "rateest-interval" -> interval = micros(arg, "interval");
            default -> ewma = micros(arg, "ewmalog");
          }
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (estimator == null) {
            throw IptablesException.parameter("RATEEST: no name specified");
          }
          if (interval == 0) {
            throw IptablesException.parameter("RATEEST: no interval specified");
          }
          if (ewma == 0) {
            throw IptablesException.parameter("RATEEST: no ewmalog specified");
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          int log;
          for (log = 0; log <= 5; log++) {
            if (interval <= (1 << log) * (MICROS / 4)) {
              break;
            }
          }
          if (log > 5) {
            throw IptablesException.parameter("RATEEST: interval value is too large");
          }
          int ewmaLog;
          for (ewmaLog = 1; ewmaLog < 32; ewmaLog++) {
            double weight = 1.0 - 1.0 / (1L << ewmaLog);
            if (interval / -Math.log(weight) > ewma) {
              break;
            }
          }
          ewmaLog--;
          if (ewmaLog == 0 || ewmaLog >= 31) {
            throw IptablesException.parameter("RATEEST: ewmalog out of range");
          }
          return new RateestTarget(estimator, log - 2, ewmaLog);
        }
      };
    }
  }

  /** {@code RATEEST_get_time}: a decimal with an optional unit s/sec/secs, ms/..., us/...; microseconds. */
  private static double micros(String text, String what) {
    int i = 0;
    while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
      i++;
    }
    if (i == 0) {
      throw IptablesException.parameter("RATEEST: bad " + what + " value `" + text + "'");
    }
    double value = Double.parseDouble(text.substring(0, i));
    String unit = text.substring(i).toLowerCase(Locale.ROOT);
    return switch (unit) {
      case "", "s", "sec", "secs" -> value * MICROS;
      case "ms", "msec", "msecs" -> value * (MICROS / 1000);
      case "us", "usec", "usecs" -> value;
      default -> throw IptablesException.parameter("RATEEST: bad " + what + " value `" + text + "'");
    };
  }
}
