package dev.netsim.rules.cli;

import java.util.ArrayList;
import java.util.List;

/** Splits a command line into words as a POSIX shell would (quotes and backslashes; no expansions). */
public final class ShellWords {
  private ShellWords() {}

  public static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        word.append(line, i + 1, end);
        i = end;
        inWord = true;
      } else if (c == '"') {
        i++;
        while (line.charAt(i) != '"') {
          char d = line.charAt(i);
          if (d == '\\' && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
            i++;
            d = line.charAt(i);
          }
          word.append(d);
          i++;
        }
        inWord = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
        inWord = true;
      } else if (c == ' ' || c == '\t') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
