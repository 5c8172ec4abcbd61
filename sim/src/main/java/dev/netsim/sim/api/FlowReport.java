package dev.netsim.sim.api;

import dev.netsim.sim.trace.Disposition;
import java.util.List;

/**
 * The outcome of every flow of a {@link FlowTable}, in order. Immutable.
 *
 * @param flows each flow with its expected and actual outcome
 */
public record FlowReport(List<Flow> flows) {
  /** Copies the list. */
  public FlowReport {
    flows = List.copyOf(flows);
  }

  /**
   * One flow.
   *
   * @param label the flow in words, e.g. {@code tcp 192.0.2.10:22 from PC}
   * @param expected the outcome it should have
   * @param result what happened
   */
  public record Flow(String label, Disposition expected, ProbeResult result) {
    /** Whether the flow ended as expected. */
    public boolean matches() {
      return result.outcome() == expected;
    }
  }

  /** The flows whose outcome differs from the expected one. */
  public List<Flow> mismatches() {
    return flows.stream().filter(flow -> !flow.matches()).toList();
  }

  /**
   * One line per flow ({@code ok} or {@code MISMATCH}, the flow, expected and actual outcome), then each mismatch's
   * full explanation.
   */
  public String render() {
    StringBuilder text = new StringBuilder();
    for (Flow flow : flows) {
      text.append(flow.matches() ? "ok        " : "MISMATCH  ").append(flow.label()).append(": expected ")
          .append(flow.expected().text()).append(", got ").append(flow.result().outcome().text());
      flow.result().decision().ifPresent(decision -> text.append(" (").append(decision).append(')'));
      text.append('\n');
    }
    for (Flow flow : mismatches()) {
      text.append("\n== ").append(flow.label()).append('\n').append(flow.result().render());
    }
    return text.toString();
  }
}
