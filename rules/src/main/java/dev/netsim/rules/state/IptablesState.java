package dev.netsim.rules.state;

import dev.netsim.rules.ext.Match;
import dev.netsim.rules.model.BuiltinStatus;
import dev.netsim.rules.model.Chain;
import dev.netsim.rules.model.Rule;
import dev.netsim.rules.model.Ruleset;
import dev.netsim.rules.model.Table;
import dev.netsim.rules.model.TableName;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The iptables of one network namespace: the current immutable {@link Ruleset} snapshot and the mutable
 * {@link CounterStore}. Commands change it through {@link Transaction}s; evaluators read the snapshot and
 * move the counters. {@link #version()} grows with every committed change, so that a compiled classifier
 * knows when to rebuild.
 */
public final class IptablesState {
  private final CounterStore counters = new CounterStore();
  private Ruleset ruleset = Ruleset.EMPTY;
  private long version;
  private final Set<String> ipsets = new HashSet<>();
  private final long[] tableVersions = new long[TableName.values().length];
  /** {@link #needsConntrack()} as of ruleset version {@code conntrackKnownAt}. */
  private long conntrackKnownAt = -1;
  private boolean conntrackNeeded;

  public Ruleset ruleset() {
    return ruleset;
  }

  public CounterStore counters() {
    return counters;
  }

  /** Incremented by every committed transaction. */
  public long version() {
    return version;
  }

  /**
   * The {@link #version()} at which a transaction last changed {@code table} (0: never), so that a compiled
   * classifier rebuilds only the tables that changed. Chains a transaction left alone are even the same
   * {@link dev.netsim.rules.model.Chain} objects in the new snapshot, so per-chain work can be kept by identity.
   */
  public long tableVersion(TableName table) {
    return tableVersions[table.ordinal()];
  }

  /**
   * The names of the ipsets that exist in the namespace: {@code -m set} and {@code -j SET} refuse other names
   * as iptables does ("Set foo doesn't exist."). Mutable; whoever models {@code ipset create} fills it.
   */
  public Set<String> ipsets() {
    return ipsets;
  }

  /** Starts a batch of changes; commit or abort it. */
  public Transaction begin() {
    return new Transaction(this);
  }

  /** The jump graph of one table snapshot, kept so that the next transaction need not rebuild it. */
  private record KnownEdges(Table table, Map<String, Map<String, Integer>> edges) {}

  private final Map<TableName, KnownEdges> knownEdges = new EnumMap<>(TableName.class);

  /** The jump graph of {@code table} if it is known (null otherwise); callers must not change it. */
  Map<String, Map<String, Integer>> knownEdges(Table table) {
    KnownEdges known = knownEdges.get(table.name());
    return known != null && known.table() == table ? known.edges() : null;
  }

  /** Remembers the jump graph of a committed table snapshot ({@code edges} null: unknown). */
  void rememberEdges(Table table, Map<String, Map<String, Integer>> edges) {
    if (edges == null) {
      knownEdges.remove(table.name());
    } else {
      knownEdges.put(table.name(), new KnownEdges(table, edges));
    }
  }

  void install(Ruleset newRuleset, Set<TableName> changed) {
    ruleset = Objects.requireNonNull(newRuleset, "ruleset");
    version++;
    for (TableName table : changed) {
      tableVersions[table.ordinal()] = version;
    }
  }

  /**
   * Whether iptables-nft made the kernel track connections in this namespace: once a chain of the nat
   * table exists or a rule needs conntrack (a conntrack, state or connmark match, a CT, CONNMARK or NOTRACK
   * target), entries appear in {@code conntrack -L}; before that, none do.
   */
  public boolean needsConntrack() {
    if (conntrackKnownAt != version) {
      conntrackNeeded = computeNeedsConntrack();
      conntrackKnownAt = version;
    }
    return conntrackNeeded;
  }

  private boolean computeNeedsConntrack() {
    for (Table table : ruleset.tables().values()) {
      for (Chain chain : table.chains()) {
        if (table.name() == TableName.NAT && chain.isBuiltin() && chain.status() != BuiltinStatus.ABSENT) {
          return true;
        }
        for (Rule rule : chain.rules()) {
          if (rule.spec().target().needsConntrack()) {
            return true;
          }
          for (Match match : rule.spec().matches()) {
            if (match.needsConntrack()) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }
}
