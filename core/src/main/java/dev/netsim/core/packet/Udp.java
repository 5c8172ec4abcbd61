package dev.netsim.core.packet;

import java.util.Objects;

/** A UDP datagram. */
public record Udp(int srcPort, int dstPort, Payload payload) implements L4 {
  public Udp {
    Ports.check(srcPort, dstPort);
    Objects.requireNonNull(payload, "payload");
  }

  @Override
  public int protocol() {
    return 17;
  }

  @Override
  public int length() {
    return 8 + payload.length();
  }

  public Udp withPorts(int newSrcPort, int newDstPort) {
    return new Udp(newSrcPort, newDstPort, payload);
  }
}
