package dev.netsim.core.topo;

import java.util.Objects;

/**
 * The other end of a veth pair or of a NIC's wire: its namespace and its interface index there.
 *
 * @param namespace the peer's namespace name ("" for the host)
 * @param index the peer's ifindex in that namespace
 */
public record Peer(String namespace, int index) {
  public Peer {
    Objects.requireNonNull(namespace, "namespace");
  }
}
