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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * {@code -m time}: date range, time of day, weekdays and days of the month of the packet's arrival, against
 * {@link PacketContext#wallClockSeconds} (UTC; the kernel time zone is taken to be UTC). Fields hold the
 * kernel's {@code xt_time_info} values.
 *
 * @param dateStart seconds since 1970, 0 for none
 * @param dateStop seconds since 1970, {@link #NO_DATE_STOP} for none
 * @param daytimeStart seconds since midnight
 * @param daytimeStop seconds since midnight
 * @param monthdays bit N for day N of the month ({@link #ALL_MONTHDAYS} for all)
 * @param weekdays bit N for weekday N, Monday 1 ... Sunday 7 ({@link #ALL_WEEKDAYS} for all)
 */
public record TimeMatch(long dateStart, long dateStop, int daytimeStart, int daytimeStop, int monthdays,
    int weekdays, boolean kernelTz, boolean contiguous) implements Match {
  public static final long NO_DATE_STOP = Integer.MAX_VALUE;
  public static final int ALL_MONTHDAYS = 0xfffffffe;
  public static final int ALL_WEEKDAYS = 0xfe;
  public static final int MAX_DAYTIME = 24 * 60 * 60 - 1;
  private static final int DAY = 24 * 60 * 60;
  private static final String[] WEEK_DAYS = {null, "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

  @Override
  public String name() {
    return "time";
  }

  private static String daytime(int seconds) {
    return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  private static String date(long seconds, char separator) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    return String.format(Locale.ROOT, "%04d-%02d-%02d%c%02d:%02d:%02d", time.getYear(), time.getMonthValue(),
        time.getDayOfMonth(), separator, time.getHour(), time.getMinute(), time.getSecond());
  }

  private boolean hasDaytime() {
    return daytimeStart != 0 || daytimeStop != MAX_DAYTIME;
  }

  private void appendMonthdays(StringBuilder out, boolean humanReadable) {
    out.append(' ');
    String separator = "";
    for (int day = 1; day <= 31; day++) {
      if ((monthdays & (1 << day)) != 0) {
        out.append(separator).append(day);
        separator = ",";
        if (humanReadable) {
          out.append(switch (day % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
          });
        }
      }
    }
  }

  private void appendWeekdays(StringBuilder out) {
    out.append(' ');
    String separator = "";
    for (int day = 1; day <= 7; day++) {
      if ((weekdays & (1 << day)) != 0) {
        out.append(separator).append(WEEK_DAYS[day]);
        separator = ",";
      }
    }
  }

  @Override
  public void appendSave(StringBuilder out) {
    if (hasDaytime()) {
      out.append(" --timestart ").append(daytime(daytimeStart)).append(" --timestop ").append(daytime(daytimeStop));
    }
    if (monthdays != ALL_MONTHDAYS) {
      out.append(" --monthdays");
      appendMonthdays(out, false);
    }
    if (weekdays != ALL_WEEKDAYS) {
      out.append(" --weekdays");
      appendWeekdays(out);
    }
    if (dateStart != 0) {
      out.append(" --datestart ").append(date(dateStart, 'T'));
    }
    if (dateStop != 0) {
      out.append(" --datestop ").append(date(dateStop, 'T'));
    }
    out.append(kernelTz ? " --kerneltz" : "").append(contiguous ? " --contiguous" : "");
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" TIME");
    if (hasDaytime()) {
      out.append(" from ").append(daytime(daytimeStart)).append(" to ").append(daytime(daytimeStop));
    }
    if (weekdays != ALL_WEEKDAYS) {
      out.append(" on");
      appendWeekdays(out);
    }
    if (monthdays != ALL_MONTHDAYS) {
      out.append(" on");
      appendMonthdays(out, true);
    }
    if (dateStart != 0) {
      out.append(" starting from ").append(date(dateStart, ' '));
    }
    if (dateStop != NO_DATE_STOP) {
      out.append(" until date");
      if (dateStop != 0) {
        out.append(' ').append(date(dateStop, ' '));
      }
    }
    out.append(kernelTz ? "" : " UTC").append(contiguous ? " contiguous" : "");
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return packet.wallClockSeconds == Long.MIN_VALUE ? MatchResult.UNDETERMINED
        : MatchResult.of(mismatch(packet.wallClockSeconds) == null);
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    String reason = packet.wallClockSeconds == Long.MIN_VALUE ? null : mismatch(packet.wallClockSeconds);
    return reason != null ? reason : Match.super.explainMismatch(packet);
  }

  /** Why the kernel's {@code time_mt} refuses a packet at {@code stamp}, or null when it matches. */
  private String mismatch(long stamp) {
    if (stamp < dateStart || stamp > dateStop) {
      return "date is " + date(stamp, ' ') + ", outside the rule's dates";
    }
    long time = Math.floorMod(stamp, DAY);
    if (daytimeStart < daytimeStop) {
      if (time < daytimeStart || time > daytimeStop) {
        return "time of day is " + daytime((int) time) + ", outside " + daytime(daytimeStart) + "-"
            + daytime(daytimeStop);
      }
    } else {
      if (time < daytimeStart && time > daytimeStop) {
        return "time of day is " + daytime((int) time) + ", outside " + daytime(daytimeStart) + "-"
            + daytime(daytimeStop);
      }
      if (contiguous && time <= daytimeStop) {
        stamp -= DAY;
      }
    }
    long days = Math.floorDiv(stamp, DAY);
    int weekday = (int) Math.floorMod(4 + days - 1, 7) + 1;
    if ((weekdays & (1 << weekday)) == 0) {
      return "weekday is " + WEEK_DAYS[weekday] + ", not one of the rule's";
    }
    if (monthdays != ALL_MONTHDAYS) {
      int monthday = LocalDate.ofEpochDay(days).getDayOfMonth();
      if ((monthdays & (1 << monthday)) == 0) {
        return "day of month is " + monthday + ", not one of the rule's";
      }
    }
    return null;
  }

  /** The {@code time} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("time", List.of(
          OptionSpec.withArg("datestart"),
          OptionSpec.withArg("datestop"),
          OptionSpec.withArg("timestart"),
          OptionSpec.withArg("timestop"),
          OptionSpec.flag("contiguous"),
          OptionSpec.withArg("weekdays").invert(),
          OptionSpec.withArg("monthdays").invert(),
          OptionSpec.flag("localtz").excluding("utc"),
          OptionSpec.flag("utc").excluding("localtz", "kerneltz"),
          OptionSpec.flag("kerneltz").excluding("utc")));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        long dateStart;
        long dateStop = NO_DATE_STOP;
        int daytimeStart;
        int daytimeStop = MAX_DAYTIME;
        int monthdays = ALL_MONTHDAYS;
        int weekdays = ALL_WEEKDAYS;
        boolean kernelTz;
        boolean contiguous;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "datestart" -> dateStart = parseDate(arg);
            case "datestop" -> dateStop = parseDate(arg);
            case "timestart" -> daytimeStart = parseDaytime(arg);
            case "timestop" -> daytimeStop = parseDaytime(arg);
            case "contiguous" -> contiguous = true;
            case "localtz" -> {
              ctx.warn("WARNING: --localtz is being replaced by --kerneltz, since \"local\" is ambiguous. Note the "
                  + "kernel timezone has caveats - see manpage for details.");
              kernelTz = true;
            }
            case "kerneltz" -> kernelTz = true;
            case "monthdays" -> monthdays = parseMonthdays(arg) ^ (inverted ? ALL_MONTHDAYS : 0);
            case "weekdays" -> weekdays = (parseWeekdays(arg) ^ (inverted ? ALL_WEEKDAYS : 0)) & 0xff;
            default -> {
              // --utc: the default
            }
          }
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (contiguous && daytimeStart < daytimeStop) {
            throw IptablesException.parameter(
                "time: --contiguous only makes sense when stoptime is smaller than starttime");
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new TimeMatch(dateStart, dateStop, daytimeStart, daytimeStop, monthdays, weekdays, kernelTz,
              contiguous);
        }
      };
    }
  }

  /** C's {@code (unsigned int) strtoul(text + from, &end, base)}: {value, end}. */
  private static long[] strtoul(String text, int from, int base) {
    CNumbers.Parsed parsed = CNumbers.strtoumax(text, from, base);
    return new long[] {parsed.value() & 0xffffffffL, parsed.end()};
  }

  private static char at(String text, long index) {
    return index < text.length() ? text.charAt((int) index) : '\0';
  }

  /** libxt_time's {@code time_parse_date}: {@code YYYY[-MM[-DD[Thh[:mm[:ss]]]]]}, as UTC. */
  static long parseDate(String text) {
    long[] fields = {1970, 1, 1, 0, 0, 0};
    char[] separators = {'-', '-', 'T', ':', ':', '\0'};
    long[] limits = {2038, 12, 31, 23, 59, 59};
    int from = 0;
    for (int i = 0; i < fields.length; i++) {
      long[] parsed = strtoul(text, from, 10);
      char next = at(text, parsed[1]);
      boolean bad = (next != separators[i] && next != '\0') || parsed[0] > limits[i] || (i == 0 && parsed[0] < 1970);
      if (bad) {
        throw IptablesException.parameter("Invalid date \"" + text
            + "\" specified. Should be YYYY[-MM[-DD[Thh[:mm[:ss]]]]]");
      }
      fields[i] = parsed[0];
      if (next == '\0') {
        break;
      }
      from = (int) parsed[1] + 1;
    }
    LocalDateTime time = LocalDate.of((int) fields[0], 1, 1).plusMonths(fields[1] - 1).plusDays(fields[2] - 1)
        .atStartOfDay().plusSeconds(fields[3] * 3600 + fields[4] * 60 + fields[5]);
    return time.toEpochSecond(ZoneOffset.UTC);
  }

  /** libxt_time's {@code time_parse_minutes}: {@code hh:mm[:ss]}, in seconds. */
  static int parseDaytime(String text) {
    long[] hour = strtoul(text, 0, 10);
    String failing = text;
    if (at(text, hour[1]) == ':' && hour[0] <= 23) {
      failing = text.substring((int) hour[1] + 1);
      long[] minute = strtoul(text, (int) hour[1] + 1, 10);
      char next = at(text, minute[1]);
      if ((next == ':' || next == '\0') && minute[0] <= 59) {
        if (next == '\0') {
          return (int) (hour[0] * 3600 + minute[0] * 60);
        }
        failing = text.substring((int) minute[1] + 1);
        long[] second = strtoul(text, (int) minute[1] + 1, 10);
        if (at(text, second[1]) == '\0' && second[0] <= 59) {
          return (int) (hour[0] * 3600 + minute[0] * 60 + second[0]);
        }
      }
    }
    throw IptablesException.parameter("invalid time \"" + failing
        + "\" specified, should be hh:mm[:ss] format and within the boundaries");
  }

  /** libxt_time's {@code my_strseg}: comma-separated segments, each cut to {@code width} characters. */
  private static List<String> segments(String text, int width) {
    List<String> segments = new java.util.ArrayList<>();
    String rest = text;
    while (rest != null && !rest.isEmpty()) {
      int comma = rest.indexOf(',');
      String segment = comma < 0 ? rest : rest.substring(0, comma);
      segments.add(segment.length() > width ? segment.substring(0, width) : segment);
      rest = comma < 0 ? null : rest.substring(comma + 1);
    }
    return segments;
  }

  static int parseMonthdays(String text) {
    int mask = 0;
    for (String day : segments(text, 2)) {
      long[] parsed = strtoul(day, 0, 0);
      if (at(day, parsed[1]) != '\0' || parsed[0] > 31) {
        throw IptablesException.parameter(day + " is not a valid day for --monthdays");
      }
      mask |= 1 << parsed[0];
    }
    return mask;
  }

  static int parseWeekdays(String text) {
    int mask = 0;
    for (String day : segments(text, 3)) {
      long[] parsed = strtoul(day, 0, 0);
      if (at(day, parsed[1]) == '\0') {
        if (parsed[0] == 0) {
          throw IptablesException.parameter("No, the week does NOT begin with Sunday.");
        }
        mask |= 1 << parsed[0];
        continue;
      }
      boolean valid = false;
      for (int i = 1; i < WEEK_DAYS.length; i++) {
        if (day.length() >= 2 && day.regionMatches(0, WEEK_DAYS[i], 0, 2)) {
          mask |= 1 << i;
          valid = true;
        }
      }
      if (!valid) {
        throw IptablesException.parameter(day + " is not a valid day specifier");
      }
    }
    return mask;
  }
}
