package dev.netsim.sim.capture;

import java.util.Objects;

/**
 * The tcpdump options that change how a packet line looks.
 *
 * @param names {@code -n} or not
 * @param linkHeader {@code -e}: print the link-layer header
 * @param absoluteSequence {@code -S}: absolute TCP sequence numbers instead of relative ones
 * @param timestamps {@code -t} ... {@code -ttttt}
 * @param numbered {@code -#} / {@code --number}: prefix each line with its packet number
 */
public record FormatOptions(
    AddressNames names, boolean linkHeader, boolean absoluteSequence, TimestampStyle timestamps,
    boolean numbered) {
  /** Plain {@code tcpdump -n}. */
  public static final FormatOptions NUMERIC =
      new FormatOptions(AddressNames.NUMERIC, false, false, TimestampStyle.TIME_OF_DAY, false);

  public FormatOptions {
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(timestamps, "timestamps");
  }

  public FormatOptions withNames(AddressNames newNames) {
    return new FormatOptions(newNames, linkHeader, absoluteSequence, timestamps, numbered);
  }

  public FormatOptions withLinkHeader(boolean newLinkHeader) {
    return new FormatOptions(names, newLinkHeader, absoluteSequence, timestamps, numbered);
  }

  public FormatOptions withAbsoluteSequence(boolean newAbsoluteSequence) {
    return new FormatOptions(names, linkHeader, newAbsoluteSequence, timestamps, numbered);
  }

  public FormatOptions withTimestamps(TimestampStyle newTimestamps) {
    return new FormatOptions(names, linkHeader, absoluteSequence, newTimestamps, numbered);
  }

  public FormatOptions withNumbered(boolean newNumbered) {
    return new FormatOptions(names, linkHeader, absoluteSequence, timestamps, newNumbered);
  }
}
