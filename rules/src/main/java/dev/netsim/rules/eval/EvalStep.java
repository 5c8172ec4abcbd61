package dev.netsim.rules.eval;

import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.Policy;
import dev.netsim.rules.model.Rule;
import dev.netsim.rules.model.TableName;

/**
 * One step of an explained evaluation, as reported to an {@link EvalListener}: built only when a listener is
 * given. Rule steps carry the chain, the 1-based rule number and the rule.
 */
public sealed interface EvalStep {
  /** A table's built-in chain is entered at a hook. */
  record TableEntered(TableName table, Hook hook) implements EvalStep {}

  /** A rule did not match; {@code reason} is its first failing condition in words. */
  record RuleSkipped(String chain, int number, Rule rule, String reason) implements EvalStep {}

  /** A rule matched; its target gave {@code verdict} ({@link Verdict#CONTINUE} for LOG, MARK, ...). */
  record RuleMatched(String chain, int number, Rule rule, Verdict verdict) implements EvalStep {}

  /** A rule's match could not be evaluated; evaluation stops undetermined. */
  record RuleUndetermined(String chain, int number, Rule rule, String reason) implements EvalStep {}

  /** A rule jumped ({@code -j}) or went ({@code -g}) to a user chain. */
  record Jumped(String chain, int number, Rule rule, String to, boolean isGoto) implements EvalStep {}

  /**
   * Evaluation left {@code chain} by RETURN (rule {@code number}) or by reaching its end ({@code number} 0),
   * back to {@code to}, or to the policy of the built-in chain when {@code to} is null.
   */
  record Returned(String chain, int number, String to) implements EvalStep {}

  /** The built-in chain's policy decided. */
  record PolicyApplied(String chain, Policy policy) implements EvalStep {}

  /** The built-in chain does not exist (nothing created it): the packet passes, nothing counted. */
  record ChainAbsent(TableName table, Hook hook) implements EvalStep {}
}
