package dev.netsim.core.topo;

import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Ipv4Prefix;
import java.util.Objects;

/**
 * An IPv4 address assigned to an interface, as {@code ip addr} shows it.
 *
 * @param local the interface's own address
 * @param prefixLength the length of the connected network (0..32)
 * @param broadcast the broadcast address set with {@code brd}, or null when none was set
 * @param scope usually global; host for 127/8
 * @param label the address label, the device name unless {@code label} gave another
 * @param secondary whether another address of the same network was there first (the kernel's
 *     {@code IFA_F_SECONDARY})
 */
public record IfAddress(Ipv4 local, int prefixLength, Ipv4 broadcast, Scope scope, String label, boolean secondary) {
  public IfAddress {
    Objects.requireNonNull(local, "local");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(label, "label");
    if (prefixLength < 0 || prefixLength > 32) {
      throw new IllegalArgumentException("prefix length out of range: " + prefixLength);
    }
  }

  /** A global address without explicit broadcast, labelled with the device name. */
  public static IfAddress of(Ipv4 local, int prefixLength, String device) {
    return new IfAddress(local, prefixLength, null, Scope.GLOBAL, device, false);
  }

  public int mask() {
    return Ipv4Prefix.maskOf(prefixLength);
  }

  /** The connected network, e.g. 11.11.11.0/24 for 11.11.11.2/24. */
  public Ipv4Prefix network() {
    return Ipv4Prefix.of(local, prefixLength);
  }

  /** Whether {@code address} is in this address's network. */
  public boolean covers(int address) {
    return ((address ^ local.bits()) & mask()) == 0;
  }

  IfAddress withSecondary(boolean value) {
    return new IfAddress(local, prefixLength, broadcast, scope, label, value);
  }

  IfAddress withLabel(String value) {
    return new IfAddress(local, prefixLength, broadcast, scope, value, secondary);
  }

  /** {@code 11.11.11.2/24}. */
  @Override
  public String toString() {
    return local + "/" + prefixLength;
  }
}
