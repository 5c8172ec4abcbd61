package dev.netsim.rules.state;

import dev.netsim.rules.model.BuiltinStatus;
import dev.netsim.rules.model.Chain;
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.Policy;
import dev.netsim.rules.model.Rule;
import java.util.ArrayList;
import java.util.List;

/** A chain being changed inside a {@link Transaction}: copied from its {@link Chain} on first change. */
final class ChainDraft {
  private final Chain original;
  private String name;
  private Policy policy;
  private BuiltinStatus status;
  private List<Rule> rules;
  private boolean changed;

  ChainDraft(Chain original) {
    this.original = original;
    this.name = original.name();
    this.policy = original.policy();
    this.status = original.status();
    this.rules = original.rules();
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
    return rules;
  }

  int size() {
    return rules.size();
  }

  /** The rules, ready to be changed in place. */
  List<Rule> mutableRules() {
    if (!changed) {
      rules = new ArrayList<>(rules);
      changed = true;
    }
    return rules;
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
    if (!changed && name.equals(original.name()) && policy == original.policy() && status == original.status()) {
      return original;
    }
    return new Chain(name, original.hook(), policy, status, rules);
  }
}
