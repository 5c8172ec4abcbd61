package dev.netsim.sim.shell;

import java.util.List;
import java.util.regex.Pattern;

/** Shell quoting for showing argument lists as command lines. */
final class Words {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private Words() {}

  /** The words joined by spaces, each single-quoted when a shell would need quotes to read it back. */
  static String join(List<String> words) {
    StringBuilder text = new StringBuilder();
    for (String word : words) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(quote(word));
    }
    return text.toString();
  }

  static String quote(String word) {
    if (PLAIN.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
