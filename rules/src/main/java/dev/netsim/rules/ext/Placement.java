package dev.netsim.rules.ext;

import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.IpHeader;
import dev.netsim.rules.model.TableName;

/**
 * Where a rule sits, as the kernel sees it when it checks a match or target on insertion: the table, the
 * hook of the rule's chain (one bit for a built-in chain; 0 for a user chain, whose hooks the kernel only
 * checks later against {@code allowedHooks()}) and the rule's header (for protocol requirements).
 */
public record Placement(TableName table, int hookMask, IpHeader header) {
  /** Every hook: no restriction. */
  public static final int ALL_HOOKS = (1 << Hook.values().length) - 1;

  public boolean reachableFrom(Hook hook) {
    return (hookMask & hook.bit()) != 0;
  }

  /** Whether the chain is reachable only from hooks in {@code allowedMask} (vacuously true when unreachable). */
  public boolean onlyWithin(int allowedMask) {
    return (hookMask & ~allowedMask) == 0;
  }

  public static int mask(Hook... hooks) {
    int mask = 0;
    for (Hook hook : hooks) {
      mask |= hook.bit();
    }
    return mask;
  }
}
