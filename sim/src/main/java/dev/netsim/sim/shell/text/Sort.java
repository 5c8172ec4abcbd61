package dev.netsim.sim.shell.text;

import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.NotSimulated;
import dev.netsim.sim.shell.Tool;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * coreutils {@code sort} in the C.UTF-8 locale (code point order): {@code -n -r -u -f -b -s -t SEP} and
 * {@code -k POS1[,POS2]} with per-key flags, GNU's field rules and last-resort whole-line comparison.
 */
final class Sort implements Tool {
  private static final Map<String, String> LONG = Map.ofEntries(
      Map.entry("numeric-sort", "n"), Map.entry("reverse", "r"), Map.entry("unique", "u"),
      Map.entry("ignore-case", "f"), Map.entry("ignore-leading-blanks", "b"), Map.entry("stable", "s"),
      Map.entry("key=", "k"), Map.entry("field-separator=", "t"), Map.entry("help", "help"),
      Map.entry("version", "version"), Map.entry("output=", "o"), Map.entry("check?", "c"),
      Map.entry("general-numeric-sort", "g"), Map.entry("human-numeric-sort", "h"),
      Map.entry("version-sort", "V"), Map.entry("zero-terminated", "z"), Map.entry("random-sort", "R"),
      Map.entry("month-sort", "M"), Map.entry("merge", "m"), Map.entry("dictionary-order", "d"),
      Map.entry("ignore-nonprinting", "i"));
  private static final Pattern KEY = Pattern.compile(
      "([^.,a-zA-Z]*)(?:\\.([^,a-zA-Z]*))?([a-zA-Z]*)(?:,([^.,a-zA-Z]*)(?:\\.([^,a-zA-Z]*))?([a-zA-Z]*))?");

  /** Ordering flags: numeric, reverse, fold case. */
  private record Flags(boolean numeric, boolean reverse, boolean fold) {}

  /** A {@code -k} key; {@code endField} 0 means the end of the line, {@code endChar} 0 the end of the field. */
  private record Key(int startField, int startChar, boolean startBlanks, int endField, int endChar, boolean endBlanks,
      Flags flags) {}

  /** A usage error's message. */
  private static final class BadKey extends Exception {
    private static final long serialVersionUID = 1L;

    BadKey(String message) {
      super(message, null, false, false);
    }
  }

  @Override
  public int run(Invocation call) {
    Getopt options;
    try {
      options = new Getopt(call.argv().subList(1, call.argv().size()), "nrufbsk:t:o:cghVzRMmdi", LONG, false);
    } catch (Getopt.UsageError e) {
      call.err().println("sort: " + e.getMessage());
      call.err().println("Try 'sort --help' for more information.");
      return 2;
    }
    boolean numeric = false;
    boolean reverse = false;
    boolean fold = false;
    boolean blanks = false;
    boolean unique = false;
    boolean stable = false;
    Character separator = null;
    List<String> keySpecs = new ArrayList<>();
    for (Getopt.Option option : options.options) {
      switch (option.name()) {
        case "n" -> numeric = true;
        case "r" -> reverse = true;
        case "f" -> fold = true;
        case "b" -> blanks = true;
        case "u" -> unique = true;
        case "s" -> stable = true;
        case "k" -> keySpecs.add(option.value());
        case "t" -> {
          if (option.value().codePointCount(0, option.value().length()) != 1) {
            call.err().println("sort: " + (option.value().isEmpty() ? "empty tab" : "multi-character tab ‘" + option.value() + "’"));
            return 2;
          }
          separator = option.value().charAt(0);
        }
        default -> {
          return NotSimulated.report(call);
        }
      }
    }
    Flags global = new Flags(numeric, reverse, fold);
    List<Key> keys = new ArrayList<>();
    try {
      for (String spec : keySpecs) {
        keys.add(key(spec, global, blanks));
      }
    } catch (BadKey e) {
      call.err().println("sort: " + e.getMessage());
      return 2;
    }
    List<String> lines = new ArrayList<>();
    for (String file : options.operands.isEmpty() ? List.of("-") : options.operands) {
      try {
        lines.addAll(Inputs.lines(Inputs.read(call, file)));
      } catch (IOException e) {
        call.err().println("sort: cannot read: " + file + ": " + e.getMessage());
        return 2;
      }
    }
    Comparator<String> byKeys = byKeys(keys.isEmpty() ? List.of(new Key(1, 1, blanks, 0, 0, blanks, global)) : keys, separator);
    Comparator<String> order = byKeys;
    if (!unique && !stable) {
      // the last resort: whole lines by code point, reversed with -r
      boolean reversed = reverse;
      order = byKeys.thenComparing((a, b) -> reversed ? compareCodePoints(b, a) : compareCodePoints(a, b));
    }
    lines.sort(order);
    StringBuilder out = new StringBuilder();
    String previous = null;
    for (String line : lines) {
      if (unique && previous != null && byKeys.compare(previous, line) == 0) {
        continue;
      }
      out.append(line).append('\n');
      previous = line;
    }
    call.out().print(out);
    return 0;
  }

  /** A {@code -k} spec; a key with flags of its own inherits none of the global ones (GNU's rule). */
  private static Key key(String spec, Flags global, boolean globalBlanks) throws BadKey {
    Matcher m = KEY.matcher(spec);
    if (!m.matches() || !m.group(1).matches("[0-9]+")) {
      throw new BadKey("invalid number at field start: invalid count at start of ‘" + spec + "’");
    }
    int startField = parse(m.group(1));
    if (startField == 0) {
      throw new BadKey("field number is zero: invalid field specification ‘" + spec + "’");
    }
    int startChar = 1;
    if (m.group(2) != null) {
      if (!m.group(2).matches("[0-9]+")) {
        throw new BadKey("invalid number after '.': invalid count at start of ‘" + m.group(2) + m.group(3) + "’");
      }
      startChar = parse(m.group(2));
      if (startChar == 0) {
        throw new BadKey("character offset is zero: invalid field specification ‘" + spec + "’");
      }
    }
    String startFlags = m.group(3);
    int endField = 0;
    int endChar = 0;
    String endFlags = "";
    if (m.group(4) != null) {
      if (!m.group(4).matches("[0-9]+")) {
        throw new BadKey("invalid number after ',': invalid count at start of ‘" + m.group(4) + "’");
      }
      endField = parse(m.group(4));
      if (endField == 0) {
        throw new BadKey("field number is zero: invalid field specification ‘" + spec + "’");
      }
      if (m.group(5) != null) {
        if (!m.group(5).matches("[0-9]+")) {
          throw new BadKey("invalid number after '.': invalid count at start of ‘" + m.group(5) + "’");
        }
        endChar = parse(m.group(5));
      }
      endFlags = m.group(6);
    }
    String all = startFlags + endFlags;
    if (!all.matches("[nrfb]*")) {
      throw new BadKey("invalid key specification ‘" + spec + "’");
    }
    boolean own = !all.isEmpty();
    Flags flags = own ? new Flags(all.contains("n"), all.contains("r"), all.contains("f")) : global;
    return new Key(startField, startChar, own ? startFlags.contains("b") : globalBlanks,
        endField, endChar, own ? endFlags.contains("b") : globalBlanks, flags);
  }

  private static int parse(String digits) {
    return digits.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
  }

  private static Comparator<String> byKeys(List<Key> keys, Character separator) {
    return (a, b) -> {
      for (Key key : keys) {
        String ka = extract(a, key, separator);
        String kb = extract(b, key, separator);
        int c = compareKey(ka, kb, key.flags());
        if (c != 0) {
          return key.flags().reverse() ? -c : c;
        }
      }
      return 0;
    };
  }

  /** The key's text: from its start position to its end position, as GNU sort finds them. */
  private static String extract(String line, Key key, Character separator) {
    List<int[]> fields = fields(line, separator);
    int start;
    if (key.startField() > fields.size()) {
      start = line.length();
    } else {
      int[] field = fields.get(key.startField() - 1);
      start = field[0];
      if (key.startBlanks()) {
        start = skipBlanks(line, start, field[1]);
      }
      start = Math.min(start + key.startChar() - 1, field[1]);
    }
    int end;
    if (key.endField() == 0 || key.endField() > fields.size()) {
      end = line.length();
    } else {
      int[] field = fields.get(key.endField() - 1);
      if (key.endChar() == 0) {
        end = field[1];
      } else {
        int from = key.endBlanks() ? skipBlanks(line, field[0], field[1]) : field[0];
        end = Math.min(from + key.endChar(), field[1]);
      }
    }
    return end <= start ? "" : line.substring(start, end);
  }

  /** Field boundaries: split at {@code separator}, or each field is its leading blanks and a non-blank run. */
  private static List<int[]> fields(String line, Character separator) {
    List<int[]> fields = new ArrayList<>();
    if (separator != null) {
      int start = 0;
      while (true) {
        int at = line.indexOf(separator, start);
        fields.add(new int[] {start, at < 0 ? line.length() : at});
        if (at < 0) {
          return fields;
        }
        start = at + 1;
      }
    }
    int i = 0;
    while (i < line.length()) {
      int start = i;
      while (i < line.length() && isBlank(line.charAt(i))) {
        i++;
      }
      while (i < line.length() && !isBlank(line.charAt(i))) {
        i++;
      }
      fields.add(new int[] {start, i});
    }
    return fields;
  }

  private static int skipBlanks(String line, int from, int to) {
    while (from < to && isBlank(line.charAt(from))) {
      from++;
    }
    return from;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  private static int compareKey(String a, String b, Flags flags) {
    if (flags.numeric()) {
      return number(a).compareTo(number(b));
    }
    if (flags.fold()) {
      return compareCodePoints(a.toUpperCase(Locale.ROOT), b.toUpperCase(Locale.ROOT));
    }
    return compareCodePoints(a, b);
  }

  private static final Pattern NUMBER = Pattern.compile("[ \t]*(-?)([0-9]*)(?:\\.([0-9]*))?.*", Pattern.DOTALL);

  /** The number GNU sort -n reads at the start of a key (0 when there is none). */
  private static BigDecimal number(String text) {
    Matcher m = NUMBER.matcher(text);
    if (!m.matches() || (m.group(2).isEmpty() && (m.group(3) == null || m.group(3).isEmpty()))) {
      return BigDecimal.ZERO;
    }
    String digits = (m.group(2).isEmpty() ? "0" : m.group(2)) + (m.group(3) == null || m.group(3).isEmpty() ? "" : "." + m.group(3));
    BigDecimal value = new BigDecimal(digits);
    return m.group(1).isEmpty() ? value : value.negate();
  }

  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
