/**
 * AssertJ assertions on netsim's results: {@code import static dev.netsim.sim.api.assertions.NetsimAssertions.assertThat;}.
 * Failure messages end with the probe's explained path. Needs {@code org.assertj:assertj-core} on the class path
 * (an optional dependency of netsim's {@code sim} module: add it to your tests' dependencies).
 */
package dev.netsim.sim.api.assertions;
