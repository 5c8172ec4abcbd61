package dev.netsim.sim.api;

import java.util.List;

/**
 * What loading an {@code iptables-save} dump into a namespace found: the rules whose matches or targets netsim
 * parses but does not model. A packet that reaches one of them ends {@code UNDETERMINED}, never guessed.
 *
 * @param netns the namespace the rules were loaded into
 * @param notModelled each such rule with the reason, in table and chain order
 */
public record RuleLoad(String netns, List<NotModelled> notModelled) {
  /** Copies the list. */
  public RuleLoad {
    notModelled = List.copyOf(notModelled);
  }

  /** Whether netsim models every match and target of the loaded rules. */
  public boolean fullyModelled() {
    return notModelled.isEmpty();
  }

  /**
   * A rule netsim cannot always decide.
   *
   * @param table the table
   * @param chain the chain
   * @param ruleNumber the rule's 1-based position in the chain
   * @param rule the rule as {@code iptables -S} prints it
   * @param reason what netsim does not model, e.g. {@code netsim does not model ipset contents}
   */
  public record NotModelled(String table, String chain, int ruleNumber, String rule, String reason) {
    @Override
    public String toString() {
      return table + " `" + rule + "': " + reason;
    }
  }
}
