package dev.netsim.sim.trace;

/**
 * A pointer from a trace step back to the iptables rule that caused it: its table, chain, 1-based position,
 * its {@code iptables -S} text, and where it came from (e.g. {@code "script.sh:12"}), when known.
 */
public record RuleRef(String table, String chain, int number, String spec, String origin) {
  @Override
  public String toString() {
    return table + " " + chain + " rule " + number + " `" + spec + "'" + (origin == null ? "" : " (" + origin + ")");
  }
}
