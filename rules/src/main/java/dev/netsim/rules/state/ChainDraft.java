package dev.netsim.rules.state;

import dev.netsim.rules.model.BuiltinStatus;
import dev.netsim.rules.model.Chain;
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.Policy;
import dev.netsim.rules.model.Rule;
import dev.netsim.rules.model.RuleList;
import java.util.ArrayList;
import java.util.List;

/**
 * A chain being changed inside a {@link Transaction}; its rules are a {@link RuleList} changed by cheap
 * copies, with appends gathered and added in one go.
 */
final class ChainDraft {
  private final Chain original;
  private String name;
  private Policy policy;
  private BuiltinStatus status;
  private RuleList rules;
  /** Rules appended since {@link #rules} was last brought up to date (iptables-restore appends many). */
  private final List<Rule> appended = new ArrayList<>();
  private boolean changed;

  ChainDraft(Chain original) {
    this.original = original;
    this.name = original.name();
    this.policy = original.policy();
    this.status = original.status();
    this.rules = RuleList.of(original.rules());
  }

  String name() {
    return name;
  }

  Hook hook() {
    return original.hook();
  }

  boolean isBuiltin() {
    return original.isBuiltin();
  }

  Policy policy() {
    return policy;
  }

  BuiltinStatus status() {
    return status;
  }

  List<Rule> rules() {
    settle();
    return rules;
  }

  int size() {
    return rules.size() + appended.size();
  }

  private void settle() {
    if (!appended.isEmpty()) {
      rules = rules.appendedAll(appended);
      appended.clear();
    }
  }

  void insertRule(int index, Rule rule) {
    changed = true;
    if (index == size()) {
      appended.add(rule);
      return;
    }
    settle();
    rules = rules.inserted(index, rule);
  }

  Rule removeRule(int index) {
    settle();
    changed = true;
    Rule rule = rules.get(index);
    rules = rules.removed(index);
    return rule;
  }

  void replaceRule(int index, Rule rule) {
    settle();
    changed = true;
    rules = rules.replaced(index, rule);
  }

  void clearRules() {
    appended.clear();
    changed = true;
    rules = RuleList.EMPTY;
  }

  void setPolicy(Policy newPolicy) {
    policy = newPolicy;
  }

  void setStatus(BuiltinStatus newStatus) {
    status = newStatus;
  }

  void rename(String newName) {
    name = newName;
  }

  Chain freeze() {
    settle();
    if (!changed && name.equals(original.name()) && policy == original.policy() && status == original.status()) {
      return original;
    }
    return new Chain(name, original.hook(), policy, status, rules);
  }
}
