package dev.netsim.sim.shell.syntax;

/** A piece of a word: literal text or an expansion. Quoted expansions are not split into fields. */
public sealed interface WordPart {
  /** Whether the part was inside quotes (or escaped, for literal text). */
  boolean quoted();

  /** Text taken as it is. */
  record Literal(String text, boolean quoted) implements WordPart {}

  /**
   * {@code $NAME}, {@code ${NAME}}, {@code $?}, ..., optionally with an operator.
   *
   * @param op "" for a plain expansion, {@code #} for the length, or one of {@code - :- + :+ = :=}
   * @param argument the word after the operator, or null
   */
  record Parameter(String name, String op, Word argument, boolean quoted) implements WordPart {}

  /** {@code $(...)} or a backquoted command; {@code source} is as written, with its delimiters. */
  record CommandSubstitution(CommandList commands, String source, boolean quoted) implements WordPart {}

  /** An expansion netsim does not perform (arithmetic, pattern substitution, ...), as written. */
  record Unsupported(String source, boolean quoted) implements WordPart {}
}
