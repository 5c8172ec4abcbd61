package dev.netsim.sim.engine;

import dev.netsim.sim.trace.Disposition;
import dev.netsim.sim.trace.Step;
import dev.netsim.sim.trace.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The trace of one packet while it is still moving: steps are appended as the packet walks, copies made by
 * a flooding bridge share it, and it is finished (handed to {@code sink} as an immutable {@link Trace}) when
 * the last copy has ended. Of several copies' endings the most telling one is kept: a delivery beats a drop,
 * a drop beats a copy that merely left the machine's model.
 */
class PacketTrace {
  /** The trace of a packet when tracing is off: records nothing, finishes nothing. */
  static final PacketTrace OFF = new PacketTrace(null, trace -> { }) {
    @Override
    boolean on() {
      return false;
    }

    @Override
    void add(Step step) {}

    @Override
    void branch() {}

    @Override
    void end(Disposition how, String why) {}
  };

  private final String packet;
  private final List<Step> steps = new ArrayList<>();
  private final Consumer<Trace> sink;
  private int copies = 1;
  private Disposition disposition;
  private String reason;

  PacketTrace(String packet, Consumer<Trace> sink) {
    this.packet = packet;
    this.sink = sink;
  }

  /** Whether steps are recorded: callers skip building them otherwise. */
  boolean on() {
    return true;
  }

  void add(Step step) {
    steps.add(step);
  }

  /** A bridge made one more copy that will end on its own. */
  void branch() {
    copies++;
  }

  /** One copy ended with {@code how}; the last copy's end finishes the trace. */
  void end(Disposition how, String why) {
    if (disposition == null || rank(how) > rank(disposition)) {
      disposition = how;
      reason = why;
    }
    if (--copies == 0) {
      sink.accept(new Trace(packet, steps, disposition, reason));
    }
  }

  private static int rank(Disposition disposition) {
    return switch (disposition) {
      case DELIVERED -> 3;
      case NOT_FOR_THIS_HOST, LINK_DOWN -> 1;
      default -> 2;
    };
  }
}
