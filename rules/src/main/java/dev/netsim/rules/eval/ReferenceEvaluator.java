package dev.netsim.rules.eval;

import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.ext.target.StandardTarget;
import dev.netsim.rules.model.BuiltinStatus;
import dev.netsim.rules.model.Chain;
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.IpHeader;
import dev.netsim.rules.model.Policy;
import dev.netsim.rules.model.Rule;
import dev.netsim.rules.model.Table;
import dev.netsim.rules.model.TableName;
import dev.netsim.rules.state.CounterStore;
import dev.netsim.rules.state.IptablesState;
import java.util.List;

/**
 * The plain, obviously correct evaluator: walks the rules of the current ruleset one by one, recursing into
 * jumped chains. It is the semantics the compiled classifier must reproduce. Not thread-safe per packet
 * context; the evaluator itself keeps no per-packet state.
 */
public final class ReferenceEvaluator implements PacketClassifier {
  /** How a chain walk ended without a verdict. */
  private static final Verdict FELL_THROUGH = Verdict.CONTINUE;

  private final IptablesState state;

  public ReferenceEvaluator(IptablesState state) {
    this.state = state;
  }

  @Override
  public Verdict evaluate(TableName tableName, Hook hook, PacketContext packet, Evaluation result,
      EvalListener listener) {
    result.reset();
    packet.table = tableName;
    packet.hook = hook;
    Table table = state.ruleset().table(tableName);
    Chain chain = table == null ? null : table.builtins().get(hook);
    if (chain == null || chain.status() == BuiltinStatus.ABSENT) {
      if (listener != null) {
        listener.step(new EvalStep.ChainAbsent(tableName, hook));
      }
      result.decideByPolicy(null, Policy.ACCEPT);
      return Verdict.ACCEPT;
    }
    if (listener != null) {
      listener.step(new EvalStep.TableEntered(tableName, hook));
    }
    Verdict verdict = walk(table, chain, null, packet, result, listener);
    if (verdict == FELL_THROUGH) {
      if (chain.countsPolicy()) {
        state.counters().countPolicy(tableName, hook, packet.length);
      }
      if (listener != null) {
        listener.step(new EvalStep.PolicyApplied(chain.name(), chain.policy()));
      }
      result.decideByPolicy(chain.name(), chain.policy());
      return result.verdict();
    }
    return verdict;
  }

  /**
   * Walks {@code chain}; returns a terminal verdict (recorded in {@code result}) or {@link #FELL_THROUGH} when
   * the chain ended or returned. {@code returnTo} is the chain evaluation goes back to then (null: the
   * built-in chain's policy), for the listener only.
   */
  private Verdict walk(Table table, Chain chain, String returnTo, PacketContext packet, Evaluation result,
      EvalListener listener) {
    CounterStore counters = state.counters();
    List<Rule> rules = chain.rules();
    for (int i = 0; i < rules.size(); i++) {
      // indexed, not an iterator: verdict-only evaluation allocates nothing
      Rule rule = rules.get(i);
      int number = i + 1;
      Boolean matched = matches(chain, number, rule, packet, result, listener);
      if (matched == null) {
        return Verdict.UNDETERMINED;
      }
      if (!matched) {
        continue;
      }
      counters.count(rule.id(), packet.length);
      Target target = rule.spec().target();
      String jumpedTo = target.chainJumpedTo();
      if (jumpedTo != null) {
        if (listener != null) {
          listener.step(new EvalStep.Jumped(chain.name(), number, rule, jumpedTo, target.isGoto()));
        }
        // -g: the jumped-to chain returns where this one would have
        Verdict verdict = walk(table, table.chain(jumpedTo), target.isGoto() ? returnTo : chain.name(), packet,
            result, listener);
        if (verdict != FELL_THROUGH || target.isGoto()) {
          return verdict;
        }
        continue;
      }
      if (target instanceof StandardTarget standard && standard.kind() == StandardTarget.Kind.RETURN) {
        if (listener != null) {
          listener.step(new EvalStep.RuleMatched(chain.name(), number, rule, Verdict.CONTINUE));
          listener.step(new EvalStep.Returned(chain.name(), number, returnTo));
        }
        return FELL_THROUGH;
      }
      Verdict verdict = target.apply(packet);
      if (listener != null) {
        listener.step(new EvalStep.RuleMatched(chain.name(), number, rule, verdict));
      }
      if (verdict != Verdict.CONTINUE) {
        result.decideByRule(verdict, chain.name(), number, rule);
        return verdict;
      }
    }
    if (listener != null) {
      listener.step(new EvalStep.Returned(chain.name(), 0, returnTo));
    }
    return FELL_THROUGH;
  }

  /** Whether the rule matches: TRUE, FALSE, or null when undetermined (recorded in {@code result}). */
  private Boolean matches(Chain chain, int number, Rule rule, PacketContext packet, Evaluation result,
      EvalListener listener) {
    IpHeader header = rule.spec().header();
    if (!HeaderMatcher.matches(header, packet)) {
      if (listener != null) {
        listener.step(new EvalStep.RuleSkipped(chain.name(), number, rule, HeaderMatcher.explain(header, packet)));
      }
      return Boolean.FALSE;
    }
    List<Match> matches = rule.spec().matches();
    Object[] states = null;
    for (int m = 0; m < matches.size(); m++) {
      Match match = matches.get(m);
      Object matchState = null;
      if (match.isStateful()) {
        if (states == null) {
          states = state.counters().matchStates(rule);
        }
        matchState = states[m];
      }
      MatchResult outcome = match.evaluate(packet, matchState);
      if (outcome == MatchResult.NO_MATCH) {
        if (listener != null) {
          listener.step(new EvalStep.RuleSkipped(chain.name(), number, rule, match.explainMismatch(packet)));
        }
        return Boolean.FALSE;
      }
      if (outcome == MatchResult.UNDETERMINED) {
        if (listener != null) {
          listener.step(new EvalStep.RuleUndetermined(chain.name(), number, rule,
              "-m " + match.name() + " is not modelled by netsim"));
        }
        result.undetermined(chain.name(), number, rule, match);
        return null;
      }
    }
    return Boolean.TRUE;
  }
}
