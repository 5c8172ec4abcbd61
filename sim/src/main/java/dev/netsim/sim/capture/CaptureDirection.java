package dev.netsim.sim.capture;

/** tcpdump's {@code -Q}: which directions a capture keeps. */
public enum CaptureDirection {
  IN, OUT, INOUT;

  boolean accepts(PacketType type) {
    return switch (this) {
      case IN -> type != PacketType.OUTGOING;
      case OUT -> type == PacketType.OUTGOING;
      case INOUT -> true;
    };
  }
}
