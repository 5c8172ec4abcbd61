package dev.netsim.rules.ext.match;

import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.CNumbers;
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
 * {@code -m limit --limit RATE/UNIT --limit-burst N}: a token bucket, as nf_tables' limit (which iptables-nft
 * uses): it starts full with {@code burst} packets and refills one packet per period, on the virtual clock
 * of {@link PacketContext#nowNanos}. {@code average} is iptables' value: the period in 1/10000 s.
 */
public record LimitMatch(long average, int burst) implements Match {
  /** XT_LIMIT_SCALE. */
  static final long SCALE = 10000;
  private static final long[] UNIT_SECONDS = {24 * 60 * 60, 60 * 60, 60, 1};
  private static final String[] UNIT_NAMES = {"day", "hour", "min", "sec"};

  /** The bucket of one rule's limit match: tokens in nanoseconds of budget and the last refill time. */
  static final class Bucket {
    long tokens = -1;
    long last;
  }

  @Override
  public String name() {
    return "limit";
  }

  /** The index of the unit iptables prints the rate in. */
  private int unitIndex() {
    int i;
    for (i = 1; i < UNIT_SECONDS.length; i++) {
      long mult = UNIT_SECONDS[i] * SCALE;
      if (average > mult || mult / average < mult % average) {
        break;
      }
    }
    return i - 1;
  }

  /** The rate in packets per unit, as printed. */
  public long rate() {
    return UNIT_SECONDS[unitIndex()] * SCALE / average;
  }

  /** The unit of {@link #rate()} in seconds. */
  public long unitSeconds() {
    return UNIT_SECONDS[unitIndex()];
  }

  private String rateText() {
    return rate() + "/" + UNIT_NAMES[unitIndex()];
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(" --limit ").append(rateText());
    if (burst != 5) {
      out.append(" --limit-burst ").append(burst);
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" limit: avg ").append(rateText()).append(" burst ").append(burst);
  }

  @Override
  public boolean isStateful() {
    return true;
  }

  @Override
  public Object newState() {
    return new Bucket();
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    Bucket bucket = (Bucket) state;
    long cost = unitSeconds() * 1_000_000_000L / rate();
    long max = cost * burst;
    long now = packet.nowNanos;
    long tokens = bucket.tokens < 0 ? max : Math.min(max, bucket.tokens + (now - bucket.last));
    bucket.last = now;
    if (tokens >= cost) {
      bucket.tokens = tokens - cost;
      return MatchResult.MATCH;
    }
    bucket.tokens = tokens;
    return MatchResult.NO_MATCH;
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    return "over the limit of " + rateText() + " (burst " + burst + ")";
  }

  /** The {@code limit} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("limit", List.of(OptionSpec.withArg("limit"), OptionSpec.withArg("limit-burst")));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        long average = SCALE * 60 * 60 / 3;
        int burst = 5;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          if (spec.name().equals("limit")) {
            average = parseRate(arg);
          } else {
            burst = (int) Xt.uint("limit", spec.name(), arg, 0, 10000);
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new LimitMatch(average, burst);
        }
      };
    }
  }

  /** {@code parse_rate}: {@code N[/second|minute|hour|day]} (unit abbreviations allowed), as a period. */
  static long parseRate(String text) {
    int slash = text.indexOf('/');
    long seconds = 1;
    if (slash >= 0) {
      String unit = text.substring(slash + 1).toLowerCase(Locale.ROOT);
      if (unit.isEmpty()) {
        throw badRate(text);
      } else if ("second".startsWith(unit)) {
        seconds = 1;
      } else if ("minute".startsWith(unit)) {
        seconds = 60;
      } else if ("hour".startsWith(unit)) {
        seconds = 60 * 60;
      } else if ("day".startsWith(unit)) {
        seconds = 24 * 60 * 60;
      } else {
        throw badRate(text);
      }
    }
    long rate = atoi(text);
    if (rate == 0) {
      throw badRate(text);
    }
    long average = SCALE * seconds / rate;
    if (average == 0) {
      throw IptablesException.parameter("Rate too fast \"" + text + "\"\n");
    }
    return average;
  }

  private static IptablesException badRate(String text) {
    return IptablesException.parameter("bad rate \"" + text + "\"'");
  }

  /** C's {@code atoi}: leading decimal digits (after blanks and a sign), 0 when none. */
  private static long atoi(String text) {
    CNumbers.Parsed parsed = CNumbers.strtoumax(text, 0, 10);
    return parsed.end() == 0 ? 0 : (int) parsed.value();
  }
}
