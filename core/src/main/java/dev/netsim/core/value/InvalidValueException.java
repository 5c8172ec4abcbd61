package dev.netsim.core.value;

/**
 * Text that does not parse as the value it should be, e.g. {@code invalid address `300.1.2.3'}.
 *
 * <p>The message is written for the user who typed the text; parsers of commands and files turn it into a
 * diagnostic with the tool's own wording and position.
 */
public final class InvalidValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String text;

  public InvalidValueException(String message, String text) {
    super(message);
    this.text = text;
  }

  /** The text that failed to parse. */
  public String text() {
    return text;
  }
}
