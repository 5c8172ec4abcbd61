package dev.netsim.rules.eval.compiled;

import java.util.HashMap;
import java.util.Map;

/**
 * Dense ids for the interface names rules mention, so that the hot path compares ints. A packet's interface
 * that no rule names gets -1, which no rule's id equals. Ids are never reused, so compiled chains built at
 * different times agree.
 */
final class InterfaceIds {
  private final Map<String, Integer> ids = new HashMap<>();

  int idOf(String name) {
    return ids.computeIfAbsent(name, key -> ids.size());
  }

  /** The id of a packet's interface (null: none), or -1 when no rule names it. Allocates nothing. */
  int lookup(String name) {
    if (name == null) {
      return -1;
    }
    Integer id = ids.get(name);
    return id == null ? -1 : id;
  }
}
