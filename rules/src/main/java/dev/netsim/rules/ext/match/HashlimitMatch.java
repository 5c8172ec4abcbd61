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
import dev.netsim.rules.ext.Xt;
import java.util.List;

/**
 * {@code -m hashlimit} (revision 3): a token bucket per group of packets (by address/port). netsim parses and
 * prints it exactly (the kernel's {@code hashlimit_cfg3} fields are kept) but does not model the buckets:
 * undetermined.
 *
 * @param mode the kernel's mode bits ({@code XT_HASHLIMIT_*})
 * @param avg packets mode: the period per packet in 1/1000000 s; bytes mode: the kernel's cost value
 */
public record HashlimitMatch(int mode, long avg, long burst, long size, long max, long gcInterval, long expire,
    int srcMask, int dstMask, long interval, String table) implements Match {
  static final int HASH_DIP = 1;
  static final int HASH_DPT = 2;
  static final int HASH_SIP = 4;
  static final int HASH_SPT = 8;
  static final int INVERT = 0x10;
  static final int BYTES = 0x20;
  static final int RATE_MATCH = 0x40;
  static final long SCALE = 1_000_000L;
  static final long DEFAULT_BURST = 5;
  static final long BURST_MAX = 1_000_000;
  static final long DEFAULT_GC_INTERVAL = 1000;
  static final long BYTE_EXPIRE = 15;
  static final long BYTE_EXPIRE_BURST = 60;
  private static final long UINT32_MAX = 0xffffffffL;
  private static final String[] RATE_NAMES = {"day", "hour", "min", "sec"};
  private static final long[] RATE_MULTS = {SCALE * 86400, SCALE * 3600, SCALE * 60, SCALE};
  private static final String[] UNIT_NAMES = {"m", "k", ""};
  private static final long[] UNIT_THRESHOLDS = {1024 * 1024, 1024, 1};

  @Override
  public String name() {
    return "hashlimit";
  }

  static long costToBytes(long cost) {
    long r = cost != 0 ? Long.divideUnsigned(UINT32_MAX, cost) : UINT32_MAX;
    return (r - 1) << 4;
  }

  static long bytesToCost(long bytes) {
    long r = (bytes >>> 4) & UINT32_MAX;
    return UINT32_MAX / ((r + 1) & UINT32_MAX);
  }

  /** {@code print_rate}: appends " N/unit", returns the quantum in ms. */
  private static long appendRate(StringBuilder out, long period) {
    if (period == 0) {
      out.append(" inf");
      return 0;
    }
    int i = 1;
    for (; i < RATE_MULTS.length; i++) {
      if (Long.compareUnsigned(period, RATE_MULTS[i]) > 0
          || Long.compareUnsigned(Long.divideUnsigned(RATE_MULTS[i], period),
              Long.remainderUnsigned(RATE_MULTS[i], period)) < 0) {
        break;
      }
    }
    out.append(' ').append(Long.toUnsignedString(Long.divideUnsigned(RATE_MULTS[i - 1], period))).append('/')
        .append(RATE_NAMES[i - 1]);
    return (RATE_MULTS[i - 1] / SCALE * 1000) & UINT32_MAX;
  }

  /** {@code print_bytes}: appends the byte rate and burst, returns the quantum in ms. */
  private long appendBytes(StringBuilder out, String prefix) {
    long r = costToBytes(avg);
    int i = 0;
    for (; i < UNIT_THRESHOLDS.length - 1; i++) {
      if (Long.compareUnsigned(r, UNIT_THRESHOLDS[i]) >= 0 && bytesToCost(r & ~(UNIT_THRESHOLDS[i] - 1)) == avg) {
        break;
      }
    }
    out.append(' ').append(Long.toUnsignedString(Long.divideUnsigned(r, UNIT_THRESHOLDS[i]))).append(UNIT_NAMES[i])
        .append("b/s");
    if (burst == 0) {
      return BYTE_EXPIRE * 1000;
    }
    r *= burst;
    out.append(' ').append(prefix);
    for (i = 0; i < UNIT_THRESHOLDS.length - 1; i++) {
      if (Long.compareUnsigned(r, UNIT_THRESHOLDS[i]) >= 0) {
        break;
      }
    }
    out.append("burst ").append(Long.toUnsignedString(Long.divideUnsigned(r, UNIT_THRESHOLDS[i])))
        .append(UNIT_NAMES[i]).append('b');
    return BYTE_EXPIRE_BURST * 1000;
  }

  private void appendMode(StringBuilder out, char separator) {
    out.append(' ');
    String sep = "";
    int[] bits = {HASH_SIP, HASH_SPT, HASH_DIP, HASH_DPT};
    String[] names = {"srcip", "srcport", "dstip", "dstport"};
    for (int i = 0; i < bits.length; i++) {
      if ((mode & bits[i]) != 0) {
        out.append(sep).append(names[i]);
        sep = String.valueOf(separator);
      }
    }
  }

  private boolean hasHashMode() {
    return (mode & (HASH_SIP | HASH_SPT | HASH_DIP | HASH_DPT)) != 0;
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append((mode & INVERT) != 0 ? " --hashlimit-above" : " --hashlimit-upto");
    long quantum;
    if ((mode & BYTES) != 0) {
      quantum = appendBytes(out, "--hashlimit-");
    } else {
      quantum = appendRate(out, avg);
      out.append(" --hashlimit-burst ").append(Long.toUnsignedString(burst));
    }
    if (hasHashMode()) {
      out.append(" --hashlimit-mode");
      appendMode(out, ',');
    }
    out.append(" --hashlimit-name ").append(table);
    appendTail(out, "--hashlimit-", quantum);
  }

  private void appendTail(StringBuilder out, String prefix, long quantum) {
    if (size != 0) {
      out.append(' ').append(prefix).append("htable-size ").append(size);
    }
    if (max != 0) {
      out.append(' ').append(prefix).append("htable-max ").append(max);
    }
    if (gcInterval != DEFAULT_GC_INTERVAL) {
      out.append(' ').append(prefix).append("htable-gcinterval ").append(gcInterval);
    }
    if (expire != quantum) {
      out.append(' ').append(prefix).append("htable-expire ").append(expire);
    }
    if (srcMask != 32) {
      out.append(' ').append(prefix).append("srcmask ").append(srcMask);
    }
    if (dstMask != 32) {
      out.append(' ').append(prefix).append("dstmask ").append(dstMask);
    }
    if ((mode & RATE_MATCH) != 0) {
      out.append(' ').append(prefix).append("rate-match");
      if (interval != 1) {
        out.append(' ').append(prefix).append("rate-interval ").append(interval);
      }
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append((mode & INVERT) != 0 ? " limit: above" : " limit: up to");
    long quantum;
    if ((mode & BYTES) != 0) {
      quantum = appendBytes(out, "");
    } else {
      quantum = appendRate(out, interval != 0 ? avg * interval : avg);
      out.append(" burst ").append(Long.toUnsignedString(burst));
    }
    if (hasHashMode()) {
      out.append(" mode");
      appendMode(out, '-');
    }
    appendTail(out, "", quantum);
  }

  @Override
  public String notModelled() {
    return "netsim does not model hashlimit's buckets";
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.UNDETERMINED;
  }

  @Override
  public KernelError check(Placement placement) {
    if (gcInterval == 0 || expire == 0 || srcMask > 32 || dstMask > 32 || table.isEmpty()) {
      return KernelError.EINVAL;
    }
    if ((mode & RATE_MATCH) != 0 && (avg == 0 || Long.compareUnsigned(avg, UINT32_MAX) > 0 || interval == 0)) {
      return KernelError.EINVAL;
    }
    return null;
  }

  /** The {@code hashlimit} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("hashlimit", List.of(
          OptionSpec.withArg("hashlimit-upto").invert().excluding("hashlimit-above").alias("hashlimit"),
          OptionSpec.withArg("hashlimit-above").invert().excluding("hashlimit-upto"),
          OptionSpec.withArg("hashlimit-srcmask"),
          OptionSpec.withArg("hashlimit-dstmask"),
          OptionSpec.withArg("hashlimit-burst"),
          OptionSpec.withArg("hashlimit-htable-size"),
          OptionSpec.withArg("hashlimit-htable-max"),
          OptionSpec.withArg("hashlimit-htable-gcinterval"),
          OptionSpec.withArg("hashlimit-htable-expire"),
          OptionSpec.withArg("hashlimit-mode"),
          OptionSpec.withArg("hashlimit-name").required(),
          OptionSpec.flag("hashlimit-rate-match"),
          OptionSpec.withArg("hashlimit-rate-interval")));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        int mode;
        long avg;
        long burst = DEFAULT_BURST;
        boolean burstGiven;
        long size;
        long max;
        long gcInterval = DEFAULT_GC_INTERVAL;
        long expire;
        boolean expireGiven;
        int srcMask = 32;
        int dstMask = 32;
        long interval;
        String table;
        boolean rateGiven;
        boolean rateMatch;
        long mult = 1;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "hashlimit-upto", "hashlimit-above" -> {
              boolean above = spec.name().equals("hashlimit-above");
              if (above != inverted) {
                mode |= INVERT;
              }
              if (parseBytes(arg)) {
                mode |= BYTES;
              } else if (!parseRate(arg)) {
                throw Xt.badOptionValue("hashlimit", "--" + spec.name(), arg);
              }
              rateGiven = true;
            }
            case "hashlimit-srcmask" -> srcMask = (int) Xt.uint("hashlimit", spec.name(), arg, 0, 32);
            case "hashlimit-dstmask" -> dstMask = (int) Xt.uint("hashlimit", spec.name(), arg, 0, 32);
            case "hashlimit-burst" -> {
              burst = parseBurst(arg);
              burstGiven = true;
            }
            case "hashlimit-htable-size" -> size = Xt.uint("hashlimit", spec.name(), arg, 0, UINT32_MAX);
            case "hashlimit-htable-max" -> max = Xt.uint("hashlimit", spec.name(), arg, 0, UINT32_MAX);
            case "hashlimit-htable-gcinterval" -> gcInterval = Xt.uint("hashlimit", spec.name(), arg, 0, UINT32_MAX);
            case "hashlimit-htable-expire" -> {
              expire = Xt.uint("hashlimit", spec.name(), arg, 0, UINT32_MAX);
              expireGiven = true;
            }
            case "hashlimit-mode" -> {
              for (String token : arg.split("[,|]")) {
                switch (token) {
                  case "" -> {
                    // strtok skips empty tokens
                  }
                  case "dstip" -> mode |= HASH_DIP;
                  case "srcip" -> mode |= HASH_SIP;
                  case "srcport" -> mode |= HASH_SPT;
                  case "dstport" -> mode |= HASH_DPT;
                  default -> throw Xt.badOptionValue("hashlimit", "--hashlimit-mode", arg);
                }
              }
            }
            case "hashlimit-name" -> table = arg;
            case "hashlimit-rate-match" -> {
              mode |= RATE_MATCH;
              rateMatch = true;
            }
            default -> {
              long value = atol(arg);
              if (value <= 0 || value > Integer.MAX_VALUE) {
                throw Xt.badOptionValue("hashlimit", "--hashlimit-rate-interval", arg);
              }
              interval = value;
            }
          }
        }

        private boolean parseBytes(String rate) {
          int at = rate.indexOf("b/s");
          if (at <= 0) {
            return false;
          }
          long r = atol(rate);
          if (r == 0) {
            return false;
          }
          long value = r * factor(rate.charAt(at - 1));
          long cost = bytesToCost(value);
          if (cost == 0) {
            throw IptablesException.parameter("Rate too high \"" + rate + "\"");
          }
          mult = BYTE_EXPIRE;
          avg = cost;
          return true;
        }

        private boolean parseRate(String rate) {
          mult = 1;
          int slash = rate.indexOf('/');
          if (slash >= 0) {
            String unit = rate.substring(slash + 1).toLowerCase(java.util.Locale.ROOT);
            if (unit.isEmpty()) {
              return false;
            }
            if ("second".startsWith(unit)) {
              mult = 1;
            } else if ("minute".startsWith(unit)) {
              mult = 60;
            } else if ("hour".startsWith(unit)) {
              mult = 3600;
            } else if ("day".startsWith(unit)) {
              mult = 86400;
            } else {
              return false;
            }
          }
          long r = atol(rate);
          if (r == 0) {
            return false;
          }
          long period = Long.divideUnsigned(SCALE * mult, r);
          if (period == 0) {
            throw IptablesException.parameter("Rate too fast \"" + rate + "\"");
          }
          avg = period;
          return true;
        }

        private long parseBurst(String text) {
          CNumbers.Parsed parsed = CNumbers.strtoulPrefix(text, 0, 1, -1L, 0);
          if (parsed == null || parsed.end() == text.length() && Long.compareUnsigned(parsed.value(), BURST_MAX) > 0) {
            throw IptablesException.parameter(
                "bad value for option \"--hashlimit-burst\", or out of range (1-" + BURST_MAX + ").");
          }
          char next = parsed.end() < text.length() ? text.charAt(parsed.end()) : '\0';
          return parsed.value() * factor(next);
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (!rateGiven) {
            throw IptablesException.parameter("You have to specify --hashlimit");
          }
          if (!expireGiven) {
            expire = mult * 1000;
          }
          if ((mode & BYTES) != 0) {
            long bytesBurst = 0;
            if (burstGiven) {
              long unit = costToBytes(avg);
              if (Long.compareUnsigned(burst, unit) < 0) {
                throw IptablesException.parameter("burst cannot be smaller than " + Long.toUnsignedString(unit) + "b");
              }
              bytesBurst = (Long.divideUnsigned(burst, unit) + (Long.remainderUnsigned(burst, unit) != 0 ? 1 : 0))
                  & UINT32_MAX;
              if (!expireGiven) {
                expire = BYTE_EXPIRE_BURST * 1000;
              }
            }
            burst = bytesBurst;
          } else if (Long.compareUnsigned(burst, BURST_MAX) > 0) {
            throw IptablesException.parameter(
                "bad value for option \"--hashlimit-burst\", or out of range (1-" + BURST_MAX + ").");
          }
          if (rateMatch) {
            if ((mode & BYTES) == 0) {
              avg = Long.divideUnsigned(avg, mult);
            }
            if (interval == 0) {
              interval = (mode & BYTES) != 0 ? 1 : mult;
            }
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new HashlimitMatch(mode, avg, burst, size, max, gcInterval, expire, srcMask, dstMask, interval, table);
        }
      };
    }
  }

  private static long factor(char unit) {
    return switch (unit) {
      case 'm' -> 1024 * 1024;
      case 'k' -> 1024;
      default -> 1;
    };
  }

  /** C's {@code atoll}: leading blanks, sign, decimal digits; 0 when there are none. */
  private static long atol(String text) {
    return CNumbers.strtoumax(text, 0, 10).value();
  }
}
