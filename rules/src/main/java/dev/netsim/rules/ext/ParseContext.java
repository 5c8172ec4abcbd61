package dev.netsim.rules.ext;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What an extension parser may know about the rule being parsed, at the moment an option is parsed: the
 * protocol given so far ({@code -p} before the option); and where it reports warnings (printed on stderr even when the command succeeds).
 */
public final class ParseContext {
  private final List<String> warnings;
  private int protocol;
  private Words words;
  private Predicate<String> ipsetExists = name -> false;
  private boolean protocolInverted;

  public ParseContext(List<String> warnings) {
    this.warnings = warnings;
  }

  /** A context for parsing outside a command (tests). */
  public static ParseContext standalone() {
    return new ParseContext(new ArrayList<>());
  }

  /** The protocol number of {@code -p} given before the current option, 0 when none. */
  public int protocol() {
    return protocol;
  }

  public boolean protocolInverted() {
    return protocolInverted;
  }

  public void setProtocol(int number, boolean inverted) {
    protocol = number;
    protocolInverted = inverted;
  }

  /** Access to the command-line words after the current option, for options taking more than one. */
  public interface Words {
    /** Whether the next word exists and does not start with {@code -} or {@code !}. */
    boolean hasNext();

    /** Consumes the next word (null when there is none). */
    String next();
  }

  public void setWords(Words words) {
    this.words = words;
  }

  /** The words after the current option ({@code --tcp-flags MASK COMP} reads COMP from here). */
  public Words words() {
    return words;
  }

  /** Whether an ipset called {@code name} exists in the namespace (for {@code -m set}, {@code -j SET}). */
  public boolean ipsetExists(String name) {
    return ipsetExists.test(name);
  }

  public void setIpsets(Predicate<String> exists) {
    ipsetExists = exists;
  }

  /** Prints {@code line} on stderr (e.g. {@code Warning: ...}). */
  public void warn(String line) {
    warnings.add(line);
  }
}
