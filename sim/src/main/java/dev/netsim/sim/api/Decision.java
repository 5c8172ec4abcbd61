package dev.netsim.sim.api;

/**
 * The iptables rule or chain policy that decided a packet's fate.
 *
 * @param table the table, e.g. {@code filter}
 * @param chain the chain the rule is in, or whose policy applied, e.g. {@code FORWARD}
 * @param ruleNumber the rule's 1-based position in its chain; 0 when the policy decided
 * @param rule the rule as {@code iptables -S} prints it, e.g. {@code -A DOCKER-USER -j DROP}; null for a policy
 * @param policy the policy that applied, e.g. {@code DROP}; null when a rule decided
 */
public record Decision(String table, String chain, int ruleNumber, String rule, String policy) {
  /** Whether the chain's policy decided rather than a rule. */
  public boolean isPolicy() {
    return policy != null;
  }

  @Override
  public String toString() {
    return isPolicy() ? "policy " + policy + " of " + table + " " + chain
        : table + " " + chain + " rule " + ruleNumber + " `" + rule + "'";
  }
}
