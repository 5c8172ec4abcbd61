package dev.netsim.rules.state;

import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.KernelError;
import dev.netsim.rules.model.BuiltinStatus;
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.Policy;
import dev.netsim.rules.model.Rule;
import dev.netsim.rules.model.RuleSpec;
import dev.netsim.rules.model.Ruleset;
import dev.netsim.rules.model.Table;
import dev.netsim.rules.model.TableName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch of changes to a namespace's iptables, applied atomically by {@link #commit()} (one iptables
 * command, or one table of an iptables-restore file) or dropped. Each operation checks what the kernel and
 * iptables-nft check and fails with their message: {@link IptablesException} for refusals iptables reports
 * itself ({@code No chain/target/match by that name.}), {@link KernelRefusal} for the kernel's.
 */
public final class Transaction {
  /** iptables-nft's message when a chain, or a rule to delete, is missing. */
  public static final String NO_CHAIN = "No chain/target/match by that name.";
  public static final String BAD_RULE = "Bad rule (does a matching rule exist in that chain?).";

  private final IptablesState state;
  private final Map<TableName, TableDraft> drafts = new EnumMap<>(TableName.class);
  /** Tables iptables-restore deleted (its flush); one that nothing re-creates is gone at commit. */
  private final Set<TableName> deleted = EnumSet.noneOf(TableName.class);
  private final List<Integer> allocated = new ArrayList<>();
  private final List<Integer> released = new ArrayList<>();
  private final List<Runnable> counterChanges = new ArrayList<>();
  private boolean finished;

  Transaction(IptablesState state) {
    this.state = state;
  }

  /** Whether the table exists (before or because of this batch). */
  public boolean tableExists(TableName table) {
    return drafts.containsKey(table) || !deleted.contains(table) && state.ruleset().exists(table);
  }

  /** Whether chain {@code chain} exists in {@code table}: built-in chains always do. */
  public boolean chainExists(TableName table, String chain) {
    return view(table).chain(chain) != null;
  }

  /**
   * Deletes the table, as iptables-restore (without --noflush) does before loading it: the lines that follow
   * create what they name; a table whose section names nothing is gone.
   */
  public void replaceTable(TableName table) {
    Table old = state.ruleset().table(table);
    TableDraft current = drafts.get(table);
    if (current != null) {
      for (ChainDraft chain : current.chains()) {
        for (Rule rule : chain.rules()) {
          released.add(rule.id());
        }
      }
    } else if (old != null) {
      for (var chain : old.chains()) {
        for (Rule rule : chain.rules()) {
          released.add(rule.id());
        }
      }
    }
    drafts.remove(table);
    deleted.add(table);
    for (Hook hook : table.builtinChains()) {
      counterChanges.add(() -> state.counters().setPolicy(table, hook, 0, 0));
    }
  }

  /** Appends rules made from {@code specs}, each with the given counters. */
  public void append(TableName table, String chain, List<RuleSpec> specs, long packets, long bytes) {
    ChainDraft draft = existingChain(table, chain);
    for (RuleSpec spec : specs) {
      add(table, draft, draft.size(), spec, packets, bytes, "RULE_APPEND");
    }
  }

  /** {@code -I CHAIN NUMBER}: inserts before rule {@code number} (1-based); number may be size + 1. */
  public void insert(TableName table, String chain, int number, List<RuleSpec> specs, long packets, long bytes) {
    ChainDraft draft = existingChain(table, chain);
    if (number > draft.size() + 1) {
      throw new IptablesException(IptablesException.Kind.STRERROR, "Index of insertion too big.");
    }
    int index = number - 1;
    for (RuleSpec spec : specs) {
      add(table, draft, index++, spec, packets, bytes, "RULE_INSERT");
    }
  }

  /** {@code -R CHAIN NUMBER}: replaces rule {@code number}; the new rule has new counters. */
  public void replace(TableName table, String chain, int number, RuleSpec spec, long packets, long bytes) {
    ChainDraft draft = createdChain(table, chain);
    if (number > draft.size()) {
      throw new IptablesException(IptablesException.Kind.STRERROR, "Index of replacement too big.");
    }
    TableDraft tableDraft = draft(table);
    Rule old = tableDraft.remove(draft, number - 1);
    add(table, draft, number - 1, spec, packets, bytes, "RULE_REPLACE");
    released.add(old.id());
  }

  /** {@code -D CHAIN SPEC}: deletes the first rule equal to {@code spec}. */
  public void delete(TableName table, String chain, RuleSpec spec) {
    // iptables-nft looks for the rule first: in a chain that is not there, it is a rule not found
    ChainDraft draft = draft(table).chain(chain);
    int index = draft == null ? -1 : indexOf(draft, spec);
    if (index < 0) {
      throw new IptablesException(IptablesException.Kind.STRERROR, BAD_RULE);
    }
    released.add(draft(table).remove(draft, index).id());
  }

  /** {@code -D CHAIN NUMBER}. */
  public void delete(TableName table, String chain, int number) {
    ChainDraft draft = createdChain(table, chain);
    if (number > draft.size()) {
      throw new IptablesException(IptablesException.Kind.STRERROR, "Index of deletion too big.");
    }
    released.add(draft(table).remove(draft, number - 1).id());
  }

  /** {@code -C CHAIN SPEC}: fails unless a rule equal to {@code spec} exists. */
  public void check(TableName table, String chain, RuleSpec spec) {
    ChainDraft draft = chainForReading(table, chain);
    if (draft == null || indexOf(draft, spec) < 0) {
      throw new IptablesException(IptablesException.Kind.STRERROR, BAD_RULE);
    }
  }

  /**
   * {@code -F [CHAIN]}: empties one chain or all chains of the table; returns the chains flushed. A whole
   * table's flush leaves built-in chains nothing created as they are, and does nothing on a table nothing
   * created; but with {@code -v} iptables-nft lists every chain first, which brings the table and all its
   * built-in chains into existence.
   */
  public List<String> flush(TableName table, String chain, boolean verbose) {
    if (chain == null) {
      if (!verbose && !tableExists(table)) {
        return List.of();
      }
      TableDraft tableDraft = draft(table);
      List<String> flushed = new ArrayList<>();
      for (ChainDraft each : tableDraft.chains()) {
        if (each.isBuiltin() && each.status() == BuiltinStatus.ABSENT) {
          if (!verbose) {
            continue;
          }
          each.setStatus(BuiltinStatus.CREATED);
        }
        for (Rule rule : tableDraft.flush(each)) {
          released.add(rule.id());
        }
        flushed.add(each.name());
      }
      return flushed;
    }
    ChainDraft draft = existingChain(table, chain);
    for (Rule rule : draft(table).flush(draft)) {
      released.add(rule.id());
    }
    return List.of(draft.name());
  }

  /**
   * {@code -Z [CHAIN [NUMBER]]}: zeroes rule counters, and the policy counters of the built-in chains
   * concerned, which from then on count (see {@link BuiltinStatus}). Returns the chains zeroed.
   */
  public List<String> zero(TableName table, String chain, int number) {
    if (!tableExists(table)) {
      if (chain != null && Hook.byChainName(chain) == null) {
        throw new IptablesException(IptablesException.Kind.STRERROR, NO_CHAIN);
      }
      return List.of();
    }
    TableDraft tableDraft = draft(table);
    List<ChainDraft> chains = new ArrayList<>();
    if (chain == null) {
      for (ChainDraft each : tableDraft.chains()) {
        if (!each.isBuiltin() || each.status() != BuiltinStatus.ABSENT) {
          chains.add(each);
        }
      }
    } else {
      chains.add(existingChain(table, chain));
    }
    List<String> zeroed = new ArrayList<>();
    for (ChainDraft each : chains) {
      List<Rule> rules = each.rules();
      if (number > 0) {
        if (number <= rules.size()) {
          int id = rules.get(number - 1).id();
          counterChanges.add(() -> state.counters().zero(id));
        }
      } else {
        for (Rule rule : rules) {
          int id = rule.id();
          counterChanges.add(() -> state.counters().zero(id));
        }
        if (each.isBuiltin() && each.status() != BuiltinStatus.ABSENT) {
          each.setStatus(BuiltinStatus.COUNTING);
          Hook hook = each.hook();
          counterChanges.add(() -> state.counters().setPolicy(table, hook, 0, 0));
        }
      }
      zeroed.add(each.name());
    }
    return zeroed;
  }

  /** {@code -N CHAIN}. */
  public void newChain(TableName table, String chain) {
    TableDraft tableDraft = draft(table);
    if (tableDraft.chain(chain) != null || isBuiltinName(table, chain)) {
      throw new IptablesException(IptablesException.Kind.STRERROR, "Chain already exists.");
    }
    tableDraft.addUserChain(chain);
  }

  /**
   * {@code -X [CHAIN]}: deletes one user chain, or all of them and the empty built-in chains with policy
   * ACCEPT (seen on the kernel); returns the user chains deleted.
   */
  public List<String> deleteChain(TableName table, String chain) {
    if (!tableExists(table)) {
      if (chain != null) {
        throw new IptablesException(IptablesException.Kind.STRERROR, NO_CHAIN);
      }
      return List.of();
    }
    TableDraft tableDraft = draft(table);
    List<ChainDraft> victims;
    if (chain == null) {
      victims = tableDraft.userChainsByCreation();
    } else {
      ChainDraft draft = existingChain(table, chain);
      if (draft.isBuiltin()) {
        return deleteBuiltin(draft);
      }
      victims = List.of(draft);
    }
    // the kernel refuses a chain that still has rules or is jumped to, in its own (creation) order
    for (ChainDraft victim : victims) {
      if (victim.size() > 0 || tableDraft.references(victim.name()) > 0) {
        throw new KernelRefusal("CHAIN_DEL", KernelError.EBUSY, "chain " + victim.name());
      }
    }
    List<String> names = new ArrayList<>();
    for (ChainDraft victim : victims) {
      tableDraft.removeUserChain(victim.name());
      names.add(victim.name());
    }
    if (chain == null) {
      // -X without a chain also deletes, silently, the built-in chains -X INPUT would delete: empty, ACCEPT
      for (ChainDraft each : tableDraft.chains()) {
        if (each.isBuiltin() && each.status() != BuiltinStatus.ABSENT && each.size() == 0
            && each.policy() == Policy.ACCEPT) {
          each.setStatus(BuiltinStatus.ABSENT);
        }
      }
    }
    Collections.sort(names);
    return names;
  }

  /**
   * {@code -X INPUT} as iptables-nft does it (seen on the kernel): an empty base chain with policy ACCEPT is
   * deleted (listings still show it, as for any absent built-in chain); one with rules is busy; one with
   * another policy is "not empty".
   */
  private List<String> deleteBuiltin(ChainDraft draft) {
    if (draft.status() == BuiltinStatus.ABSENT) {
      throw new IptablesException(IptablesException.Kind.STRERROR, NO_CHAIN);
    }
    if (draft.size() > 0) {
      throw new KernelRefusal("CHAIN_DEL", KernelError.EBUSY, "chain " + draft.name());
    }
    if (draft.policy() != Policy.ACCEPT) {
      throw new IptablesException(IptablesException.Kind.STRERROR, "Directory not empty.");
    }
    draft.setStatus(BuiltinStatus.ABSENT);
    return List.of(draft.name());
  }

  /** {@code -E OLD NEW}: renames a user chain; jumps to it follow. */
  public void renameChain(TableName table, String chain, String newName) {
    TableDraft tableDraft = draft(table);
    // nft_chain_user_rename looks for the new name first
    if (tableDraft.chain(newName) != null || isBuiltinName(table, newName)) {
      throw new IptablesException(IptablesException.Kind.STRERROR, "File exists.");
    }
    ChainDraft draft = tableDraft.chain(chain);
    if (draft == null || draft.isBuiltin()) {
      throw new IptablesException(IptablesException.Kind.STRERROR, NO_CHAIN);
    }
    tableDraft.renameUserChain(chain, newName);
  }

  /**
   * {@code -P CHAIN POLICY} or a {@code :CHAIN POLICY [p:b]} line: sets the policy; the chain then counts its
   * policy, starting from the given counters.
   */
  public void setPolicy(TableName table, Hook hook, Policy policy, long packets, long bytes) {
    ChainDraft draft = draft(table).chain(hook.name());
    draft.setPolicy(policy);
    draft.setStatus(BuiltinStatus.COUNTING);
    counterChanges.add(() -> state.counters().setPolicy(table, hook, packets, bytes));
  }

  /** Applies the batch: the namespace sees all of it from now on. */
  public void commit() {
    checkOpen();
    finished = true;
    Ruleset ruleset = state.ruleset();
    for (TableName table : deleted) {
      ruleset = ruleset.without(table);
    }
    for (TableDraft draft : drafts.values()) {
      Table frozen = draft.freeze();
      ruleset = ruleset.with(frozen);
      state.rememberEdges(frozen, draft.edgesIfKnown());
    }
    for (Runnable change : counterChanges) {
      change.run();
    }
    for (int id : released) {
      state.counters().release(id);
    }
    Set<TableName> changed = EnumSet.copyOf(deleted);
    changed.addAll(drafts.keySet());
    state.install(ruleset, changed);
  }

  /** Drops the batch. */
  public void abort() {
    checkOpen();
    finished = true;
    for (int id : allocated) {
      state.counters().release(id);
    }
  }

  private void checkOpen() {
    if (finished) {
      throw new IllegalStateException("transaction already committed or aborted");
    }
  }

  private void add(TableName table, ChainDraft chain, int index, RuleSpec spec, long packets, long bytes,
      String operation) {
    int id = state.counters().allocate();
    allocated.add(id);
    state.counters().set(id, packets, bytes);
    KernelError error = draft(table).insert(chain, index, new Rule(id, spec));
    if (error != null) {
      throw new KernelRefusal(operation, error, "rule in chain " + chain.name());
    }
  }

  private static int indexOf(ChainDraft chain, RuleSpec spec) {
    List<Rule> rules = chain.rules();
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).spec().equals(spec)) {
        return i;
      }
    }
    return -1;
  }

  private ChainDraft existingChain(TableName table, String chain) {
    ChainDraft draft = draft(table).chain(chain);
    if (draft == null) {
      throw new IptablesException(IptablesException.Kind.STRERROR, NO_CHAIN);
    }
    return draft;
  }

  /** The chain as it stands (without starting a draft of an untouched table), or null when there is none. */
  private ChainDraft chainForReading(TableName table, String chain) {
    return view(table).chain(chain);
  }

  /**
   * The chain, which must exist in the kernel: a built-in chain iptables-nft has not created yet (no rule or
   * policy change brought it into being) is "No chain/target/match by that name" to -D NUMBER and -R.
   */
  private ChainDraft createdChain(TableName table, String chain) {
    ChainDraft draft = existingChain(table, chain);
    if (draft.isBuiltin() && draft.status() == BuiltinStatus.ABSENT) {
      throw new IptablesException(IptablesException.Kind.STRERROR, NO_CHAIN);
    }
    return draft;
  }

  /**
   * Whether {@code chain} names a built-in chain of this table; another table's (PREROUTING in filter) is a
   * free name for a user chain.
   */
  private static boolean isBuiltinName(TableName table, String chain) {
    Hook hook = Hook.byChainName(chain);
    return hook != null && table.hasBuiltin(hook);
  }

  private TableDraft draft(TableName table) {
    return drafts.computeIfAbsent(table, this::startingDraft);
  }

  private TableDraft view(TableName table) {
    TableDraft draft = drafts.get(table);
    return draft != null ? draft : startingDraft(table);
  }

  /** The table as this batch starts from it: empty once the batch deleted it. */
  private TableDraft startingDraft(TableName table) {
    if (deleted.contains(table)) {
      return new TableDraft(Table.empty(table));
    }
    Table current = state.ruleset().tableOrEmpty(table);
    return new TableDraft(current, state.knownEdges(current));
  }
}
