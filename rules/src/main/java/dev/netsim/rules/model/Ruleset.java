package dev.netsim.rules.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The iptables rules of one network namespace: the tables that exist there. With nf_tables a namespace starts
 * with no tables; a table comes into existence when a command first needs it.
 */
public record Ruleset(Map<TableName, Table> tables) {
  public static final Ruleset EMPTY = new Ruleset(Map.of());

  public Ruleset {
    EnumMap<TableName, Table> copy = new EnumMap<>(TableName.class);
    copy.putAll(tables);
    for (Map.Entry<TableName, Table> entry : copy.entrySet()) {
      if (entry.getValue().name() != entry.getKey()) {
        throw new IllegalArgumentException("table " + entry.getValue().name() + " filed under " + entry.getKey());
      }
    }
    tables = Collections.unmodifiableMap(copy);
  }

  /** The table, or {@code null} when it does not exist (nothing has created it). */
  public Table table(TableName name) {
    return tables.get(name);
  }

  public boolean exists(TableName name) {
    return tables.containsKey(name);
  }

  /** The table as iptables lists it: the existing one, or an empty one standing in for a missing table. */
  public Table tableOrEmpty(TableName name) {
    Table table = tables.get(name);
    return table != null ? table : Table.empty(name);
  }

  /** This rule set without the table {@code name} (as if nothing had ever created it). */
  public Ruleset without(TableName name) {
    Map<TableName, Table> copy = new EnumMap<>(TableName.class);
    copy.putAll(tables);
    copy.remove(name);
    return new Ruleset(copy);
  }

  public Ruleset with(Table table) {
    Map<TableName, Table> copy = new EnumMap<>(TableName.class);
    copy.putAll(tables);
    copy.put(table.name(), table);
    return new Ruleset(copy);
  }
}
