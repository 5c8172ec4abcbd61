package dev.netsim.rules.cli;

/**
 * The iptables commands, with the bit and the letter iptables 1.8.9 uses for each (in its {@code CMD_*} order,
 * which error messages like "Cannot use -A with -L" and "Illegal option" depend on).
 */
enum CommandKind {
  INSERT('I'),
  DELETE('D'),
  DELETE_NUM('D'),
  REPLACE('R'),
  APPEND('A'),
  LIST('L'),
  FLUSH('F'),
  ZERO('Z'),
  NEW_CHAIN('N'),
  DELETE_CHAIN('X'),
  SET_POLICY('P'),
  RENAME_CHAIN('E'),
  LIST_RULES('S'),
  ZERO_NUM('Z'),
  CHECK('C');

  private final char letter;

  CommandKind(char letter) {
    this.letter = letter;
  }

  int bit() {
    return 1 << ordinal();
  }

  char letter() {
    return letter;
  }

  /** The letter of the lowest command in {@code bits}, as iptables' {@code cmd2char} finds it. */
  static char letterOf(int bits) {
    return values()[31 - Integer.numberOfLeadingZeros(bits)].letter; // cmd2char: the highest command given
  }

  /** Whether the command builds a rule from the command line (-A, -I, -R, -D by spec, -C). */
  boolean takesRule() {
    return this == INSERT || this == DELETE || this == REPLACE || this == APPEND || this == CHECK;
  }
}
