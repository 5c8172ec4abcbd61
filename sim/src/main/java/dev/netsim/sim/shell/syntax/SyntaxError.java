package dev.netsim.sim.shell.syntax;

/**
 * A script that cannot be parsed, with bash's wording.
 *
 * @see #line()
 */
public final class SyntaxError extends Exception {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final String sourceLine;

  SyntaxError(int line, String message, String sourceLine) {
    super(message, null, false, false);
    this.line = line;
    this.sourceLine = sourceLine;
  }

  /** The line the error is on (for an unterminated construct: the line it starts on). */
  public int line() {
    return line;
  }

  /** The offending line as written, which bash repeats after a "near unexpected token" error; or null. */
  public String sourceLine() {
    return sourceLine;
  }
}
