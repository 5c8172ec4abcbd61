package dev.netsim.rules.model;

import java.util.List;
import java.util.Objects;

/**
 * A chain: a built-in one (named after its {@link Hook}, with a policy and a {@link BuiltinStatus}) or a
 * user-defined one (no hook, no policy). Rules are in evaluation order; rule number N is {@code rules().get(N-1)}.
 * The rules are a {@link RuleList}, so changed copies of long chains are cheap.
 */
public record Chain(String name, Hook hook, Policy policy, BuiltinStatus status, List<Rule> rules) {
  public Chain {
    Objects.requireNonNull(name, "name");
    rules = RuleList.of(rules);
    if ((hook == null) != (policy == null) || (hook == null) != (status == null)) {
      throw new IllegalArgumentException("a chain has a hook, a policy and a status, or none of them: " + name);
    }
    if (hook != null && !hook.name().equals(name)) {
      throw new IllegalArgumentException("built-in chain " + name + " must be named after its hook " + hook);
    }
  }

  /** An absent built-in chain: what iptables lists for a chain nothing has created yet. */
  public static Chain absentBuiltin(Hook hook) {
    return new Chain(hook.name(), hook, Policy.ACCEPT, BuiltinStatus.ABSENT, List.of());
  }

  public static Chain user(String name) {
    return new Chain(name, null, null, null, List.of());
  }

  public boolean isBuiltin() {
    return hook != null;
  }

  public int size() {
    return rules.size();
  }

  /** Whether the policy counter moves (only for built-in chains created with counters). */
  public boolean countsPolicy() {
    return status == BuiltinStatus.COUNTING;
  }

  public Chain withRules(List<Rule> newRules) {
    return new Chain(name, hook, policy, status, newRules);
  }

  public Chain withPolicy(Policy newPolicy) {
    return new Chain(name, hook, newPolicy, status, rules);
  }

  public Chain withStatus(BuiltinStatus newStatus) {
    return new Chain(name, hook, policy, newStatus, rules);
  }

  public Chain renamed(String newName) {
    if (isBuiltin()) {
      throw new IllegalStateException("built-in chain " + name + " cannot be renamed");
    }
    return new Chain(newName, null, null, null, rules);
  }

  /** A built-in chain brought into existence by a command that needs it (e.g. {@code -A}). */
  public Chain created() {
    return status == BuiltinStatus.ABSENT ? withStatus(BuiltinStatus.CREATED) : this;
  }

  /** This chain with {@code rule} inserted at index {@code index} (0-based). */
  public Chain withInserted(int index, Rule rule) {
    return withRules(((RuleList) rules).inserted(index, rule));
  }

  /** This chain with the rule at index {@code index} (0-based) replaced by {@code rule}. */
  public Chain withReplaced(int index, Rule rule) {
    return withRules(((RuleList) rules).replaced(index, rule));
  }

  /** This chain without the rule at index {@code index} (0-based). */
  public Chain withRemoved(int index) {
    return withRules(((RuleList) rules).removed(index));
  }
}
