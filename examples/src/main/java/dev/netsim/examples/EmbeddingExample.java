package dev.netsim.examples;

import dev.netsim.sim.api.Netns;
import dev.netsim.sim.api.Netsim;
import dev.netsim.sim.api.ProbeResult;
import java.io.PrintStream;

/**
 * The smallest program that embeds netsim: it builds two namespaces on a bridge with Docker's FORWARD policy,
 * pings across, prints why the ping was dropped, accepts it in DOCKER-USER, and pings again.
 *
 * <p>Run it with {@code java -cp ... dev.netsim.examples.EmbeddingExample}; it prints each probe's explained path.
 */
public final class EmbeddingExample {
  private EmbeddingExample() {}

  /** Runs the example, printing to standard output. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the example, printing to {@code out}; returns the second ping's result. */
  public static ProbeResult run(PrintStream out) {
    Netsim net = Netsim.create();
    Netns host = net.host();
    Netns red = net.netns("RED");
    Netns blue = net.netns("BLUE");
    net.veth(red, "reth0", host, "reth1").veth(blue, "beth0", host, "beth1");
    host.bridge("br0", "reth1", "beth1").up("reth1", "beth1");
    red.address("reth0", "11.11.11.2/24").up("reth0");
    blue.address("beth0", "11.11.11.3/24").up("beth0");
    host.iptables("-N DOCKER-USER").iptables("-A FORWARD -j DOCKER-USER").iptables("-P FORWARD DROP");

    ProbeResult dropped = red.ping("11.11.11.3");
    out.println(dropped);
    out.print(dropped.render());

    host.iptables("-I DOCKER-USER -j ACCEPT");
    ProbeResult delivered = red.ping("11.11.11.3");
    out.println(delivered);
    out.println("replies: " + delivered.replies());
    return delivered;
  }
}
