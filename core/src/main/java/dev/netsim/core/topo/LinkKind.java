package dev.netsim.core.topo;

/** The kinds of network device netsim models. */
public enum LinkKind {
  /** {@code lo}: every namespace has one, index 1, created DOWN. */
  LOOPBACK,
  /** One end of a veth pair; its peer may live in another namespace. */
  VETH,
  /** A learning bridge ({@code ip link add br0 type bridge}). */
  BRIDGE,
  /**
   * A physical NIC such as a preset host's {@code eth0}: printed as a real NIC (no {@code @ifN}), its wire
   * leads to another ETHERNET link, usually in a namespace playing the outside world.
   */
  ETHERNET;

  /** Whether the device carries Ethernet frames (everything but loopback). */
  public boolean isEthernet() {
    return this != LOOPBACK;
  }
}
