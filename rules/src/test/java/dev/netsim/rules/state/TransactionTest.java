package dev.netsim.rules.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netsim.rules.ext.target.ChainJump;
import dev.netsim.rules.ext.target.StandardTarget;
import dev.netsim.rules.model.BuiltinStatus;
import dev.netsim.rules.model.Chain;
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.IpHeader;
import dev.netsim.rules.model.Policy;
import dev.netsim.rules.model.RuleSpec;
import dev.netsim.rules.model.TableName;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionTest {
  private static final TableName FILTER = TableName.FILTER;
  private final IptablesState state = new IptablesState();

  private static RuleSpec jump(String chain) {
    return new RuleSpec(IpHeader.ANY, List.of(), new ChainJump(chain, false));
  }

  private static RuleSpec accept() {
    return new RuleSpec(IpHeader.ANY, List.of(), new StandardTarget(StandardTarget.Kind.ACCEPT));
  }

  private void commit(java.util.function.Consumer<Transaction> change) {
    Transaction tx = state.begin();
    change.accept(tx);
    tx.commit();
  }

  @Test
  void nothingIsVisibleBeforeCommitAndAbortLeavesNoTrace() {
    Transaction tx = state.begin();
    tx.newChain(FILTER, "A");
    tx.append(FILTER, "INPUT", List.of(accept()), 0, 0);
    assertThat(state.ruleset().exists(FILTER)).isFalse();
    tx.abort();
    assertThat(state.ruleset().exists(FILTER)).isFalse();
    assertThat(state.version()).isZero();
    assertThatThrownBy(tx::commit).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aCommitInstallsANewSnapshotAndReusesUntouchedChains() {
    commit(tx -> {
      tx.newChain(FILTER, "A");
      tx.append(FILTER, "A", List.of(accept()), 3, 180);
      tx.append(FILTER, "INPUT", List.of(jump("A")), 0, 0);
    });
    Chain a = state.ruleset().table(FILTER).chain("A");
    assertThat(state.counters().packets(a.rules().get(0).id())).isEqualTo(3);
    assertThat(state.ruleset().table(FILTER).builtin(Hook.INPUT).status()).isEqualTo(BuiltinStatus.CREATED);
    long before = state.tableVersion(FILTER);
    commit(tx -> tx.append(FILTER, "INPUT", List.of(accept()), 0, 0));
    assertThat(state.tableVersion(FILTER)).isGreaterThan(before);
    assertThat(state.tableVersion(TableName.NAT)).isZero();
    assertThat(state.ruleset().table(FILTER).chain("A")).isSameAs(a);
    assertThat(state.ruleset().table(FILTER).chain("INPUT").size()).isEqualTo(2);
  }

  @Test
  void chainsInUseCannotBeDeletedAndDeletedRulesFreeTheirIds() {
    commit(tx -> {
      tx.newChain(FILTER, "A");
      tx.append(FILTER, "INPUT", List.of(jump("A")), 0, 0);
    });
    Transaction tx = state.begin();
    assertThatThrownBy(() -> tx.deleteChain(FILTER, "A")).isInstanceOf(KernelRefusal.class)
        .hasMessage("CHAIN_DEL failed (Device or resource busy): chain A");
    tx.abort();
    int id = state.ruleset().table(FILTER).builtin(Hook.INPUT).rules().get(0).id();
    commit(t -> t.delete(FILTER, "INPUT", 1));
    commit(t -> t.deleteChain(FILTER, "A"));
    assertThat(state.ruleset().table(FILTER).chain("A")).isNull();
    assertThat(state.counters().allocate()).isEqualTo(id);
  }

  @Test
  void policiesSetExplicitlyStartCounting() {
    commit(tx -> tx.setPolicy(FILTER, Hook.FORWARD, Policy.DROP, 7, 700));
    Chain forward = state.ruleset().table(FILTER).builtin(Hook.FORWARD);
    assertThat(forward.policy()).isEqualTo(Policy.DROP);
    assertThat(forward.countsPolicy()).isTrue();
    assertThat(state.counters().policyBytes(FILTER, Hook.FORWARD)).isEqualTo(700);
  }

  @Test
  void loopsReachableFromABuiltinChainAreRefused() {
    commit(tx -> {
      tx.newChain(FILTER, "A");
      tx.newChain(FILTER, "B");
      tx.append(FILTER, "A", List.of(jump("B")), 0, 0);
      // a loop nothing reaches is accepted
      tx.append(FILTER, "B", List.of(jump("A")), 0, 0);
    });
    Transaction tx = state.begin();
    assertThatThrownBy(() -> tx.append(FILTER, "INPUT", List.of(jump("A")), 0, 0))
        .isInstanceOf(KernelRefusal.class).hasMessage("RULE_APPEND failed (Too many links): rule in chain INPUT");
    tx.abort();
  }
}
