package dev.netsim.sim.capture;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The calendar time that netsim shows for its virtual clock: virtual time 0 is
 * {@value #EPOCH_TEXT} in UTC (the simulated host's time zone), so a capture taken 1.5 s into a run prints
 * {@code 09:00:01.500000} and its pcap records carry that date. A fixed epoch keeps outputs repeatable.
 */
public final class SimulatedWallClock {
  /** Virtual time 0, as ISO-8601 text. */
  public static final String EPOCH_TEXT = "2024-09-01T09:00:00Z";
  /** Virtual time 0, in seconds since 1970-01-01T00:00:00Z. */
  public static final long EPOCH_SECONDS = Instant.parse(EPOCH_TEXT).getEpochSecond();

  private SimulatedWallClock() {}

  /** Microseconds since 1970 for a virtual time in nanoseconds (truncated, as pcap timestamps are). */
  public static long epochMicros(long virtualNanos) {
    return EPOCH_SECONDS * 1_000_000L + Math.floorDiv(virtualNanos, 1000L);
  }

  /** The UTC date and time of {@code epochMicros}, to the second. */
  public static LocalDateTime dateTime(long epochMicros) {
    return LocalDateTime.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L), 0, ZoneOffset.UTC);
  }
}
