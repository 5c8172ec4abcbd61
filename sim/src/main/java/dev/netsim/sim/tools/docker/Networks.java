package dev.netsim.sim.tools.docker;

import java.util.List;

/** Docker's three built-in networks, as {@code docker network ls} lists them (by name). */
final class Networks {
  /** One network: its name, its 64-hex id and its driver. */
  record Network(String name, String id, String driver) {}

  static final List<Network> ALL = List.of(
      new Network("bridge", DockerDaemon.hex("network bridge"), "bridge"),
      new Network("host", DockerDaemon.hex("network host"), "host"),
      new Network("none", DockerDaemon.hex("network none"), "null"));

  private Networks() {}

  /** The network a name, an id or a unique id prefix names, or null. */
  static Network find(String reference) {
    for (Network network : ALL) {
      if (network.name().equals(reference) || network.id().equals(reference)) {
        return network;
      }
    }
    List<Network> prefixed = ALL.stream().filter(n -> !reference.isEmpty() && n.id().startsWith(reference)).toList();
    return prefixed.size() == 1 ? prefixed.get(0) : null;
  }
}
