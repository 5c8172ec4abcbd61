package dev.netsim.rules.eval;

/** The outcome of one match on one packet. */
public enum MatchResult {
  MATCH,
  NO_MATCH,
  /** The match is parsed and printed but netsim does not model it (owner, statistic, ...). */
  UNDETERMINED;

  public static MatchResult of(boolean matched) {
    return matched ? MATCH : NO_MATCH;
  }

  /** {@code !} applied: MATCH and NO_MATCH swap, UNDETERMINED stays. */
  public static MatchResult of(boolean matched, boolean inverted) {
    return matched != inverted ? MATCH : NO_MATCH;
  }
}
