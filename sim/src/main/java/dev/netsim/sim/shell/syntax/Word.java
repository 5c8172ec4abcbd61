package dev.netsim.sim.shell.syntax;

import java.util.List;

/** A word before expansion: its parts in order, and its text as written. */
public record Word(List<WordPart> parts, String source) {
  public Word {
    parts = List.copyOf(parts);
  }

  /** The word's value when it holds no expansion (quotes removed); null otherwise. */
  public String literal() {
    StringBuilder text = new StringBuilder();
    for (WordPart part : parts) {
      if (!(part instanceof WordPart.Literal literal)) {
        return null;
      }
      text.append(literal.text());
    }
    return text.toString();
  }

  /** Whether any part of the word was quoted or escaped. */
  public boolean quoted() {
    return parts.stream().anyMatch(WordPart::quoted);
  }
}
