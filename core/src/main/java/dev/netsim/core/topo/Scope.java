package dev.netsim.core.topo;

import java.util.Locale;

/** Route and address scopes ({@code RT_SCOPE_*}) with the names iproute2 prints. */
public enum Scope {
  GLOBAL(0, "global"),
  SITE(200, "site"),
  LINK(253, "link"),
  HOST(254, "host"),
  NOWHERE(255, "nowhere");

  private final int value;
  private final String label;

  Scope(int value, String label) {
    this.value = value;
    this.label = label;
  }

  /** The kernel's number: a larger scope is narrower. */
  public int value() {
    return value;
  }

  /** The name iproute2 prints and accepts ("global", "link", "host"); iproute2 calls global "universe" in routes. */
  public String label() {
    return label;
  }

  /** Parses a scope as iproute2 accepts it: a name or a number; null when unknown. */
  public static Scope parse(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.equals("universe")) {
      return GLOBAL;
    }
    for (Scope scope : values()) {
      if (scope.label.equals(lower) || Integer.toString(scope.value).equals(lower)) {
        return scope;
      }
    }
    return null;
  }
}
