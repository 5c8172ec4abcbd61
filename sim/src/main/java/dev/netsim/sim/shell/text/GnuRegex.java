package dev.netsim.sim.shell.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Translates a GNU grep pattern — basic (BRE) or extended (ERE) syntax, with GNU's extensions and its
 * readings of edge cases — into an equivalent {@link java.util.regex} pattern, with grep's error messages
 * and warnings.
 *
 * <p>BRE: {@code \( \) \{ \} \| \+ \?} are operators, {@code * } is literal at the start of an expression,
 * {@code ^}/{@code $} anchor only at the ends of an expression. ERE: {@code ( ) { } | + ?} are operators, a
 * repetition at the start of an expression is ignored with a warning, a lone {@code )} and a {@code {} that
 * does not start an interval are literal. Both: bracket expressions with POSIX classes (a backslash is
 * literal inside), back-references, {@code \< \> \b \B \w \W \s \S}, any other escaped character is itself.
 */
final class GnuRegex {
  /** A pattern grep rejects; the message is grep's (without the {@code grep: } prefix). */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  /** The Java pattern, and the warnings grep prints for it. */
  record Translation(String regex, List<String> warnings) {}

  private static final Map<String, String> CLASSES = Map.ofEntries(
      Map.entry("alpha", "\\p{IsAlphabetic}"),
      Map.entry("digit", "0-9"),
      Map.entry("alnum", "\\p{IsAlphabetic}0-9"),
      Map.entry("upper", "\\p{IsUppercase}"),
      Map.entry("lower", "\\p{IsLowercase}"),
      Map.entry("space", "\\s"),
      Map.entry("blank", "\\t\\p{Zs}"),
      Map.entry("punct", "\\p{Punct}\\p{P}\\p{S}"),
      Map.entry("xdigit", "0-9A-Fa-f"),
      Map.entry("cntrl", "\\p{Cntrl}"),
      Map.entry("print", "\\P{Cntrl}"),
      Map.entry("graph", "\\p{IsAlphabetic}0-9\\p{P}\\p{S}"));

  private final String pattern;
  private final boolean extended;
  private final StringBuilder out = new StringBuilder();
  private final List<String> warnings = new ArrayList<>();
  private final Deque<Integer> groups = new ArrayDeque<>();
  private int closedGroups;
  private int pos;
  /**
   * Where the last atom starts in {@link #out}: -1 at the start of an expression, -2 after a {@code $}
   * anchor (nothing to repeat, but not the start either).
   */
  private int atomStart = -1;
  private boolean lastWasRepetition;

  private GnuRegex(String pattern, boolean extended) {
    this.pattern = pattern;
    this.extended = extended;
  }

  /** Translates {@code pattern}; {@code extended} for {@code grep -E}. */
  static Translation translate(String pattern, boolean extended) throws Invalid {
    GnuRegex translator = new GnuRegex(pattern, extended);
    translator.translate();
    return new Translation(translator.out.toString(), List.copyOf(translator.warnings));
  }

  /** Java's flags for grep's reading of a line (no line terminators inside; {@code -i}). */
  static int flags(boolean ignoreCase) {
    int flags = Pattern.DOTALL | Pattern.UNIX_LINES | Pattern.UNICODE_CHARACTER_CLASS;
    return ignoreCase ? flags | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : flags;
  }

  private void translate() throws Invalid {
    while (pos < pattern.length()) {
      char c = pattern.charAt(pos++);
      if (c == '\\') {
        escape();
      } else if (c == '[') {
        atom(bracket());
      } else if (c == '.') {
        atom(".");
      } else if (c == '*') {
        repetition("*");
      } else if (c == '^') {
        if (extended || atomStart == -1) {
          out.append('^');
        } else {
          atom("\\^");
        }
      } else if (c == '$') {
        if (extended || atExpressionEnd()) {
          out.append('$');
          atomStart = -2;
        } else {
          atom("\\$");
        }
      } else if (extended && c == '(') {
        openGroup();
      } else if (extended && c == ')') {
        if (groups.isEmpty()) {
          atom("\\)");
        } else {
          closeGroup();
        }
      } else if (extended && c == '|') {
        alternation();
      } else if (extended && (c == '+' || c == '?')) {
        repetition(String.valueOf(c));
      } else if (extended && c == '{') {
        int start = pos;
        String interval = interval('}');
        if (interval == null) {
          pos = start;
          atom("\\{");
        } else {
          repetition(interval);
        }
      } else {
        atom(literal(c));
      }
    }
    if (!groups.isEmpty()) {
      throw new Invalid("Unmatched ( or \\(");
    }
  }

  /** For a BRE {@code $}: whether it ends an expression (the end, {@code \)} or {@code \|} follows). */
  private boolean atExpressionEnd() {
    return pos == pattern.length() || pattern.startsWith("\\)", pos) || pattern.startsWith("\\|", pos);
  }

  private void escape() throws Invalid {
    if (pos >= pattern.length()) {
      throw new Invalid("Trailing backslash");
    }
    char c = pattern.charAt(pos++);
    if (!extended) {
      switch (c) {
        case '(' -> {
          openGroup();
          return;
        }
        case ')' -> {
          if (groups.isEmpty()) {
            throw new Invalid("Unmatched ) or \\)");
          }
          closeGroup();
          return;
        }
        case '|' -> {
          alternation();
          return;
        }
        case '{' -> {
          String interval = interval('\\');
          if (interval == null) {
            throw new Invalid(pattern.indexOf("\\}", pos) < 0 ? "Unmatched \\{" : "Invalid content of \\{\\}");
          }
          repetition(interval);
          return;
        }
        case '+', '?' -> {
          repetition(String.valueOf(c));
          return;
        }
        default -> { }
      }
    }
    if (c >= '1' && c <= '9') {
      if (c - '0' > closedGroups) {
        throw new Invalid("Invalid back reference");
      }
      atom("\\" + c);
      return;
    }
    switch (c) {
      case '<' -> out.append("\\b(?=\\w)");
      case '>' -> out.append("\\b(?<=\\w)");
      case 'b' -> out.append("\\b");
      case 'B' -> out.append("\\B");
      case '`' -> out.append("\\A");
      case '\'' -> out.append("\\z");
      case 'w', 'W', 's', 'S' -> atom("\\" + c);
      default -> atom(literal(c));
    }
  }

  /**
   * An interval's body after its opening brace, ending with {@code }} (ERE) or {@code \}} (BRE), as a Java
   * quantifier; null when the text does not form one (for ERE: a literal brace).
   */
  private String interval(char closer) throws Invalid {
    int end = pos;
    while (end < pattern.length() && (Character.isDigit(pattern.charAt(end)) || pattern.charAt(end) == ',')) {
      end++;
    }
    String body = pattern.substring(pos, end);
    boolean closed = closer == '}' ? pattern.startsWith("}", end) : pattern.startsWith("\\}", end);
    if (!closed || !body.matches("[0-9]*(,[0-9]*)?")) {
      return null;
    }
    pos = end + (closer == '}' ? 1 : 2);
    String[] bounds = body.split(",", -1);
    String min = bounds[0].isEmpty() ? "0" : bounds[0];
    if (bounds.length == 1) {
      if (bounds[0].isEmpty()) {
        throw new Invalid("Invalid content of \\{\\}");
      }
      return "{" + Integer.parseInt(min) + "}";
    }
    if (bounds[1].isEmpty()) {
      return "{" + Integer.parseInt(min) + ",}";
    }
    if (Integer.parseInt(min) > Integer.parseInt(bounds[1])) {
      throw new Invalid("Invalid content of \\{\\}");
    }
    return "{" + Integer.parseInt(min) + "," + Integer.parseInt(bounds[1]) + "}";
  }

  private void atom(String regex) {
    atomStart = out.length();
    out.append(regex);
    lastWasRepetition = false;
  }

  private void repetition(String quantifier) {
    if (atomStart < 0) {
      if (!extended) {
        // BRE: `*` at the start of an expression is an ordinary character; so are `\+` and `\?`.
        atom(literal(quantifier.charAt(0)));
        return;
      }
      String shown = quantifier.startsWith("{") ? "{...}" : quantifier;
      warnings.add("warning: " + shown + " at start of expression");
      return;
    }
    if (lastWasRepetition) {
      // `a**`, `a+*`, `a{1}{2}`: repeat the repetition (Java would read `a*+` as possessive).
      out.insert(atomStart, "(?:").append(')');
    }
    out.append(quantifier);
    lastWasRepetition = true;
  }

  private void openGroup() {
    groups.push(out.length());
    out.append('(');
    atomStart = -1;
    lastWasRepetition = false;
  }

  private void closeGroup() {
    int start = groups.pop();
    out.append(')');
    closedGroups++;
    atomStart = start;
    lastWasRepetition = false;
  }

  private void alternation() {
    out.append('|');
    atomStart = -1;
    lastWasRepetition = false;
  }

  /** A bracket expression, {@link #pos} just after its {@code [}. */
  private String bracket() throws Invalid {
    int start = pos;
    StringBuilder set = new StringBuilder();
    boolean negated = pos < pattern.length() && pattern.charAt(pos) == '^';
    if (negated) {
      pos++;
    }
    if (pos >= pattern.length()) {
      throw new Invalid("Invalid regular expression");
    }
    boolean first = true;
    while (true) {
      if (pos >= pattern.length()) {
        throw new Invalid("Unmatched [, [^, [:, [., or [=");
      }
      char c = pattern.charAt(pos);
      if (c == ']' && !first) {
        pos++;
        break;
      }
      first = false;
      if (c == '[' && pos + 1 < pattern.length() && ":.=".indexOf(pattern.charAt(pos + 1)) >= 0) {
        char kind = pattern.charAt(pos + 1);
        int close = pattern.indexOf(kind + "]", pos + 2);
        if (close < 0) {
          throw new Invalid("Unmatched [, [^, [:, [., or [=");
        }
        String name = pattern.substring(pos + 2, close);
        pos = close + 2;
        if (kind == ':') {
          String javaClass = CLASSES.get(name);
          if (javaClass == null) {
            throw new Invalid("Invalid character class name");
          }
          set.append(javaClass);
          continue;
        }
        if (name.codePointCount(0, name.length()) != 1) {
          throw new Invalid("Invalid collation character");
        }
        rangeOrChar(set, name.codePointAt(0));
        continue;
      }
      int cp = pattern.codePointAt(pos);
      pos += Character.charCount(cp);
      rangeOrChar(set, cp);
    }
    String text = pattern.substring(start, pos - 1);
    if (text.length() >= 2 && text.startsWith(":") && text.endsWith(":")) {
      throw new Invalid("character class syntax is [[:space:]], not [:space:]");
    }
    return (negated ? "[^" : "[") + set + "]";
  }

  /** A character, or a range when {@code -X} follows (a {@code -} before {@code ]} is literal). */
  private void rangeOrChar(StringBuilder set, int from) throws Invalid {
    if (pos + 1 < pattern.length() && pattern.charAt(pos) == '-' && pattern.charAt(pos + 1) != ']') {
      pos++;
      int to;
      if (pattern.startsWith("[.", pos)) {
        int close = pattern.indexOf(".]", pos + 2);
        if (close < 0) {
          throw new Invalid("Unmatched [, [^, [:, [., or [=");
        }
        to = pattern.codePointAt(pos + 2);
        pos = close + 2;
      } else {
        to = pattern.codePointAt(pos);
        pos += Character.charCount(to);
      }
      if (to < from) {
        throw new Invalid("Invalid range end");
      }
      set.append(classChar(from)).append('-').append(classChar(to));
    } else {
      set.append(classChar(from));
    }
  }

  private static String classChar(int cp) {
    String s = new String(Character.toChars(cp));
    return "\\[]^-&".indexOf(cp) >= 0 ? "\\" + s : s;
  }

  private static String literal(char c) {
    return c < 128 && !Character.isLetterOrDigit(c) ? "\\" + c : String.valueOf(c);
  }
}
