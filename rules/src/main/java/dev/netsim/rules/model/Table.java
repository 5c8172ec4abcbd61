package dev.netsim.rules.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One table of a namespace: its built-in chains (always all of them, absent ones included) and its
 * user-defined chains in the order they were created (the kernel's order; iptables lists them sorted by name,
 * see {@link #chains()}).
 */
public record Table(TableName name, Map<Hook, Chain> builtins, Map<String, Chain> userChains) {
  public Table {
    Objects.requireNonNull(name, "name");
    EnumMap<Hook, Chain> copy = new EnumMap<>(Hook.class);
    copy.putAll(builtins);
    if (!copy.keySet().equals(java.util.Set.copyOf(name.builtinChains()))) {
      throw new IllegalArgumentException("table " + name + " needs exactly the chains " + name.builtinChains());
    }
    builtins = Collections.unmodifiableMap(copy);
    userChains = Collections.unmodifiableMap(new LinkedHashMap<>(userChains));
  }

  /** A freshly created table: every built-in chain absent, no user chains. */
  public static Table empty(TableName name) {
    Map<Hook, Chain> builtins = new EnumMap<>(Hook.class);
    for (Hook hook : name.builtinChains()) {
      builtins.put(hook, Chain.absentBuiltin(hook));
    }
    return new Table(name, builtins, Map.of());
  }

  /** The chain called {@code chainName}, built-in or user-defined, or {@code null}. */
  public Chain chain(String chainName) {
    Hook hook = Hook.byChainName(chainName);
    if (hook != null && builtins.containsKey(hook)) {
      return builtins.get(hook);
    }
    return userChains.get(chainName);
  }

  public Chain builtin(Hook hook) {
    Chain chain = builtins.get(hook);
    if (chain == null) {
      throw new IllegalArgumentException("table " + name + " has no chain " + hook);
    }
    return chain;
  }

  /** All chains in listing order: built-in chains in hook order, then user chains by name. */
  public List<Chain> chains() {
    List<Chain> all = new ArrayList<>(builtins.size() + userChains.size());
    for (Hook hook : name.builtinChains()) {
      all.add(builtins.get(hook));
    }
    all.addAll(new TreeMap<>(userChains).values());
    return all;
  }

  /** The number of rules, in all chains, that jump or go to user chain {@code target}. */
  public int references(String target) {
    return referenceCounts().getOrDefault(target, 0);
  }

  /** For every chain some rule jumps or goes to: the number of such rules (one pass over the table). */
  public Map<String, Integer> referenceCounts() {
    Map<String, Integer> counts = new java.util.HashMap<>();
    for (Chain chain : chains()) {
      for (Rule rule : chain.rules()) {
        String target = rule.spec().target().chainJumpedTo();
        if (target != null) {
          counts.merge(target, 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  /** The number of rules in all chains. */
  public int ruleCount() {
    int count = 0;
    for (Chain chain : chains()) {
      count += chain.size();
    }
    return count;
  }
}
