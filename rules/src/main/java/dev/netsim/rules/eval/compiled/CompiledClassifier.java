package dev.netsim.rules.eval.compiled;

import dev.netsim.rules.eval.EvalListener;
import dev.netsim.rules.eval.Evaluation;
import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketClassifier;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.ReferenceEvaluator;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.model.BuiltinStatus;
import dev.netsim.rules.model.Chain;
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.IpHeader;
import dev.netsim.rules.model.Policy;
import dev.netsim.rules.model.Rule;
import dev.netsim.rules.model.Table;
import dev.netsim.rules.model.TableName;
import dev.netsim.rules.state.CounterStore;
import dev.netsim.rules.state.IptablesState;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hot-path classifier: evaluates the namespace's current ruleset with the semantics of the
 * {@link ReferenceEvaluator} (same verdicts, deciding rules, counters, match states and target effects) over
 * chains compiled into flat arrays, and — when {@linkplain #indexed indexed} — narrowed by a {@link CutTree} per
 * long chain, so a packet meets only the rules its header fields can match, still in rule order.
 *
 * <p>Compilation is lazy and incremental: a table is recompiled on the first packet after a transaction changed
 * it (iptables-restore swaps a whole table snapshot, so a packet never sees half of one); chains the transaction
 * left alone are the same {@link Chain} objects and keep their compiled form; a chain that only grew at its end
 * ({@code -A}) keeps its tree and scans the new rules after the tree's candidates.
 *
 * <p>Explained evaluations (a listener given) are delegated to the reference evaluator: traces are rare, the
 * reference already builds every step, and the differential tests hold both to the same semantics.
 *
 * <p>Not thread-safe: one instance per namespace, used by one thread at a time (it reuses a scratch buffer).
 */
public final class CompiledClassifier implements PacketClassifier {
  /** How a chain walk ended without a verdict. */
  private static final Verdict FELL_THROUGH = Verdict.CONTINUE;

  private final IptablesState state;
  private final boolean index;
  private final ReferenceEvaluator explaining;
  private final InterfaceIds ids = new InterfaceIds();
  private final CompiledTable[] tables = new CompiledTable[TableName.values().length];
  /**
   * The candidate runs of the chains being walked (one segment per nested chain), per run: its smallest rule
   * not yet walked, where the rest of it starts in the tree's {@link CutTree#leafRules()}, and where it ends.
   */
  private int[] runHead = new int[256];
  private int[] runNext = new int[256];
  private int[] runEnd = new int[256];
  /** The packet's field values in {@link CutTree}'s order, set once per table evaluation. */
  private final long[] values = new long[CutTree.DIMENSIONS];
  private int packetInId;
  private int packetOutId;

  private CompiledClassifier(IptablesState state, boolean index) {
    this.state = state;
    this.index = index;
    this.explaining = new ReferenceEvaluator(state);
  }

  /** Flat arrays and, for chains of {@value CompiledChain#INDEX_THRESHOLD} rules or more, a cutting tree. */
  public static CompiledClassifier indexed(IptablesState state) {
    return new CompiledClassifier(state, true);
  }

  /** Flat arrays scanned rule by rule: the baseline the tree is measured against. */
  public static CompiledClassifier linear(IptablesState state) {
    return new CompiledClassifier(state, false);
  }

  /**
   * A table in hot-path form: its chains and, per chain and jump slot ({@link CompiledChain#jumpSlot}), the index
   * of the chain jumped to.
   */
  private record CompiledTable(Table source, CompiledChain[] chains, int[][] jumpTargets, int[] builtinByHook) {}

  @Override
  public Verdict evaluate(TableName tableName, Hook hook, PacketContext packet, Evaluation result,
      EvalListener listener) {
    if (listener != null) {
      return explaining.evaluate(tableName, hook, packet, result, listener);
    }
    result.reset();
    packet.table = tableName;
    packet.hook = hook;
    Table table = state.ruleset().table(tableName);
    Chain chain = table == null ? null : table.builtins().get(hook);
    if (chain == null || chain.status() == BuiltinStatus.ABSENT) {
      result.decideByPolicy(null, Policy.ACCEPT);
      return Verdict.ACCEPT;
    }
    CompiledTable compiled = compiled(table);
    packetInId = ids.lookup(packet.inInterface);
    packetOutId = ids.lookup(packet.outInterface);
    values[CutTree.SOURCE] = Integer.toUnsignedLong(packet.src);
    values[CutTree.DESTINATION] = Integer.toUnsignedLong(packet.dst);
    values[CutTree.SOURCE_PORT] = Math.max(0, packet.srcPort);
    values[CutTree.DESTINATION_PORT] = Math.max(0, packet.dstPort);
    values[CutTree.PROTOCOL] = packet.protocol & 0xff;
    Verdict verdict = walk(compiled, compiled.builtinByHook()[hook.ordinal()], packet, result, 0);
    if (verdict == FELL_THROUGH) {
      if (chain.countsPolicy()) {
        state.counters().countPolicy(tableName, hook, packet.length);
      }
      result.decideByPolicy(chain.name(), chain.policy());
      return result.verdict();
    }
    return verdict;
  }

  /** Compiles every table now rather than on its first packet (for measurements of the build time). */
  public void compileAll() {
    for (Table table : state.ruleset().tables().values()) {
      compiled(table);
    }
  }

  /** Roughly how many bytes the compiled form of the current ruleset takes, after {@link #compileAll()}. */
  public long footprintBytes() {
    long total = 0;
    for (CompiledTable table : tables) {
      if (table != null) {
        for (CompiledChain chain : table.chains()) {
          total += chain.bytes();
        }
      }
    }
    return total;
  }

  private CompiledTable compiled(Table table) {
    CompiledTable current = tables[table.name().ordinal()];
    if (current != null && current.source() == table) {
      return current;
    }
    CompiledTable rebuilt = compile(table, current);
    tables[table.name().ordinal()] = rebuilt;
    return rebuilt;
  }

  private CompiledTable compile(Table table, CompiledTable previous) {
    Map<Chain, CompiledChain> unchanged = new IdentityHashMap<>();
    Map<String, CompiledChain> previousByName = new HashMap<>();
    if (previous != null) {
      for (CompiledChain chain : previous.chains()) {
        unchanged.put(chain.source, chain);
        previousByName.put(chain.source.name(), chain);
      }
    }
    List<Chain> chains = table.chains();
    CompiledChain[] compiled = new CompiledChain[chains.size()];
    Map<String, Integer> indexByName = new HashMap<>();
    int[] builtinByHook = new int[Hook.values().length];
    for (int k = 0; k < compiled.length; k++) {
      Chain chain = chains.get(k);
      CompiledChain reused = unchanged.get(chain);
      if (reused == null) {
        CompiledChain before = previousByName.get(chain.name());
        reused = before == null ? null : CompiledChain.appended(before, chain, ids);
      }
      compiled[k] = reused != null ? reused : CompiledChain.compile(chain, ids, index);
      indexByName.put(chain.name(), k);
      if (chain.isBuiltin()) {
        builtinByHook[chain.hook().ordinal()] = k;
      }
    }
    int[][] jumpTargets = new int[compiled.length][];
    for (int k = 0; k < compiled.length; k++) {
      CompiledChain chain = compiled[k];
      int[] targets = new int[chain.jumpCount];
      for (int slot = 0; slot < chain.jumpCount; slot++) {
        int i = chain.jumpRules[slot];
        Integer target = indexByName.get(chain.jumpName[i]);
        if (target == null) {
          throw new IllegalStateException("rule " + (i + 1) + " of " + chain.source.name()
              + " jumps to missing chain " + chain.jumpName[i]);
        }
        targets[slot] = target;
      }
      jumpTargets[k] = targets;
    }
    return new CompiledTable(table, compiled, jumpTargets, builtinByHook);
  }

  /**
   * Walks chain {@code chainIndex}; returns a terminal verdict (recorded in {@code result}) or
   * {@link #FELL_THROUGH}. A chain with a tree meets only its candidates: the runs the tree reaches, merged
   * into rule order as the walk goes (a verdict ends the walk before the rest is ordered), then the rules
   * appended since the tree was built. The runs live in {@link #runHead}, {@link #runNext}, {@link #runEnd}
   * from {@code base}; nested chains use the space after them.
   */
  private Verdict walk(CompiledTable table, int chainIndex, PacketContext packet, Evaluation result, int base) {
    CompiledChain chain = table.chains()[chainIndex];
    int[] jumpTargets = table.jumpTargets()[chainIndex];
    CutTree tree = chain.tree;
    int[] leafRules = null;
    int runs = base;
    int nested = base;
    // the next rule scanned in order: all of them without a tree, the appended ones after the runs with one
    int scanned = 0;
    if (tree != null) {
      if (base + chain.size + 1 > runHead.length) {
        growRuns(base + chain.size + 1);
      }
      leafRules = tree.leafRules();
      runs = tree.reach(values, runNext, runEnd, base);
      for (int r = base; r < runs; r++) {
        runHead[r] = leafRules[runNext[r]++];
      }
      nested = runs;
      scanned = chain.indexed;
    }
    CounterStore counters = state.counters();
    while (true) {
      int i;
      if (runs > base) {
        // the smallest head among the runs left: the next candidate in rule order
        int[] heads = runHead;
        int smallest = base;
        for (int r = base + 1; r < runs; r++) {
          if (heads[r] < heads[smallest]) {
            smallest = r;
          }
        }
        i = heads[smallest];
        int next = runNext[smallest];
        if (next < runEnd[smallest]) {
          heads[smallest] = leafRules[next];
          runNext[smallest] = next + 1;
        } else {
          runs--;
          heads[smallest] = heads[runs];
          runNext[smallest] = runNext[runs];
          runEnd[smallest] = runEnd[runs];
        }
      } else if (scanned < chain.size) {
        i = scanned++;
      } else {
        return FELL_THROUGH;
      }
      if (!headerMatches(chain, i, packet)) {
        continue;
      }
      Rule rule = chain.rules[i];
      Match[] matches = chain.matches[i];
      if (matches.length > 0) {
        MatchResult outcome = extensionsMatch(rule, matches, packet);
        if (outcome == MatchResult.NO_MATCH) {
          continue;
        }
        if (outcome == MatchResult.UNDETERMINED) {
          result.undetermined(chain.source.name(), i + 1, rule, undeterminedMatch);
          return Verdict.UNDETERMINED;
        }
      }
      counters.count(rule.id(), packet.length);
      switch (chain.action[i]) {
        case CompiledChain.JUMP -> {
          Verdict verdict = walk(table, jumpTargets[chain.jumpSlot[i]], packet, result, nested);
          if (verdict != FELL_THROUGH) {
            return verdict;
          }
        }
        case CompiledChain.GOTO -> {
          return walk(table, jumpTargets[chain.jumpSlot[i]], packet, result, nested);
        }
        case CompiledChain.RETURN -> {
          return FELL_THROUGH;
        }
        default -> {
          Verdict verdict = chain.targets[i].apply(packet);
          if (verdict != Verdict.CONTINUE) {
            result.decideByRule(verdict, chain.source.name(), i + 1, rule);
            return verdict;
          }
        }
      }
    }
  }

  private void growRuns(int needed) {
    int grown = Math.max(needed, runHead.length * 2);
    runHead = Arrays.copyOf(runHead, grown);
    runNext = Arrays.copyOf(runNext, grown);
    runEnd = Arrays.copyOf(runEnd, grown);
  }

  /** {@link dev.netsim.rules.eval.HeaderMatcher}'s tests on the flat arrays. */
  private boolean headerMatches(CompiledChain chain, int i, PacketContext packet) {
    int flags = chain.flags[i];
    if (((packet.src & chain.sourceMask[i]) == chain.sourceAddress[i])
        == ((flags & CompiledChain.SOURCE_INVERTED) != 0)) {
      return false;
    }
    if (((packet.dst & chain.destinationMask[i]) == chain.destinationAddress[i])
        == ((flags & CompiledChain.DESTINATION_INVERTED) != 0)) {
      return false;
    }
    if ((flags & CompiledChain.IN_CONSTRAINED) != 0) {
      boolean matched = (flags & CompiledChain.IN_PATTERN) != 0
          ? IpHeader.interfaceMatches(chain.inPattern[i], packet.inInterface)
          : chain.inId[i] == packetInId;
      if (matched == ((flags & CompiledChain.IN_INVERTED) != 0)) {
        return false;
      }
    }
    if ((flags & CompiledChain.OUT_CONSTRAINED) != 0) {
      boolean matched = (flags & CompiledChain.OUT_PATTERN) != 0
          ? IpHeader.interfaceMatches(chain.outPattern[i], packet.outInterface)
          : chain.outId[i] == packetOutId;
      if (matched == ((flags & CompiledChain.OUT_INVERTED) != 0)) {
        return false;
      }
    }
    int protocol = chain.protocol[i];
    if (protocol != 0 && (packet.protocol == protocol) == ((flags & CompiledChain.PROTOCOL_INVERTED) != 0)) {
      return false;
    }
    if ((flags & CompiledChain.FRAGMENT) != 0
        && packet.laterFragment == ((flags & CompiledChain.FRAGMENT_INVERTED) != 0)) {
      return false;
    }
    return (flags & CompiledChain.PORTS) == 0 || portsMatch(chain, i, flags, packet);
  }

  /** The lifted tcp/udp match: {@code TcpMatch.evaluate}'s and {@code UdpMatch.evaluate}'s tests. */
  private static boolean portsMatch(CompiledChain chain, int i, int flags, PacketContext packet) {
    if (packet.protocol != chain.portProtocol[i] || packet.laterFragment || packet.srcPort < 0) {
      return false;
    }
    boolean source = packet.srcPort >= chain.sourcePortLow[i] && packet.srcPort <= chain.sourcePortHigh[i];
    if (source == ((flags & CompiledChain.SOURCE_PORT_INVERTED) != 0)) {
      return false;
    }
    boolean destination = packet.dstPort >= chain.destinationPortLow[i]
        && packet.dstPort <= chain.destinationPortHigh[i];
    return destination != ((flags & CompiledChain.DESTINATION_PORT_INVERTED) != 0);
  }

  /** The match that made {@link #extensionsMatch} answer UNDETERMINED. */
  private Match undeterminedMatch;

  /**
   * Runs the rule's extension matches in order, as the reference does: the first NO_MATCH or UNDETERMINED
   * (then {@link #undeterminedMatch} says which match), else MATCH. {@code matches} is a suffix of the rule's
   * matches (the header check took over the ones before), so match {@code m} here is the rule's match
   * {@code m} plus how many it skipped.
   */
  private MatchResult extensionsMatch(Rule rule, Match[] matches, PacketContext packet) {
    Object[] states = null;
    for (int m = 0; m < matches.length; m++) {
      Match match = matches[m];
      Object matchState = null;
      if (match.isStateful()) {
        if (states == null) {
          states = state.counters().matchStates(rule);
        }
        matchState = states[m + rule.spec().matches().size() - matches.length];
      }
      MatchResult outcome = match.evaluate(packet, matchState);
      if (outcome == MatchResult.NO_MATCH) {
        return outcome;
      }
      if (outcome == MatchResult.UNDETERMINED) {
        undeterminedMatch = match;
        return outcome;
      }
    }
    return MatchResult.MATCH;
  }
}
