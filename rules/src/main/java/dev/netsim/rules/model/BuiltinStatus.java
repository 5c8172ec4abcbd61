package dev.netsim.rules.model;

/**
 * Whether a built-in chain exists in the kernel, and whether its policy counts packets.
 *
 * <p>iptables-nft creates a table's built-in chains only when a command needs them ({@code -A}, {@code -P},
 * a restore that names them) and lists absent ones as if they were there with policy ACCEPT. A chain created
 * implicitly (by {@code -A}) has no policy counter: its policy counts stay 0 until the policy is set
 * ({@code -P}, a {@code :CHAIN POLICY [p:b]} line of iptables-restore) or the chain is zeroed ({@code -Z}).
 */
public enum BuiltinStatus {
  /** Not created: no hook is registered, packets never see the chain. */
  ABSENT,
  /** Created implicitly: rules are evaluated and counted, the policy counter does not move. */
  CREATED,
  /** Created with counters: the policy counter moves too. */
  COUNTING
}
