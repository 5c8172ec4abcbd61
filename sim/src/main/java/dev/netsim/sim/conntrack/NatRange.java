package dev.netsim.sim.conntrack;

/**
 * Where NAT may map a connection: an address range (or none: keep the address) and a port range (or none:
 * keep the port when possible), as {@code --to-source}, {@code --to-destination} and {@code --to-ports}
 * give them. Addresses compare unsigned.
 */
public record NatRange(boolean hasAddress, int minAddress, int maxAddress, boolean hasPorts, int minPort, int maxPort) {
  public NatRange {
    if (hasAddress && Integer.compareUnsigned(minAddress, maxAddress) > 0) {
      throw new IllegalArgumentException("address range upside down");
    }
    if (hasPorts && (minPort < 0 || maxPort > 65535 || minPort > maxPort)) {
      throw new IllegalArgumentException("port range " + minPort + "-" + maxPort);
    }
  }

  public static NatRange address(int address) {
    return new NatRange(true, address, address, false, 0, 0);
  }

  public static NatRange of(int address, int minPort, int maxPort) {
    return new NatRange(true, address, address, true, minPort, maxPort);
  }

  public NatRange withAddress(int address) {
    return new NatRange(true, address, address, hasPorts, minPort, maxPort);
  }

  long addressCount() {
    return Integer.toUnsignedLong(maxAddress) - Integer.toUnsignedLong(minAddress) + 1;
  }
}
