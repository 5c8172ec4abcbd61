package dev.netsim.rules.state;

import dev.netsim.rules.ext.Match;
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.Rule;
import dev.netsim.rules.model.TableName;
import java.util.Arrays;
import java.util.List;

/**
 * The mutable counters of one namespace's rules, outside the immutable model: packet and byte counters per
 * rule id (see {@link Rule#id()}) and per built-in chain policy, and the runtime state of stateful matches.
 *
 * <p>Rule ids are dense slots, handed out by {@link #allocate()} and recycled by {@link #release(int)} when a
 * rule leaves the ruleset, so arrays stay as large as the largest ruleset ever held.
 */
public final class CounterStore {
  private long[] packets = new long[64];
  private long[] bytes = new long[64];
  private Object[][] matchStates = new Object[64][];
  private int[] free = new int[16];
  private int freeCount;
  private int next;
  private static final int HOOKS = Hook.values().length;
  private final long[] policyPackets = new long[TableName.values().length * HOOKS];
  private final long[] policyBytes = new long[policyPackets.length];

  /** A fresh rule id with zeroed counters. */
  public int allocate() {
    int id;
    if (freeCount > 0) {
      id = free[--freeCount];
    } else {
      id = next++;
      if (id == packets.length) {
        int size = packets.length * 2;
        packets = Arrays.copyOf(packets, size);
        bytes = Arrays.copyOf(bytes, size);
        matchStates = Arrays.copyOf(matchStates, size);
      }
    }
    packets[id] = 0;
    bytes[id] = 0;
    matchStates[id] = null;
    return id;
  }

  /** Returns a rule id to the pool: the rule is gone from the ruleset. */
  public void release(int id) {
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, free.length * 2);
    }
    free[freeCount++] = id;
    matchStates[id] = null;
  }

  /** Counts one packet of {@code length} bytes for rule {@code id}. */
  public void count(int id, int length) {
    packets[id]++;
    bytes[id] += length;
  }

  public long packets(int id) {
    return packets[id];
  }

  public long bytes(int id) {
    return bytes[id];
  }

  public void set(int id, long packetCount, long byteCount) {
    packets[id] = packetCount;
    bytes[id] = byteCount;
  }

  public void zero(int id) {
    set(id, 0, 0);
  }

  /** Counts one packet of {@code length} bytes for the policy of built-in chain {@code hook} of {@code table}. */
  public void countPolicy(TableName table, Hook hook, int length) {
    int slot = policySlot(table, hook);
    policyPackets[slot]++;
    policyBytes[slot] += length;
  }

  public long policyPackets(TableName table, Hook hook) {
    return policyPackets[policySlot(table, hook)];
  }

  public long policyBytes(TableName table, Hook hook) {
    return policyBytes[policySlot(table, hook)];
  }

  public void setPolicy(TableName table, Hook hook, long packetCount, long byteCount) {
    int slot = policySlot(table, hook);
    policyPackets[slot] = packetCount;
    policyBytes[slot] = byteCount;
  }

  /**
   * The runtime states of {@code rule}'s stateful matches, one slot per match (null for stateless ones),
   * created on first use.
   */
  public Object[] matchStates(Rule rule) {
    Object[] states = matchStates[rule.id()];
    if (states == null) {
      List<Match> matches = rule.spec().matches();
      states = new Object[matches.size()];
      for (int i = 0; i < states.length; i++) {
        states[i] = matches.get(i).newState();
      }
      matchStates[rule.id()] = states;
    }
    return states;
  }

  private static int policySlot(TableName table, Hook hook) {
    return table.ordinal() * HOOKS + hook.ordinal();
  }
}
