package dev.netsim.sim.capture;

/** tcpdump's timestamp options: none of them, or {@code -t} up to {@code -ttttt}. */
public enum TimestampStyle {
  /** Default: time of day, {@code 09:00:01.500000}. */
  TIME_OF_DAY,
  /** {@code -t}: no timestamp. */
  NONE,
  /** {@code -tt}: seconds since 1970, {@code 1725181201.500000}. */
  EPOCH,
  /** {@code -ttt}: time since the previous printed packet. */
  DELTA_PREVIOUS,
  /** {@code -tttt}: date and time of day, {@code 2024-09-01 09:00:01.500000}. */
  DATE_TIME,
  /** {@code -ttttt}: time since the first printed packet. */
  DELTA_FIRST;

  /** The style for {@code count} {@code -t} flags (0 to 5). */
  public static TimestampStyle ofFlagCount(int count) {
    return switch (count) {
      case 0 -> TIME_OF_DAY;
      case 1 -> NONE;
      case 2 -> EPOCH;
      case 3 -> DELTA_PREVIOUS;
      case 4 -> DATE_TIME;
      default -> DELTA_FIRST;
    };
  }
}
