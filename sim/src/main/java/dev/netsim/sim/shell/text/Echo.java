package dev.netsim.sim.shell.text;

import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.Tool;
import java.util.List;

/** bash's builtin {@code echo}: options {@code -n -e -E} (combinable) before the first other word. */
final class Echo implements Tool {
  @Override
  public int run(Invocation call) {
    List<String> args = call.argv().subList(1, call.argv().size());
    boolean newline = true;
    boolean escapes = false;
    int i = 0;
    while (i < args.size() && args.get(i).matches("-[neE]+")) {
      for (char c : args.get(i).substring(1).toCharArray()) {
        switch (c) {
          case 'n' -> newline = false;
          case 'e' -> escapes = true;
          default -> escapes = false;
        }
      }
      i++;
    }
    StringBuilder text = new StringBuilder();
    for (int k = i; k < args.size(); k++) {
      if (k > i) {
        text.append(' ');
      }
      if (escapes && interpret(args.get(k), text)) {
        call.out().print(text);
        return 0;
      }
      if (!escapes) {
        text.append(args.get(k));
      }
    }
    if (newline) {
      text.append('\n');
    }
    call.out().print(text);
    return 0;
  }

  /** Appends {@code arg} with {@code -e} escapes interpreted; true when {@code \c} ends all output. */
  private static boolean interpret(String arg, StringBuilder text) {
    for (int i = 0; i < arg.length(); i++) {
      char c = arg.charAt(i);
      if (c != '\\' || i + 1 >= arg.length()) {
        text.append(c);
        continue;
      }
      char e = arg.charAt(++i);
      switch (e) {
        case 'a' -> text.append('\u0007');
        case 'b' -> text.append('\b');
        case 'c' -> {
          return true;
        }
        case 'e', 'E' -> text.append('\u001b');
        case 'f' -> text.append('\f');
        case 'n' -> text.append('\n');
        case 'r' -> text.append('\r');
        case 't' -> text.append('\t');
        case 'v' -> text.append('\u000b');
        case '\\' -> text.append('\\');
        case '0' -> {
          int end = digits(arg, i + 1, 3, 8);
          text.append((char) (end > i + 1 ? Integer.parseInt(arg.substring(i + 1, end), 8) & 0xff : 0));
          i = end - 1;
        }
        case 'x' -> {
          int end = digits(arg, i + 1, 2, 16);
          if (end == i + 1) {
            text.append("\\x");
          } else {
            text.append((char) Integer.parseInt(arg.substring(i + 1, end), 16));
            i = end - 1;
          }
        }
        case 'u', 'U' -> {
          int end = digits(arg, i + 1, e == 'u' ? 4 : 8, 16);
          if (end == i + 1) {
            text.append('\\').append(e);
          } else {
            text.appendCodePoint(Integer.parseInt(arg.substring(i + 1, end), 16));
            i = end - 1;
          }
        }
        default -> text.append('\\').append(e);
      }
    }
    return false;
  }

  private static int digits(String s, int from, int max, int radix) {
    int end = from;
    while (end < s.length() && end - from < max && Character.digit(s.charAt(end), radix) >= 0) {
      end++;
    }
    return end;
  }
}
