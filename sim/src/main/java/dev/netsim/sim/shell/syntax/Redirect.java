package dev.netsim.sim.shell.syntax;

/**
 * A redirection such as {@code 2>&1}, {@code > file}, {@code <<EOF}.
 *
 * @param fd the file descriptor it applies to (for {@code &>} and {@code &>>}: 1, and 2 follows)
 * @param target the file, the descriptor to duplicate, the here-string; null for a here-document
 * @param hereDoc the here-document; null for other redirections
 */
public record Redirect(int fd, Op op, Word target, HereDoc hereDoc) {
  /** The redirection operators. */
  public enum Op {
    /** {@code <} */
    READ,
    /** {@code >} and {@code >|} */
    WRITE,
    /** {@code >>} */
    APPEND,
    /** {@code >&N}, {@code <&N}, {@code >&-} */
    DUPLICATE,
    /** {@code &>} and {@code >&file} */
    WRITE_BOTH,
    /** {@code &>>} */
    APPEND_BOTH,
    /** {@code <<} and {@code <<-} */
    HERE_DOC,
    /** {@code <<<} */
    HERE_STRING,
    /** {@code <>} */
    READ_WRITE
  }
}
