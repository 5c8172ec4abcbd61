package dev.netsim.rules.eval;

/**
 * What a target, a chain walk or a whole table decides about a packet. {@link #CONTINUE} is only ever returned
 * by a non-terminal target (LOG, MARK, ...) to the evaluator; a table evaluation never returns it.
 */
public enum Verdict {
  /** Non-terminal: go on with the next rule. */
  CONTINUE,
  /** The packet goes on to the next table or hook. */
  ACCEPT,
  /** The packet is dropped silently. */
  DROP,
  /** Dropped with an ICMP error or TCP reset: read the {@code RejectTarget} from the evaluation. */
  REJECT,
  /** Handed to a userspace queue (NFQUEUE): read the target from the evaluation. */
  QUEUE,
  /**
   * A NAT target decided (DNAT, SNAT, MASQUERADE, REDIRECT, NETMAP): the packet is accepted and the engine
   * applies the {@code NatTarget} read from the evaluation to the connection.
   */
  NAT,
  /** netsim cannot tell: an unmodelled match or target decided; the evaluation says which rule and why. */
  UNDETERMINED
}
