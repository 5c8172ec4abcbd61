package dev.netsim.sim.shell.syntax;

import java.util.List;

/** One command of a pipeline. */
public sealed interface Command {
  /** The command as written in the script. */
  String source();

  /**
   * A simple command: assignments, words and redirections, in the order bash applies them.
   *
   * @param assignments {@code NAME=value} words before the command name
   * @param words the command name and its arguments, before expansion
   * @param redirects redirections in the order written
   */
  record Simple(List<Assignment> assignments, List<Word> words, List<Redirect> redirects, String source)
      implements Command {
    public Simple {
      assignments = List.copyOf(assignments);
      words = List.copyOf(words);
      redirects = List.copyOf(redirects);
    }
  }

  /**
   * A compound command ({@code if}, {@code while}, {@code for}, {@code case}, {@code { }}, {@code ( )},
   * {@code [[ ]]}, {@code (( ))}, a function definition). Parsed so that its extent and syntax are known;
   * netsim does not run it.
   *
   * @param keyword what kind it is, e.g. "while", "(", "function"
   */
  record Compound(String keyword, String source) implements Command {}
}
