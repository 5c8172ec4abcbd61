package dev.netsim.core.topo;

import dev.netsim.core.value.Mac;
import java.util.Objects;

/**
 * A bridge's own settings, with the kernel's defaults for a bridge made by {@code ip link add type bridge}.
 *
 * @param bridgeId the MAC part of the bridge id ({@code brctl show}: 8000.xxxxxxxxxxxx); all zeros until the
 *     first port comes or goes, then the lowest port MAC (or the address set by hand)
 * @param priority the bridge priority (0x8000)
 * @param stp whether STP is on ({@code brctl show}'s "STP enabled": no)
 * @param ageingTimeCentis how long a learned FDB entry lives without traffic (30000 = 300 s)
 * @param forwardDelayCentis 1500 = 15 s
 * @param helloTimeCentis 200 = 2 s
 * @param maxAgeCentis 2000 = 20 s
 */
public record BridgeSettings(
    Mac bridgeId, int priority, boolean stp, int ageingTimeCentis, int forwardDelayCentis, int helloTimeCentis,
    int maxAgeCentis) {
  public static final BridgeSettings DEFAULTS = new BridgeSettings(Mac.ZERO, 0x8000, false, 30000, 1500, 200, 2000);

  public BridgeSettings {
    Objects.requireNonNull(bridgeId, "bridgeId");
  }

  /** How long a learned FDB entry lives, in nanoseconds. */
  public long ageingTimeNanos() {
    return ageingTimeCentis * 10_000_000L;
  }

  BridgeSettings withBridgeId(Mac value) {
    return new BridgeSettings(value, priority, stp, ageingTimeCentis, forwardDelayCentis, helloTimeCentis,
        maxAgeCentis);
  }

  BridgeSettings withAgeingTimeCentis(int value) {
    return new BridgeSettings(bridgeId, priority, stp, value, forwardDelayCentis, helloTimeCentis, maxAgeCentis);
  }
}
