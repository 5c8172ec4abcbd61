package dev.netsim.sim.shell.syntax;

import java.util.List;

/** Commands joined by {@code |}, optionally negated with {@code !}. */
public record Pipeline(boolean negated, List<Command> commands) {
  public Pipeline {
    commands = List.copyOf(commands);
  }
}
