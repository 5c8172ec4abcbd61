package dev.netsim.sim.stack;

import dev.netsim.core.value.Ipv4;

/** An address and port a socket is bound to; address 0 is INADDR_ANY. */
public record Endpoint(int address, int port) {
  public boolean matches(int otherAddress, int otherPort) {
    return port == otherPort && (address == 0 || address == otherAddress);
  }

  @Override
  public String toString() {
    return Ipv4.format(address) + ":" + port;
  }
}
