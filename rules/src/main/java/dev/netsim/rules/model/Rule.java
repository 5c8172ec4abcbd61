package dev.netsim.rules.model;

import java.util.Objects;

/**
 * A rule in a chain: its {@link RuleSpec} and a stable identity.
 *
 * <p>{@code id} names the rule for as long as it lives in the ruleset: its packet and byte counters and the
 * runtime state of stateful matches ({@code limit}) are kept under this id in the namespace's
 * {@link dev.netsim.rules.state.CounterStore}, outside this immutable model. Inserting or deleting other
 * rules never changes it; replacing the rule ({@code -R}) gives the new rule a new id.
 */
public record Rule(int id, RuleSpec spec) {
  public Rule {
    if (id < 0) {
      throw new IllegalArgumentException("negative rule id " + id);
    }
    Objects.requireNonNull(spec, "spec");
  }
}
