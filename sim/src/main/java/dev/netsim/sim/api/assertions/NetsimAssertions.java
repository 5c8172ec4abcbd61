package dev.netsim.sim.api.assertions;

import dev.netsim.sim.api.FlowReport;
import dev.netsim.sim.api.ProbeResult;

/**
 * The AssertJ entry point for netsim's results: {@code import static
 * dev.netsim.sim.api.assertions.NetsimAssertions.assertThat;} next to AssertJ's own {@code Assertions}.
 */
public final class NetsimAssertions {
  private NetsimAssertions() {}

  /** Assertions on a probe's result. */
  public static ProbeResultAssert assertThat(ProbeResult actual) {
    return new ProbeResultAssert(actual);
  }

  /** Assertions on a flow table's report. */
  public static FlowReportAssert assertThat(FlowReport actual) {
    return new FlowReportAssert(actual);
  }
}
