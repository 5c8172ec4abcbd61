package dev.netsim.rules.eval;

import dev.netsim.rules.ext.Target;

/**
 * Where targets with side effects outside the packet report them: the engine formats the kernel log line of
 * LOG (it knows the MACs, the IP id, ...), hands NFLOG copies to listeners and marks TRACE'd packets.
 */
public interface PacketEffects {
  /** A LOG or NFLOG (or other logging) target saw the packet; {@code target} carries prefix and level. */
  void logged(Target target, PacketContext packet);

  /** Effects that go nowhere: for callers that do not care (tests, benchmarks). */
  PacketEffects NONE = (target, packet) -> { };
}
