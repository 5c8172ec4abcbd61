package dev.netsim.rules.model;

import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.Target;
import java.util.List;
import java.util.Objects;

/**
 * What a rule says, without its identity: the fixed header match, the extension matches in the order they
 * were given, and the target. Two specs are equal exactly when {@code iptables -D} with one would delete a
 * rule made from the other.
 */
public record RuleSpec(IpHeader header, List<Match> matches, Target target) {
  public RuleSpec {
    Objects.requireNonNull(header, "header");
    matches = List.copyOf(matches);
    Objects.requireNonNull(target, "target");
  }
}
