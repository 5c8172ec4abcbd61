package dev.netsim.rules.cli;

/**
 * The generic options of iptables in their {@code OPT_*} bit order, with the letter iptables 1.8.9 names them
 * by in messages ({@code multiple -s flags not allowed}, {@code Illegal option `-0' with this command}), the
 * invert flag they set, and the commands each may be used with.
 */
enum CommandOption {
  NUMERIC('n', false, legalWith(CommandKind.LIST)),
  SOURCE('s', true, ruleCommands()),
  DESTINATION('d', true, ruleCommands()),
  PROTOCOL('p', true, ruleCommands()),
  JUMP('j', false, ruleCommands()),
  VERBOSE('v', false, -1),
  EXPANDED('x', false, legalWith(CommandKind.LIST)),
  IN_INTERFACE('i', true, ruleCommands()),
  OUT_INTERFACE('o', true, ruleCommands()),
  LINE_NUMBERS('0', false, legalWith(CommandKind.LIST)),
  COUNTERS('c', false, legalWith(CommandKind.INSERT, CommandKind.REPLACE, CommandKind.APPEND,
      CommandKind.SET_POLICY)),
  FRAGMENT('f', true, ruleCommands());

  private final char letter;
  private final boolean invertible;
  private final int legalCommands;

  CommandOption(char letter, boolean invertible, int legalCommands) {
    this.letter = letter;
    this.invertible = invertible;
    this.legalCommands = legalCommands;
  }

  int bit() {
    return 1 << ordinal();
  }

  char letter() {
    return letter;
  }

  boolean invertible() {
    return invertible;
  }

  /** Whether the option may be used with any of the commands in {@code commandBits}. */
  boolean legalWith(int commandBits) {
    return (legalCommands & commandBits) != 0;
  }

  private static int ruleCommands() {
    return legalWith(CommandKind.INSERT, CommandKind.DELETE, CommandKind.REPLACE, CommandKind.APPEND,
        CommandKind.CHECK);
  }

  private static int legalWith(CommandKind... kinds) {
    int bits = 0;
    for (CommandKind kind : kinds) {
      bits |= kind.bit();
    }
    return bits;
  }
}
