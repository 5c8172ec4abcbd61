package dev.netsim.rules.workload;

import dev.netsim.rules.eval.PacketContext;

/** A numbered sequence of packets that can be replayed into any number of packet views identically. */
public interface PacketSource {
  int size();

  /** Resets {@code packet} and sets it to packet {@code index} (0-based). */
  void fill(int index, PacketContext packet);
}
