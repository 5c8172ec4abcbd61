package dev.netsim.sim.capture;

import dev.netsim.core.packet.EthernetFrame;
import java.util.Objects;

/** One frame as a capture saw it: where, how the kernel classified it, the frame, and the virtual time. */
public record CapturedFrame(TapPoint at, PacketType type, EthernetFrame frame, long nanos) {
  public CapturedFrame {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(frame, "frame");
  }

  /** A frame received on {@code at} (its packet type is derived from its destination address). */
  public static CapturedFrame received(TapPoint at, EthernetFrame frame, long nanos) {
    return new CapturedFrame(at, PacketType.classify(false, frame.dst(), at.mac()), frame, nanos);
  }

  /** A frame sent out of {@code at}. */
  public static CapturedFrame transmitted(TapPoint at, EthernetFrame frame, long nanos) {
    return new CapturedFrame(at, PacketType.OUTGOING, frame, nanos);
  }
}
