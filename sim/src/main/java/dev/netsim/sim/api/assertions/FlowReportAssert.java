package dev.netsim.sim.api.assertions;

import dev.netsim.sim.api.FlowReport;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link FlowReport}. Obtain one with {@link NetsimAssertions#assertThat(FlowReport)}.
 */
public final class FlowReportAssert extends AbstractAssert<FlowReportAssert, FlowReport> {
  FlowReportAssert(FlowReport actual) {
    super(actual, FlowReportAssert.class);
  }

  /**
   * Every flow ended as expected; otherwise fails listing every flow with its outcome, then each mismatch's
   * explained path.
   */
  public FlowReportAssert hasNoMismatches() {
    isNotNull();
    if (!actual.mismatches().isEmpty()) {
      failWithMessage("%s", actual.mismatches().size() + " of " + actual.flows().size()
          + " flows did not end as expected:\n" + actual.render());
    }
    return this;
  }
}
