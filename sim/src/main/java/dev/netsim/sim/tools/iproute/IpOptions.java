package dev.netsim.sim.tools.iproute;

/** ip's global options that change what commands print. */
final class IpOptions {
  enum Family { ANY, INET, INET6, LINK, OTHER }

  Family family = Family.ANY;
  boolean brief;
  boolean oneline;
  boolean color;
  int stats;
  int details;
  /** {@code -n NAME}: run in that namespace instead of the invocation's. */
  String netns;

  boolean showsInet() {
    return family == Family.ANY || family == Family.INET;
  }

  boolean showsInet6() {
    return family == Family.ANY || family == Family.INET6;
  }
}
