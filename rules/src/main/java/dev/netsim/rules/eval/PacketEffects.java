package dev.netsim.rules.eval;

import dev.netsim.rules.ext.Target;

/**
 * Where targets with side effects outside the packet report them: the engine formats the kernel log line of
 * LOG (it knows the MACs, the IP id, ...), hands NFLOG copies to listeners and marks TRACE'd packets.
 */
public interface PacketEffects {
  /** A LOG or NFLOG (or other logging) target saw the packet; {@code target} carries prefix and level. */
  void logged(Target target, PacketContext packet);

  /**
   * A target acted outside the packet in a way the engine may model and the rules module does not: TEE (send
   * a copy to {@code --gateway}), SET (add to or delete from an ipset). The packet goes on unchanged.
   */
  default void acted(Target target, PacketContext packet) {
  }

  /** Effects that go nowhere: for callers that do not care (tests, benchmarks). */
  PacketEffects NONE = (target, packet) -> { };
}
