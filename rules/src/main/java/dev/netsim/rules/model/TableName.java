package dev.netsim.rules.model;

import java.util.List;

/**
 * The iptables tables of the IPv4 family, with the built-in chains each one has.
 *
 * <p>The declaration order is the order in which iptables-nft 1.8.9 prints the tables in
 * {@code iptables-save} (its internal table list): mangle, security, raw, filter, nat.
 */
public enum TableName {
  MANGLE("mangle", List.of(Hook.PREROUTING, Hook.INPUT, Hook.FORWARD, Hook.OUTPUT, Hook.POSTROUTING)),
  SECURITY("security", List.of(Hook.INPUT, Hook.FORWARD, Hook.OUTPUT)),
  RAW("raw", List.of(Hook.PREROUTING, Hook.OUTPUT)),
  FILTER("filter", List.of(Hook.INPUT, Hook.FORWARD, Hook.OUTPUT)),
  NAT("nat", List.of(Hook.PREROUTING, Hook.INPUT, Hook.OUTPUT, Hook.POSTROUTING));

  private final String id;
  private final List<Hook> builtinChains;

  TableName(String id, List<Hook> builtinChains) {
    this.id = id;
    this.builtinChains = builtinChains;
  }

  /** The name as iptables spells it ({@code -t nat}). */
  public String id() {
    return id;
  }

  /** The built-in chains in the order iptables lists them. */
  public List<Hook> builtinChains() {
    return builtinChains;
  }

  public boolean hasBuiltin(Hook hook) {
    return builtinChains.contains(hook);
  }

  /** The table named {@code id} (exact spelling), or {@code null}. */
  public static TableName byId(String id) {
    for (TableName table : values()) {
      if (table.id.equals(id)) {
        return table;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return id;
  }
}
