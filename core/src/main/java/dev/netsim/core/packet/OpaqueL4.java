package dev.netsim.core.packet;

import java.util.Objects;

/** Any other IP protocol (GRE, ESP, SCTP, ...): carried and counted, never interpreted. */
public record OpaqueL4(int protocol, Payload payload) implements L4 {
  public OpaqueL4 {
    if (protocol < 0 || protocol > 255 || protocol == 1 || protocol == 6 || protocol == 17) {
      throw new IllegalArgumentException("not an opaque protocol: " + protocol);
    }
    Objects.requireNonNull(payload, "payload");
  }

  @Override
  public int length() {
    return payload.length();
  }
}
