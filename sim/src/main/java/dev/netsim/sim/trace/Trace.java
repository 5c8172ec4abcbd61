package dev.netsim.sim.trace;

import java.util.List;
import java.util.Objects;

/**
 * The explained path of one packet: the steps it took, in order, and how it ended. Immutable; tracing is
 * off unless a caller asks for it, and then steps are recorded as data and rendered only on demand.
 */
public record Trace(String packet, List<Step> steps, Disposition disposition, String reason) {
  public Trace {
    Objects.requireNonNull(packet, "packet");
    steps = List.copyOf(steps);
    Objects.requireNonNull(disposition, "disposition");
  }

  /** "host" for the initial namespace, the name otherwise. */
  public static String nsName(String netns) {
    return netns.isEmpty() ? "host" : netns;
  }

  /** The trace as text for a learner: one line per step, grouped by namespace, then the outcome. */
  public String render() {
    StringBuilder text = new StringBuilder();
    text.append("packet ").append(packet).append('\n');
    String current = null;
    for (Step step : steps) {
      if (!step.netns().equals(current)) {
        current = step.netns();
        text.append("[").append(nsName(current)).append("]\n");
      }
      text.append("  ").append(step.text()).append('\n');
    }
    text.append("⇒ ").append(disposition.text());
    if (reason != null && !reason.isEmpty()) {
      text.append(": ").append(reason);
    }
    return text.append('\n').toString();
  }
}
