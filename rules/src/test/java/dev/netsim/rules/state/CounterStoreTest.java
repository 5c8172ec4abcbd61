package dev.netsim.rules.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.rules.ext.match.LimitMatch;
import dev.netsim.rules.ext.target.StandardTarget;
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.IpHeader;
import dev.netsim.rules.model.Rule;
import dev.netsim.rules.model.RuleSpec;
import dev.netsim.rules.model.TableName;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CounterStoreTest {
  private final CounterStore counters = new CounterStore();

  @Test
  void idsAreDenseRecycledAndStartAtZero() {
    Set<Integer> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      ids.add(counters.allocate());
    }
    assertThat(ids).hasSize(1000).allMatch(id -> id >= 0 && id < 1000);
    counters.count(7, 100);
    counters.count(7, 50);
    assertThat(counters.packets(7)).isEqualTo(2);
    assertThat(counters.bytes(7)).isEqualTo(150);
    counters.release(7);
    assertThat(counters.allocate()).isEqualTo(7);
    assertThat(counters.packets(7)).isZero();
    assertThat(counters.allocate()).isEqualTo(1000);
  }

  @Test
  void policiesAreCountedPerTableAndChain() {
    counters.countPolicy(TableName.FILTER, Hook.INPUT, 60);
    counters.countPolicy(TableName.FILTER, Hook.INPUT, 40);
    counters.countPolicy(TableName.MANGLE, Hook.INPUT, 1);
    assertThat(counters.policyPackets(TableName.FILTER, Hook.INPUT)).isEqualTo(2);
    assertThat(counters.policyBytes(TableName.FILTER, Hook.INPUT)).isEqualTo(100);
    assertThat(counters.policyPackets(TableName.FILTER, Hook.OUTPUT)).isZero();
    counters.setPolicy(TableName.FILTER, Hook.INPUT, 5, 6);
    assertThat(counters.policyBytes(TableName.FILTER, Hook.INPUT)).isEqualTo(6);
    assertThat(counters.policyPackets(TableName.MANGLE, Hook.INPUT)).isEqualTo(1);
  }

  @Test
  void statefulMatchesGetOneStatePerRuleUntilTheIdIsReleased() {
    int id = counters.allocate();
    LimitMatch limit = new LimitMatch(3333, 5);
    Rule rule = new Rule(id, new RuleSpec(IpHeader.ANY, List.of(limit), new StandardTarget(StandardTarget.Kind.ACCEPT)));
    Object[] states = counters.matchStates(rule);
    assertThat(states).hasSize(1);
    assertThat(states[0]).isNotNull();
    assertThat(counters.matchStates(rule)).isSameAs(states);
    counters.release(id);
    assertThat(counters.allocate()).isEqualTo(id);
    assertThat(counters.matchStates(rule)).isNotSameAs(states);
  }
}
