package dev.netsim.sim.tools.docker;

import dev.netsim.core.value.Ipv4;
import java.util.ArrayList;
import java.util.List;

/**
 * One container as the daemon knows it at one moment; the daemon replaces it when its state changes.
 *
 * @param sequence the order of creation (ps lists the newest first)
 * @param id 64 hex digits
 * @param name without the leading slash
 * @param image what it runs
 * @param args the command's arguments after the image's entrypoint (or the CMD's first word)
 * @param network {@code bridge}, {@code host} or {@code none}
 * @param ports the published ports ({@code -p})
 * @param autoRemove {@code --rm}
 * @param tty {@code -t}: a shell with a terminal keeps running
 * @param running whether it runs now
 * @param netns the network namespace it runs in while running ("" for the host's), else null
 * @param address its address on docker0 while running in bridge mode, else null
 * @param hostVeth the host end of its veth pair while running in bridge mode, else null
 * @param createdNanos virtual time of {@code docker create}
 * @param startedNanos virtual time of the last start, -1 if never
 * @param finishedNanos virtual time of the last exit, -1 if never
 * @param exitCode the last exit status
 */
public record Container(int sequence, String id, String name, Image image, List<String> args, String network,
    List<PortMapping> ports, boolean autoRemove, boolean tty, boolean running, String netns, Ipv4 address,
    String hostVeth, long createdNanos, long startedNanos, long finishedNanos, int exitCode) {
  public Container {
    args = List.copyOf(args);
    ports = List.copyOf(ports);
  }

  /** {@code -p HOST:CONTAINER/PROTO}. */
  public record PortMapping(int hostPort, int containerPort, String protocol) {}

  public String shortId() {
    return id.substring(0, 12);
  }

  /** The program and its arguments: the entrypoint followed by the command. */
  public List<String> commandLine() {
    List<String> line = new ArrayList<>(image.entrypoint());
    line.addAll(args);
    return line;
  }

  /** The bridge-mode MAC Docker 20.10-25 derives from the address: 02:42 then the address's four bytes. */
  public String mac() {
    if (address == null) {
      return "";
    }
    int bits = address.bits();
    return String.format("02:42:%02x:%02x:%02x:%02x", bits >>> 24, (bits >>> 16) & 0xff, (bits >>> 8) & 0xff, bits & 0xff);
  }

  Container started(String netnsNow, Ipv4 addressNow, String hostVethNow, long now) {
    return new Container(sequence, id, name, image, args, network, ports, autoRemove, tty, true, netnsNow, addressNow,
        hostVethNow, createdNanos, now, finishedNanos, 0);
  }

  Container exited(int status, long now) {
    return new Container(sequence, id, name, image, args, network, ports, autoRemove, tty, false, null, null, null,
        createdNanos, startedNanos, now, status);
  }
}
