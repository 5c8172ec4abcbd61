package dev.netsim.rules.eval;

import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.TableName;

/**
 * Decides what one table does with a packet at one hook, moving rule and policy counters exactly as the
 * kernel does. The reference evaluator and the compiled classifier implement it with the same semantics.
 *
 * <p>Verdict-only calls ({@code listener} null) must allocate nothing per packet: the outcome goes into the
 * caller's reusable {@link Evaluation}; side effects go into the {@link PacketContext}.
 */
public interface PacketClassifier {
  /**
   * Walks the built-in chain {@code hook} of {@code table} for {@code packet}: rules in order, jumps, gotos,
   * RETURN, non-terminal targets, the policy. A table or built-in chain that does not exist accepts without
   * counting.
   *
   * @param result receives the verdict and what decided it (reset by this call)
   * @param listener receives every step when not null
   * @return the verdict, never {@link Verdict#CONTINUE}
   */
  Verdict evaluate(TableName table, Hook hook, PacketContext packet, Evaluation result, EvalListener listener);
}
