package dev.netsim.rules.ext;

import java.util.List;

import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.model.IpHeader;

/**
 * A parsed extension match ({@code -m tcp --dport 22}): an immutable value (records, so that equal options
 * make equal rules for {@code iptables -D}) that prints itself as iptables does and tests packets.
 */
public interface Match {
  /** The name printed after {@code -m} in {@code iptables-save}. */
  String name();

  /**
   * Whether the match shows in listings at all. iptables-nft drops matches it turned into kernel expressions
   * it cannot read back ({@code -m tcp ! --sport 0:65535}); they still act on packets.
   */
  default boolean visible() {
    return true;
  }

  /** Appends the options in save form, each preceded by a space: {@code " --dport 22"}. */
  void appendSave(StringBuilder out);

  /**
   * Lines iptables writes to stderr each time it prints this match in any form (connlabel cannot open its
   * label file); empty for almost all matches.
   */
  default List<String> printWarnings() {
    return List.of();
  }

  /** Appends the {@code iptables -L} form (the match's own leading space included): {@code " tcp dpt:ssh"}. */
  void appendList(StringBuilder out, boolean numeric);

  /**
   * Why netsim cannot decide this match (it parses it but does not model what it looks at), in words;
   * null when it is modelled. Loading a rule set reports these: a packet that reaches one ends undetermined.
   */
  default String notModelled() {
    return null;
  }

  /**
   * Tests the packet. {@code state} is this match's runtime state for this rule ({@link #newState()}), or
   * null for stateless matches.
   */
  MatchResult evaluate(PacketContext packet, Object state);

  /** The first condition that fails for {@code packet}, in words, for traces only. */
  default String explainMismatch(PacketContext packet) {
    StringBuilder text = new StringBuilder("-m ").append(name());
    appendSave(text);
    return text.append(" does not match").toString();
  }

  /** Whether the match keeps per-rule runtime state (e.g. limit's token bucket). */
  default boolean isStateful() {
    return false;
  }

  /** A fresh runtime state for one rule, for stateful matches. */
  default Object newState() {
    return null;
  }

  /**
   * The checks iptables-nft makes when it turns the parsed rule into kernel form, after parsing (e.g. "TCP
   * match requires '-p tcp'"); throws {@link IptablesException}.
   */
  default void validate(IpHeader header) {
  }

  /**
   * The kernel's check of the match when the rule is added ({@code checkentry}, the table restriction, values):
   * the placement's hook mask is the chain's own hook for a built-in chain and 0 for a user chain. Null when
   * the kernel accepts.
   */
  default KernelError check(Placement placement) {
    return null;
  }

  /**
   * The hooks the kernel allows the match at (its {@code hooks} mask), checked for every built-in chain the rule
   * is reachable from; {@link Placement#ALL_HOOKS} when unrestricted.
   */
  default int allowedHooks() {
    return Placement.ALL_HOOKS;
  }

  /** Whether a rule with this match makes the kernel track connections (conntrack state, connmark, ...). */
  default boolean needsConntrack() {
    return false;
  }
}
