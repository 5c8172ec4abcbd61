package dev.netsim.sim.tools.docker;

import dev.netsim.sim.capture.SimulatedWallClock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** How the docker CLI prints times, durations and tables. */
final class Formats {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private Formats() {}

  /** go-units' HumanDuration: "Less than a second", "1 second", "5 seconds", "About a minute", "3 minutes", ... */
  static String humanDuration(long nanos) {
    long seconds = nanos / 1_000_000_000L;
    if (seconds < 1) {
      return "Less than a second";
    }
    if (seconds == 1) {
      return "1 second";
    }
    if (seconds < 60) {
      return seconds + " seconds";
    }
    long minutes = seconds / 60;
    if (minutes == 1) {
      return "About a minute";
    }
    if (minutes < 60) {
      return minutes + " minutes";
    }
    long hours = Math.round(nanos / 3_600_000_000_000.0);
    if (hours == 1) {
      return "About an hour";
    }
    if (hours < 48) {
      return hours + " hours";
    }
    return (hours / 24) + " days";
  }

  /** RFC 3339 with nanoseconds, trailing zeros dropped, as Go prints a time in JSON. */
  static String timestamp(long virtualNanos) {
    Instant instant = Instant.ofEpochSecond(SimulatedWallClock.EPOCH_SECONDS, virtualNanos);
    String text = SECONDS.format(instant);
    if (instant.getNano() != 0) {
      text += "." + String.format("%09d", instant.getNano()).replaceFirst("0+$", "");
    }
    return text + "Z";
  }

  /**
   * Rows as Go's tabwriter lays them out for the docker CLI (minimum width 10, padding 3): every column but the
   * last padded to its widest cell plus three spaces, and at least ten.
   */
  static String table(List<List<String>> rows) {
    int columns = rows.get(0).size();
    List<Integer> widths = new ArrayList<>();
    for (int c = 0; c < columns - 1; c++) {
      int width = 0;
      for (List<String> row : rows) {
        width = Math.max(width, row.get(c).codePointCount(0, row.get(c).length()) + 3);
      }
      widths.add(Math.max(width, 10));
    }
    StringBuilder text = new StringBuilder();
    for (List<String> row : rows) {
      for (int c = 0; c < columns; c++) {
        String cell = row.get(c);
        text.append(cell);
        if (c < columns - 1) {
          text.append(" ".repeat(widths.get(c) - cell.codePointCount(0, cell.length())));
        }
      }
      text.append('\n');
    }
    return text.toString();
  }
}
