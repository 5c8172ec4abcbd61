package dev.netsim.rules.ext.match;

import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.CNumbers;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.KernelError;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Placement;
import java.util.List;
import java.util.Locale;

/**
 * {@code -m rateest}: compares the rates of RATEEST estimators (absolute, relative to another estimator, or
 * as deltas). netsim does not estimate rates: undetermined. Fields hold {@code xt_rateest_match_info}.
 *
 * @param name2 the second estimator for relative mode, null in absolute mode
 * @param op {@code eq}, {@code lt} or {@code gt}; null when none was given (the kernel refuses that)
 */
public record RateestMatch(String name1, String name2, boolean delta, boolean bps, boolean pps, long bps1,
    long bps2, long pps1, long pps2, String op, boolean inverted) implements Match {
  @Override
  public String name() {
    return "rateest";
  }

  private static void appendRate(StringBuilder out, long rate, boolean numeric) {
    double bits = (double) rate * 8;
    if (numeric) {
      out.append(' ').append(rate);
    } else if (bits >= 1000.0 * 1000000.0) {
      out.append(String.format(Locale.ROOT, " %.0fMbit", bits / 1000000.0));
    } else if (bits >= 1000.0 * 1000.0) {
      out.append(String.format(Locale.ROOT, " %.0fKbit", bits / 1000.0));
    } else {
      out.append(String.format(Locale.ROOT, " %.0fbit", bits));
    }
  }

  private void appendOp(StringBuilder out, String prefix) {
    out.append(inverted ? " !" : "").append(' ').append(prefix).append(op);
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    boolean absolute = name2 == null;
    out.append(" rateest match ").append(name1).append(delta ? " delta" : "");
    if (bps) {
      out.append(" bps");
      if (delta) {
        appendRate(out, bps1, numeric);
      }
      if (absolute) {
        appendRate(out, bps2, numeric);
        appendOp(out, "");
      }
    }
    if (pps) {
      out.append(" pps");
      if (delta) {
        out.append(' ').append(pps1);
      }
      if (absolute) {
        appendOp(out, "");
        out.append(' ').append(pps2);
      }
    }
    if (!absolute) {
      appendOp(out, "");
      out.append(' ').append(name2);
      if (bps) {
        out.append(" bps");
        if (delta) {
          appendRate(out, bps2, numeric);
        }
      }
      if (pps) {
        out.append(" pps");
        if (delta) {
          out.append(' ').append(pps2);
        }
      }
    }
  }

  private void appendSaveRate(StringBuilder out, String unit, long r1, long r2, boolean numeric) {
    if (delta) {
      out.append(" --rateest-").append(unit).append('1');
      appendRate(out, r1, numeric);
      appendOp(out, "--rateest-");
      out.append(" --rateest-").append(unit).append('2');
    } else {
      appendOp(out, "--rateest-");
      out.append(" --rateest-").append(unit);
    }
    if (name2 == null || delta) {
      appendRate(out, r2, numeric);
    }
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(delta ? " --rateest-delta" : "");
    out.append(name2 != null ? " --rateest1 " : " --rateest ").append(name1);
    if (bps) {
      appendSaveRate(out, "bps", bps1, bps2, false);
    }
    if (pps) {
      appendSaveRate(out, "pps", pps1, pps2, true);
    }
    if (name2 != null) {
      out.append(" --rateest2 ").append(name2);
    }
  }

  @Override
  public String notModelled() {
    return "netsim does not estimate rates";
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.UNDETERMINED;
  }

  @Override
  public KernelError check(Placement placement) {
    return op == null || !bps && !pps ? KernelError.EINVAL : null;
  }

  /** The {@code rateest} module (an old-style parser: rates are optional words after the option). */
  public static final class Module extends MatchModule {
    private static final String[] SUFFIXES = {"bit", "Kibit", "kbit", "Mibit", "mbit", "Gibit", "gbit", "Tibit",
        "tbit", "Bps", "KiBps", "KBps", "MiBps", "MBps", "GiBps", "GBps", "TiBps", "TBps"};
    private static final double[] SCALES = {1., 1024., 1000., 1024. * 1024., 1000000., 1024. * 1024. * 1024.,
        1000000000., 1024. * 1024. * 1024. * 1024., 1000000000000., 8., 8. * 1024., 8000., 8. * 1024 * 1024.,
        8000000., 8. * 1024. * 1024. * 1024., 8000000000., 8. * 1024. * 1024. * 1024. * 1024., 8000000000000.};

    public Module() {
      super("rateest", List.of(
          OptionSpec.withArg("rateest1").invert().repeat().alias("rateest"),
          OptionSpec.withArg("rateest2").invert().repeat(),
          OptionSpec.flag("rateest-bps1").invert().repeat(),
          OptionSpec.flag("rateest-pps1").invert().repeat(),
          OptionSpec.flag("rateest-bps2").invert().repeat().alias("rateest-bps"),
          OptionSpec.flag("rateest-pps2").invert().repeat().alias("rateest-pps"),
          OptionSpec.flag("rateest-delta").invert().repeat(),
          OptionSpec.flag("rateest-lt").invert().repeat(),
          OptionSpec.flag("rateest-gt").invert().repeat(),
          OptionSpec.flag("rateest-eq").invert().repeat()));
    }

    /** {@code rateest_get_rate}: a number with an optional unit, as bytes per second. */
    static long rate(String text) {
      String number = text.replaceFirst("^([\\s]*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?).*$", "$1");
      if (number.equals(text) && !text.matches("[\\s]*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
        return -1;
      }
      double value = Double.parseDouble(number.strip());
      String suffix = text.substring(number.length());
      if (suffix.isEmpty()) {
        return (long) (value / 8.) & 0xffffffffL;
      }
      for (int i = 0; i < SUFFIXES.length; i++) {
        if (SUFFIXES[i].equalsIgnoreCase(suffix)) {
          return (long) (value * SCALES[i] / 8.) & 0xffffffffL;
        }
      }
      return -1;
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        final java.util.Set<String> seen = new java.util.HashSet<>();
        String name1 = "";
        String name2;
        boolean delta;
        boolean bps;
        boolean pps;
        long bps1;
        long bps2;
        long pps1;
        long pps2;
        String op;
        boolean inverted;

        private void once(String key, String message) {
          if (!seen.add(key)) {
            throw IptablesException.parameter("rateest: " + message);
          }
        }

        private void notInverted(boolean inverted, String what) {
          if (inverted) {
            throw IptablesException.parameter("rateest: " + what + " can't be inverted");
          }
        }

        private long bpsWord(ParseContext ctx) {
          if (!ctx.words().hasNext()) {
            return 0;
          }
          String word = ctx.words().next();
          long value = rate(word);
          if (value < 0) {
            throw IptablesException.parameter("rateest: could not parse rate `" + word + "'");
          }
          return value;
        }

        private long ppsWord(ParseContext ctx) {
          if (!ctx.words().hasNext()) {
            return 0;
          }
          String word = ctx.words().next();
          long value = CNumbers.parseUnsigned(word, 0, 0xffffffffL);
          if (value < 0) {
            throw IptablesException.parameter("rateest: could not parse pps `" + word + "'");
          }
          return value;
        }

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "rateest1" -> {
              notInverted(inverted, "rateest");
              once("rateest1", "can't specify --rateest1 twice");
              name1 = arg.length() > 15 ? arg.substring(0, 15) : arg;
            }
            case "rateest2" -> {
              notInverted(inverted, "rateest");
              once("rateest2", "can't specify --rateest2 twice");
              name2 = arg.length() > 15 ? arg.substring(0, 15) : arg;
            }
            case "rateest-bps1" -> {
              notInverted(inverted, "rateest-bps");
              once("bps1", "can't specify --rateest-bps1 twice");
              bps = true;
              bps1 = bpsWord(ctx);
            }
            case "rateest-bps2" -> {
              notInverted(inverted, "rateest-bps");
              once("bps2", "can't specify --rateest-bps2 twice");
              bps = true;
              bps2 = bpsWord(ctx);
            }
            case "rateest-pps1" -> {
              notInverted(inverted, "rateest-pps");
              once("pps1", "can't specify --rateest-pps1 twice");
              pps = true;
              pps1 = ppsWord(ctx);
            }
            case "rateest-pps2" -> {
              notInverted(inverted, "rateest-pps");
              once("pps2", "can't specify --rateest-pps2 twice");
              pps = true;
              pps2 = ppsWord(ctx);
            }
            case "rateest-delta" -> {
              notInverted(inverted, "rateest-delta");
              once("delta", "can't specify --rateest-delta twice");
              delta = true;
            }
            default -> {
              once(spec.name(), "can't specify lt/gt/eq twice");
              op = spec.name().substring("rateest-".length());
              this.inverted |= inverted;
            }
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new RateestMatch(name1, name2, delta, bps, pps, bps1, bps2, pps1, pps2, op, inverted);
        }
      };
    }
  }
}
