package dev.netsim.rules.ext;

import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.model.IpHeader;

/**
 * A rule's target: a standard verdict (ACCEPT, DROP, RETURN), a jump or goto to a user chain, an extension
 * target ({@code -j MARK --set-mark 1}), or none. Immutable values that print themselves as iptables does.
 */
public interface Target {
  /**
   * The name printed after {@code -j} and in the target column of {@code iptables -L}; empty for a rule
   * without target.
   */
  String name();

  /**
   * The name in the target column of {@code iptables -L}: usually {@link #name()}; targets iptables stores
   * under another one differ ({@code -j NOTRACK} is listed as CT).
   */
  default String listName() {
    return name();
  }

  /** Appends the options in save form, each preceded by a space. */
  void appendSave(StringBuilder out);

  /** Appends the {@code iptables -L} form of the options (with its own leading space). */
  void appendList(StringBuilder out, boolean numeric);

  /**
   * Why netsim cannot decide this target (it parses it but does not model what it looks at), in words;
   * null when it is modelled. Loading a rule set reports these: a packet that reaches one ends undetermined.
   */
  default String notModelled() {
    return null;
  }

  /**
   * Applies the target: changes the packet's context where the target has side effects and returns the
   * verdict, {@link Verdict#CONTINUE} for non-terminal targets. Jumps, gotos and RETURN are handled by the
   * evaluator and never applied.
   */
  Verdict apply(PacketContext packet);

  /** The user chain this target jumps or goes to, or null. */
  default String chainJumpedTo() {
    return null;
  }

  /** Whether this is {@code -g CHAIN} rather than {@code -j CHAIN}. */
  default boolean isGoto() {
    return false;
  }

  /** See {@link Match#validate}. */
  default void validate(IpHeader header) {
  }

  /**
   * The kernel's check of the target when the rule is added ({@code checkentry}, the table restriction, values):
   * the placement's hook mask is the chain's own hook for a built-in chain and 0 for a user chain. Null when
   * the kernel accepts.
   */
  default KernelError check(Placement placement) {
    return null;
  }

  /**
   * The hooks the kernel allows the target at (its {@code hooks} mask), checked for every built-in chain the rule
   * is reachable from; {@link Placement#ALL_HOOKS} when unrestricted.
   */
  default int allowedHooks() {
    return Placement.ALL_HOOKS;
  }

  /** Whether a rule with this target makes the kernel track connections (conntrack state, connmark, ...). */
  default boolean needsConntrack() {
    return false;
  }
}
