package dev.netsim.rules.state;

import dev.netsim.rules.ext.KernelError;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.Placement;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.ext.target.ChainJump;
import dev.netsim.rules.model.BuiltinStatus;
import dev.netsim.rules.model.Chain;
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.Rule;
import dev.netsim.rules.model.RuleSpec;
import dev.netsim.rules.model.Table;
import dev.netsim.rules.model.TableName;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A table being changed inside a {@link Transaction}, with the kernel's validation of each rule as it is
 * added: the extensions' own checks, their hook restrictions for every built-in chain the rule is reachable
 * from, and the jump depth limit (a loop reachable from a built-in chain exceeds it).
 *
 * <p>The chain graph (which chain jumps where, the hooks and the deepest level each chain is reached at) is
 * built on first need and then kept up to date as rules come and go, so that loading tens of thousands of
 * rules stays linear.
 */
final class TableDraft {
  /** nf_tables' NFT_JUMP_STACK_SIZE: a chain reached at this depth is refused with EMLINK. */
  static final int MAX_DEPTH = 16;

  private final TableName name;
  private final Map<Hook, ChainDraft> builtins = new EnumMap<>(Hook.class);
  /** In creation order, as the kernel keeps them. */
  private final Map<String, ChainDraft> userChains = new LinkedHashMap<>();
  /**
   * chain -> (jump target -> number of rules jumping there); null until first needed. Inner maps may be shared
   * with the namespace's cached graph and are copied before their first change ({@link #owned}).
   */
  private Map<String, Map<String, Integer>> edges;
  private final Set<String> owned = new HashSet<>();
  private Map<String, Integer> masks;
  private Map<String, Integer> levels;

  TableDraft(Table table) {
    this(table, null);
  }

  /**
   * A draft of {@code table}; {@code knownEdges}, when not null, is the jump graph of exactly that table (kept
   * by {@link IptablesState} between transactions, so that a single {@code -A} does not walk every rule).
   */
  TableDraft(Table table, Map<String, Map<String, Integer>> knownEdges) {
    this.name = table.name();
    if (knownEdges != null) {
      edges = new HashMap<>(knownEdges);
    }
    for (Map.Entry<Hook, Chain> entry : table.builtins().entrySet()) {
      builtins.put(entry.getKey(), new ChainDraft(entry.getValue()));
    }
    for (Chain chain : table.userChains().values()) {
      userChains.put(chain.name(), new ChainDraft(chain));
    }
  }

  TableName name() {
    return name;
  }

  ChainDraft chain(String chainName) {
    Hook hook = Hook.byChainName(chainName);
    if (hook != null && builtins.containsKey(hook)) {
      return builtins.get(hook);
    }
    return userChains.get(chainName);
  }

  /** User chains in creation order. */
  List<ChainDraft> userChainsByCreation() {
    return new ArrayList<>(userChains.values());
  }

  /** All chains in listing order: built-in chains in hook order, user chains by name. */
  List<ChainDraft> chains() {
    List<ChainDraft> all = new ArrayList<>();
    for (Hook hook : name.builtinChains()) {
      all.add(builtins.get(hook));
    }
    all.addAll(new TreeMap<>(userChains).values());
    return all;
  }

  void addUserChain(String chainName) {
    userChains.put(chainName, new ChainDraft(Chain.user(chainName)));
  }

  void removeUserChain(String chainName) {
    userChains.remove(chainName);
    if (edges != null) {
      edges.remove(chainName);
    }
  }

  /**
   * Renames a user chain (keeping its place in creation order) and every jump to it, as the kernel's chain
   * references follow a rename.
   */
  void renameUserChain(String oldName, String newName) {
    Map<String, ChainDraft> reordered = new LinkedHashMap<>();
    for (Map.Entry<String, ChainDraft> entry : userChains.entrySet()) {
      if (entry.getKey().equals(oldName)) {
        entry.getValue().rename(newName);
        reordered.put(newName, entry.getValue());
      } else {
        reordered.put(entry.getKey(), entry.getValue());
      }
    }
    userChains.clear();
    userChains.putAll(reordered);
    for (ChainDraft each : chains()) {
      List<Rule> rules = each.rules();
      for (int i = 0; i < rules.size(); i++) {
        Target target = rules.get(i).spec().target();
        if (oldName.equals(target.chainJumpedTo())) {
          Rule rule = rules.get(i);
          Target renamed = new ChainJump(newName, target.isGoto());
          each.replaceRule(i, new Rule(rule.id(),
              new RuleSpec(rule.spec().header(), rule.spec().matches(), renamed)));
        }
      }
    }
    edges = null;
    invalidateGraph();
  }

  /**
   * Adds {@code rule} at {@code index} of {@code chain} after the kernel's checks; on refusal nothing is
   * changed and the error is returned.
   */
  KernelError insert(ChainDraft chain, int index, Rule rule) {
    KernelError error = checkRule(chain, rule);
    if (error != null) {
      return error;
    }
    String target = rule.spec().target().chainJumpedTo();
    if (target != null) {
      ChainDraft jumped = chain(target);
      if (jumped.isBuiltin()) {
        // a jump to a base chain is EOPNOTSUPP; one not yet created is ENOENT, unless it is the chain the
        // rule goes in, which iptables-nft creates in the same batch first
        return jumped.status() == BuiltinStatus.ABSENT && jumped != chain ? KernelError.ENOENT
            : KernelError.EOPNOTSUPP;
      }
      ensureGraph();
      addEdge(chain.name(), target);
      Integer mask = masks.get(chain.name());
      if (mask != null) {
        Set<String> grown = new LinkedHashSet<>();
        error = propagate(target, mask, levels.get(chain.name()) + 1, grown);
        if (error == null) {
          error = checkGrown(grown);
        }
        if (error != null) {
          removeEdge(chain.name(), target);
          invalidateGraph();
          return error;
        }
      }
    }
    if (chain.isBuiltin() && chain.status() == BuiltinStatus.ABSENT) {
      chain.setStatus(BuiltinStatus.CREATED);
    }
    chain.insertRule(index, rule);
    return null;
  }

  /** Removes the rule at {@code index} of {@code chain}. */
  Rule remove(ChainDraft chain, int index) {
    Rule rule = chain.removeRule(index);
    String target = rule.spec().target().chainJumpedTo();
    if (target != null && edges != null) {
      removeEdge(chain.name(), target);
      invalidateGraph();
    }
    return rule;
  }

  /** Removes all rules of {@code chain}. */
  List<Rule> flush(ChainDraft chain) {
    List<Rule> removed = List.copyOf(chain.rules());
    chain.clearRules();
    if (edges != null) {
      edges.remove(chain.name());
      invalidateGraph();
    }
    return removed;
  }

  /** The number of rules jumping or going to {@code chainName}. */
  int references(String chainName) {
    ensureGraph();
    int count = 0;
    for (Map<String, Integer> targets : edges.values()) {
      count += targets.getOrDefault(chainName, 0);
    }
    return count;
  }

  private KernelError checkRule(ChainDraft chain, Rule rule) {
    int ownHook = chain.isBuiltin() ? chain.hook().bit() : 0;
    Placement placement = new Placement(name, ownHook, rule.spec().header());
    int reach = ownHook;
    if (!chain.isBuiltin()) {
      ensureGraph();
      reach = masks.getOrDefault(chain.name(), 0);
    }
    for (Match match : rule.spec().matches()) {
      KernelError error = match.check(placement);
      if (error == null && (reach & ~match.allowedHooks()) != 0) {
        error = KernelError.EINVAL;
      }
      if (error != null) {
        return error;
      }
    }
    Target target = rule.spec().target();
    KernelError error = target.check(placement);
    if (error == null && (reach & ~target.allowedHooks()) != 0) {
      error = KernelError.EINVAL;
    }
    return error;
  }

  private KernelError checkGrown(Set<String> grown) {
    for (String chainName : grown) {
      int reach = masks.get(chainName);
      for (Rule rule : chain(chainName).rules()) {
        for (Match match : rule.spec().matches()) {
          if ((reach & ~match.allowedHooks()) != 0) {
            return KernelError.EINVAL;
          }
        }
        if ((reach & ~rule.spec().target().allowedHooks()) != 0) {
          return KernelError.EINVAL;
        }
      }
    }
    return null;
  }

  private KernelError propagate(String chainName, int bits, int level, Set<String> grown) {
    if (level >= MAX_DEPTH) {
      return KernelError.EMLINK;
    }
    int oldMask = masks.getOrDefault(chainName, 0);
    int oldLevel = levels.getOrDefault(chainName, -1);
    boolean newBits = (bits & ~oldMask) != 0;
    if (!newBits && level <= oldLevel) {
      return null;
    }
    int mask = oldMask | bits;
    masks.put(chainName, mask);
    levels.put(chainName, Math.max(oldLevel, level));
    if (newBits) {
      grown.add(chainName);
    }
    Map<String, Integer> targets = edges.get(chainName);
    if (targets != null) {
      for (String target : List.copyOf(targets.keySet())) {
        KernelError error = propagate(target, mask, level + 1, grown);
        if (error != null) {
          return error;
        }
      }
    }
    return null;
  }

  private void ensureGraph() {
    if (edges == null) {
      edges = new HashMap<>();
      owned.clear();
      for (ChainDraft chain : chains()) {
        for (Rule rule : chain.rules()) {
          String target = rule.spec().target().chainJumpedTo();
          if (target != null) {
            addEdge(chain.name(), target);
          }
        }
      }
    }
    if (masks == null) {
      masks = new HashMap<>();
      levels = new HashMap<>();
      for (Hook hook : name.builtinChains()) {
        propagate(hook.name(), hook.bit(), 0, new HashSet<>());
      }
    }
  }

  private void invalidateGraph() {
    masks = null;
    levels = null;
  }

  private Map<String, Integer> ownTargets(String from) {
    Map<String, Integer> targets = edges.get(from);
    if (targets == null || owned.add(from)) {
      targets = targets == null ? new HashMap<>() : new HashMap<>(targets);
      edges.put(from, targets);
      owned.add(from);
    }
    return targets;
  }

  private void addEdge(String from, String to) {
    ownTargets(from).merge(to, 1, Integer::sum);
  }

  private void removeEdge(String from, String to) {
    if (edges.get(from) == null) {
      return;
    }
    Map<String, Integer> targets = ownTargets(from);
    if (targets.merge(to, -1, Integer::sum) == 0) {
      targets.remove(to);
    }
  }

  /** The jump graph as it stands, or null when it was never needed (then it is not known). */
  Map<String, Map<String, Integer>> edgesIfKnown() {
    return edges;
  }

  Table freeze() {
    Map<Hook, Chain> frozenBuiltins = new EnumMap<>(Hook.class);
    for (Map.Entry<Hook, ChainDraft> entry : builtins.entrySet()) {
      frozenBuiltins.put(entry.getKey(), entry.getValue().freeze());
    }
    Map<String, Chain> frozenUsers = new LinkedHashMap<>();
    for (ChainDraft chain : userChains.values()) {
      frozenUsers.put(chain.name(), chain.freeze());
    }
    return new Table(name, frozenBuiltins, frozenUsers);
  }
}
