package dev.netsim.sim.shell.syntax;

import java.util.List;

/** A sequence of and-or lists separated by {@code ;}, {@code &} or newlines. */
public record CommandList(List<Item> items) {
  public CommandList {
    items = List.copyOf(items);
  }

  /**
   * One and-or list and how it ends.
   *
   * @param background whether it ended with {@code &}
   * @param source the and-or list as written (without the {@code &})
   */
  public record Item(AndOr andOr, boolean background, String source) {}
}
