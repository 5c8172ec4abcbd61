package dev.netsim.rules.ext;

/**
 * Parses the options of one use of an extension in one rule (mutable, used once), like a libxtables
 * extension's {@code parse} and {@code final_check} callbacks.
 *
 * @param <T> {@link Match} or {@link Target}
 */
public interface ExtensionParser<T> {
  /**
   * One option of this extension, in command-line order. For extensions with generic checks
   * ({@link ExtensionModule#genericChecks()}), repetition and {@code !} have been checked already.
   *
   * @param arg the option's value, null for flags
   * @param inverted whether {@code !} preceded the option
   */
  void option(OptionSpec option, String arg, boolean inverted, ParseContext context);

  /**
   * The extension's own final check, run after all options were parsed and before the generic checks of
   * mandatory and conflicting options.
   */
  default void finalCheck(ParseContext context) {
  }

  /** The parsed value. */
  T build(ParseContext context);
}
