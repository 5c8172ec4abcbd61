package dev.netsim.sim.api;

import dev.netsim.core.value.Ipv4;
import dev.netsim.sim.trace.Disposition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Many flows and the outcome each should have, checked against one machine and its rule set in one go — every
 * mismatch is reported, not just the first (like kube-proxy's packet-flow tests).
 *
 * <pre>{@code
 * FlowReport report = net.flows()
 *     .expect("PC", "tcp 192.0.2.10:10001", Disposition.DELIVERED)
 *     .expect("PC", "tcp 192.0.2.10:22", Disposition.DROPPED_BY_POLICY)
 *     .expect("web1", "ping 198.51.100.1", Disposition.DELIVERED)
 *     .run();
 * assertThat(report).hasNoMismatches();
 * }</pre>
 *
 * <p>The flows run in the order given, on the same machine: connections that earlier flows opened stay in
 * conntrack (each probe uses its own port or echo id, so it starts a new connection).
 */
public final class FlowTable {
  private final Netsim net;
  private final List<Row> rows = new ArrayList<>();

  private record Row(String label, Supplier<ProbeResult> probe, Disposition expected) {}

  FlowTable(Netsim net) {
    this.net = net;
  }

  /**
   * A flow from namespace {@code from} ({@code "host"} or {@code ""} for the host) described as {@code ping ADDRESS},
   * {@code tcp ADDRESS:PORT} (a connection attempt) or {@code udp ADDRESS:PORT} (one datagram), and the outcome
   * its first packet should have. IllegalArgumentException for a description of another form.
   */
  public FlowTable expect(String from, String flow, Disposition expected) {
    String[] words = flow.trim().split("\\s+");
    if (words.length != 2) {
      throw new IllegalArgumentException("a flow is `ping ADDRESS', `tcp ADDRESS:PORT' or `udp ADDRESS:PORT', not `"
          + flow + "'");
    }
    String netns = from.equals("host") ? Netsim.HOST : from;
    if (!net.namespaces().contains(netns)) {
      throw new IllegalArgumentException("no namespace `" + from + "' (there are " + net.namespaces().stream()
          .map(name -> name.isEmpty() ? "host" : name).toList() + ")");
    }
    Supplier<ProbeResult> probe = switch (words[0]) {
      case "ping" -> {
        String address = address(words[1], flow);
        yield () -> net.netns(netns).ping(address);
      }
      case "tcp", "udp" -> {
        String address = host(words[1], flow);
        int port = port(words[1], flow);
        yield words[0].equals("tcp") ? () -> net.netns(netns).connectTcp(address, port)
            : () -> net.netns(netns).sendUdp(address, port);
      }
      default -> throw new IllegalArgumentException("unknown probe `" + words[0] + "' in `" + flow
          + "'; use ping, tcp or udp");
    };
    return expect(flow + " from " + (netns.isEmpty() ? "host" : netns), probe, expected);
  }

  /** A flow of any kind ({@code probe} runs it, e.g. {@code () -> pc.inject("pc0", packet)}) and its outcome. */
  public FlowTable expect(String label, Supplier<ProbeResult> probe, Disposition expected) {
    rows.add(new Row(Objects.requireNonNull(label), Objects.requireNonNull(probe), Objects.requireNonNull(expected)));
    return this;
  }

  /** Runs every flow in order and reports each one's outcome against its expectation. */
  public FlowReport run() {
    List<FlowReport.Flow> flows = new ArrayList<>();
    for (Row row : rows) {
      flows.add(new FlowReport.Flow(row.label(), row.expected(), row.probe().get()));
    }
    return new FlowReport(flows);
  }

  private static String host(String endpoint, String flow) {
    int colon = endpoint.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("no port in `" + flow + "'; write ADDRESS:PORT");
    }
    return address(endpoint.substring(0, colon), flow);
  }

  private static String address(String text, String flow) {
    if (!Ipv4.isValid(text)) {
      throw new IllegalArgumentException("not an IPv4 address: `" + text + "' in `" + flow + "'");
    }
    return text;
  }

  private static int port(String endpoint, String flow) {
    try {
      int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in `" + flow + "'");
    }
  }
}
