package dev.netsim.rules.eval;

import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.model.Policy;
import dev.netsim.rules.model.Rule;

/**
 * The outcome of one table evaluation, in a mutable object the caller reuses from packet to packet (so a
 * verdict-only evaluation allocates nothing): the verdict and what decided it — a rule (its chain, number
 * and target: the {@code NatTarget}, {@code RejectTarget} or NFQUEUE target the engine acts on) or a
 * built-in chain's policy; for {@link Verdict#UNDETERMINED}, the rule and match netsim could not evaluate.
 */
public final class Evaluation {
  private Verdict verdict;
  private Rule rule;
  private String chain;
  private int ruleNumber;
  private Target target;
  private Policy policy;
  private Match undeterminedMatch;

  public Verdict verdict() {
    return verdict;
  }

  /** The rule that decided, or null when a policy decided or the chain is absent. */
  public Rule rule() {
    return rule;
  }

  /** The chain of the deciding rule, or the built-in chain whose policy decided. */
  public String chain() {
    return chain;
  }

  /** 1-based number of the deciding rule in {@link #chain()}; 0 when the policy decided. */
  public int ruleNumber() {
    return ruleNumber;
  }

  /** The deciding rule's target (cast to NatTarget for NAT, RejectTarget for REJECT); null for a policy. */
  public Target target() {
    return target;
  }

  /** The policy that decided, or null when a rule decided. */
  public Policy policy() {
    return policy;
  }

  public boolean decidedByPolicy() {
    return policy != null;
  }

  /** For {@link Verdict#UNDETERMINED} caused by a match, that match; null otherwise. */
  public Match undeterminedMatch() {
    return undeterminedMatch;
  }

  /** Clears the result for reuse. */
  public Evaluation reset() {
    verdict = null;
    rule = null;
    chain = null;
    ruleNumber = 0;
    target = null;
    policy = null;
    undeterminedMatch = null;
    return this;
  }

  /** Records a decision by a rule. */
  public void decideByRule(Verdict decided, String decidingChain, int number, Rule decidingRule) {
    verdict = decided;
    chain = decidingChain;
    ruleNumber = number;
    rule = decidingRule;
    target = decidingRule.spec().target();
    policy = null;
    undeterminedMatch = null;
  }

  /** Records a decision by a policy (or by an absent chain, which accepts: {@code chain} null then). */
  public void decideByPolicy(String builtinChain, Policy decided) {
    verdict = decided == Policy.DROP ? Verdict.DROP : Verdict.ACCEPT;
    chain = builtinChain;
    ruleNumber = 0;
    rule = null;
    target = null;
    policy = decided;
    undeterminedMatch = null;
  }

  /** Records that {@code match} of a rule could not be evaluated. */
  public void undetermined(String decidingChain, int number, Rule decidingRule, Match match) {
    decideByRule(Verdict.UNDETERMINED, decidingChain, number, decidingRule);
    undeterminedMatch = match;
  }
}
