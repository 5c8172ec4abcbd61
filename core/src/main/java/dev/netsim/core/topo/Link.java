package dev.netsim.core.topo;

import dev.netsim.core.value.Mac;
import java.util.List;
import java.util.Objects;

/**
 * A network device in one namespace, immutable; the editor replaces it whole.
 *
 * <p>{@code carrier} and {@code operState} are derived (from the admin state of the veth peer, or of the
 * bridge's ports) and recomputed whenever a change could affect them, so readers on the hot path get them
 * for free.
 *
 * @param index the ifindex, unique within the namespace
 * @param name the interface name
 * @param kind loopback, veth, bridge or a physical NIC
 * @param mac the hardware address
 * @param macSetByUser whether {@code ip link set address} chose it (a bridge then keeps it)
 * @param adminUp {@code ip link set up}
 * @param carrier whether the lower layer is up ({@code LOWER_UP}): a veth end needs its peer up, a bridge a
 *     forwarding port; always false while admin down
 * @param operState the RFC 2863 state {@code ip link} prints
 * @param qdiscAttached whether the device was brought up since it was created or moved (the qdisc
 *     {@code ip link} prints is {@code noop} until then)
 * @param mtu the MTU
 * @param txQueueLength the transmit queue length ({@code ip link} prints it as {@code qlen} unless it is 0)
 * @param master the ifindex of the bridge this device is a port of, or 0
 * @param portNumber the port number on that bridge ({@code brctl showmacs}' "port no"), or 0
 * @param peer the veth peer or the far end of a NIC's wire; null for loopback and bridges
 * @param addresses the IPv4 addresses in the kernel's order (primaries first, then secondaries)
 * @param linkLocal the IPv6 link-local address, or null while the device has none
 * @param bridge the bridge settings; null unless {@code kind} is BRIDGE
 */
public record Link(
    int index,
    String name,
    LinkKind kind,
    Mac mac,
    boolean macSetByUser,
    boolean adminUp,
    boolean carrier,
    OperState operState,
    boolean qdiscAttached,
    int mtu,
    int txQueueLength,
    int master,
    int portNumber,
    Peer peer,
    List<IfAddress> addresses,
    LinkLocal linkLocal,
    BridgeSettings bridge) {

  /** How long IPv6 duplicate address detection keeps a new link-local address "tentative". */
  public static final long DAD_NANOS = 1_500_000_000L;

  public Link {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(mac, "mac");
    Objects.requireNonNull(operState, "operState");
    addresses = List.copyOf(addresses);
    if ((kind == LinkKind.BRIDGE) != (bridge != null)) {
      throw new IllegalArgumentException("bridge settings belong to bridges only: " + name);
    }
  }

  /** admin UP with carrier: the device can send and receive. */
  public boolean lowerUp() {
    return adminUp && carrier;
  }

  public boolean isBridge() {
    return kind == LinkKind.BRIDGE;
  }

  public boolean isLoopback() {
    return kind == LinkKind.LOOPBACK;
  }

  public boolean isBridgePort() {
    return master != 0;
  }

  /** The queueing discipline {@code ip link} prints. */
  public String qdisc() {
    if (!qdiscAttached) {
      return "noop";
    }
    return kind == LinkKind.ETHERNET ? "fq_codel" : "noqueue";
  }

  /** Whether the IPv6 link-local address exists and finished duplicate address detection at {@code now}. */
  public boolean linkLocalTentative(long now) {
    return linkLocal != null && now - linkLocal.since() < DAD_NANOS;
  }

  Link withName(String value) {
    return new Link(index, value, kind, mac, macSetByUser, adminUp, carrier, operState, qdiscAttached, mtu,
        txQueueLength, master, portNumber, peer, addresses, linkLocal, bridge);
  }

  Link withMac(Mac value, boolean setByUser) {
    return new Link(index, name, kind, value, setByUser, adminUp, carrier, operState, qdiscAttached, mtu,
        txQueueLength, master, portNumber, peer, addresses, linkLocal, bridge);
  }

  Link withAdminUp(boolean value) {
    return new Link(index, name, kind, mac, macSetByUser, value, carrier, operState, qdiscAttached || value, mtu,
        txQueueLength, master, portNumber, peer, addresses, linkLocal, bridge);
  }

  Link withState(boolean carrierValue, OperState operValue, LinkLocal linkLocalValue) {
    return new Link(index, name, kind, mac, macSetByUser, adminUp, carrierValue, operValue, qdiscAttached, mtu,
        txQueueLength, master, portNumber, peer, addresses, linkLocalValue, bridge);
  }

  Link withMtu(int value) {
    return new Link(index, name, kind, mac, macSetByUser, adminUp, carrier, operState, qdiscAttached, value,
        txQueueLength, master, portNumber, peer, addresses, linkLocal, bridge);
  }

  Link withTxQueueLength(int value) {
    return new Link(index, name, kind, mac, macSetByUser, adminUp, carrier, operState, qdiscAttached, mtu, value,
        master, portNumber, peer, addresses, linkLocal, bridge);
  }

  Link withMaster(int masterIndex, int port) {
    return new Link(index, name, kind, mac, macSetByUser, adminUp, carrier, operState, qdiscAttached, mtu,
        txQueueLength, masterIndex, port, peer, addresses, linkLocal, bridge);
  }

  Link withPeer(Peer value) {
    return new Link(index, name, kind, mac, macSetByUser, adminUp, carrier, operState, qdiscAttached, mtu,
        txQueueLength, master, portNumber, value, addresses, linkLocal, bridge);
  }

  Link withAddresses(List<IfAddress> value) {
    return new Link(index, name, kind, mac, macSetByUser, adminUp, carrier, operState, qdiscAttached, mtu,
        txQueueLength, master, portNumber, peer, value, linkLocal, bridge);
  }

  Link withBridge(BridgeSettings value) {
    return new Link(index, name, kind, mac, macSetByUser, adminUp, carrier, operState, qdiscAttached, mtu,
        txQueueLength, master, portNumber, peer, addresses, linkLocal, value);
  }

  /** What a device looks like after it moved namespaces: down, detached, no addresses, no qdisc. */
  Link resetForMove(int newIndex) {
    return new Link(newIndex, name, kind, mac, macSetByUser, false, false, OperState.DOWN, false, mtu, txQueueLength,
        0, 0, peer, List.of(), null, bridge);
  }
}
