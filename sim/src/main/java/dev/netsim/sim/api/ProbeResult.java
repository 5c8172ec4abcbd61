package dev.netsim.sim.api;

import dev.netsim.sim.trace.Disposition;
import dev.netsim.sim.trace.RuleRef;
import dev.netsim.sim.trace.Step;
import dev.netsim.sim.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one probe found: how its first packet ended, what came back, and why — as data and as text.
 * Immutable.
 *
 * @param probe the probe in words, e.g. {@code ping 11.11.11.3 from RED}
 * @param trace the explained path of the probe's first packet; its disposition is the {@link #outcome()}
 * @param otherTraces the other packets the probe set moving, in the order they finished: replies, retransmissions,
 *     resets and ICMP errors (the kernel's answers are walked and filtered like any packet)
 * @param replies what came back to the sender, in order
 * @param sockets the sockets opened with {@link Netns#listenTcp}/{@link Netns#listenUdp} the probe reached
 * @param conntrack every namespace's connection tracking entries once the probe was over
 */
public record ProbeResult(String probe, Trace trace, List<Trace> otherTraces, List<Reply> replies,
    List<ReachedSocket> sockets, List<ConntrackEntry> conntrack) {
  /** Copies the lists. */
  public ProbeResult {
    Objects.requireNonNull(probe, "probe");
    Objects.requireNonNull(trace, "trace");
    otherTraces = List.copyOf(otherTraces);
    replies = List.copyOf(replies);
    sockets = List.copyOf(sockets);
    conntrack = List.copyOf(conntrack);
  }

  /** How the probe's first packet ended: one of a closed set. */
  public Disposition outcome() {
    return trace.disposition();
  }

  /** The outcome's details in words, e.g. {@code policy DROP of filter FORWARD}; may be empty. */
  public String reason() {
    return trace.reason() == null ? "" : trace.reason();
  }

  /** Whether the packet reached a local stack (which may still have answered with an error of its own). */
  public boolean isDelivered() {
    return outcome() == Disposition.DELIVERED;
  }

  /**
   * The rule or policy that ended the packet's walk: for a drop or reject the DROP/REJECT rule or the DROP
   * policy, for an undetermined outcome the rule netsim could not decide. Empty when no rule or policy ended it
   * (delivered, or stopped by routing, ARP, a sysctl...).
   */
  public Optional<Decision> decision() {
    List<Step> steps = trace.steps();
    switch (outcome()) {
      case DROPPED_BY_POLICY -> {
        for (int i = steps.size() - 1; i >= 0; i--) {
          if (steps.get(i) instanceof Step.PolicyApplied policy) {
            return Optional.of(new Decision(policy.table(), policy.chain(), 0, null, policy.policy()));
          }
        }
      }
      case DROPPED_BY_RULE, REJECTED -> {
        for (int i = steps.size() - 1; i >= 0; i--) {
          if (steps.get(i) instanceof Step.Verdict verdict && verdict.rule() != null
              && List.of("DROP", "REJECT", "QUEUE").contains(verdict.verdict())) {
            return Optional.of(decisionOf(verdict.rule()));
          }
        }
      }
      case UNDETERMINED -> {
        for (int i = steps.size() - 1; i >= 0; i--) {
          if (steps.get(i) instanceof Step.RuleChecked checked && checked.reason().startsWith("undetermined")
              || steps.get(i) instanceof Step.Verdict verdict && verdict.verdict().equals("UNDETERMINED")) {
            RuleRef rule = steps.get(i) instanceof Step.RuleChecked checked ? checked.rule()
                : ((Step.Verdict) steps.get(i)).rule();
            return Optional.of(decisionOf(rule));
          }
        }
      }
      default -> {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Decision decisionOf(RuleRef rule) {
    return new Decision(rule.table(), rule.chain(), rule.number(), rule.spec(), null);
  }

  /** The rules that matched the probe's first packet, in order (jumps included), as {@code iptables -S} prints them. */
  public List<String> matchedRules() {
    List<String> matched = new ArrayList<>();
    for (Step step : trace.steps()) {
      if (step instanceof Step.RuleChecked checked && checked.matched()) {
        matched.add(checked.rule().spec());
      }
    }
    return matched;
  }

  /** The address translations the probe's first packet underwent, in order. */
  public List<NatRewrite> natRewrites() {
    List<NatRewrite> rewrites = new ArrayList<>();
    for (Step step : trace.steps()) {
      if (step instanceof Step.Translated translated) {
        rewrites.add(new NatRewrite(translated.netns(), translated.kind(), translated.before(), translated.after()));
      }
    }
    return rewrites;
  }

  /** Whether anything came back to the sender. */
  public boolean answered() {
    return !replies.isEmpty();
  }

  /** The probe, its first packet's explained path, the replies, the other packets' paths and conntrack, as text. */
  public String render() {
    StringBuilder text = new StringBuilder("probe: ").append(probe).append('\n');
    text.append(trace.render());
    text.append("replies: ").append(replies.isEmpty() ? "none" : replies.toString()).append('\n');
    if (!sockets.isEmpty()) {
      text.append("reached: ").append(sockets).append('\n');
    }
    for (Trace other : otherTraces) {
      text.append("-- then:\n").append(other.render());
    }
    if (!conntrack.isEmpty()) {
      text.append("conntrack:\n");
      for (ConntrackEntry entry : conntrack) {
        text.append("  ").append(entry).append('\n');
      }
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return probe + ": " + outcome().text() + (reason().isEmpty() ? "" : " (" + reason() + ")");
  }
}
