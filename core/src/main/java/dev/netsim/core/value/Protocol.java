package dev.netsim.core.value;

import com.google.common.collect.ImmutableMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An IP protocol number (0..255), named as a Debian host's {@code /etc/protocols} names it.
 *
 * <p>Number 0 is "all" to iptables ({@code -p all}); the names table is the netbase one, so that listings
 * print the names a real host prints.
 */
public record Protocol(int number) {
  public static final Protocol ALL = new Protocol(0);
  public static final Protocol ICMP = new Protocol(1);
  public static final Protocol TCP = new Protocol(6);
  public static final Protocol UDP = new Protocol(17);

  public Protocol {
    if (number < 0 || number > 255) {
      throw new IllegalArgumentException("protocol number out of range: " + number);
    }
  }

  /**
   * Parses a number or a name, case-insensitively ({@code tcp}, {@code TCP}, {@code 6}, {@code all});
   * throws {@code unknown protocol `TEXT'} otherwise.
   */
  public static Protocol parse(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if ("all".equals(lower)) {
      return ALL;
    }
    if (!lower.isEmpty() && lower.chars().allMatch(c -> c >= '0' && c <= '9') && lower.length() <= 3) {
      int number = Integer.parseInt(lower);
      if (number <= 255) {
        return new Protocol(number);
      }
    }
    Integer number = Tables.NUMBERS.get(lower);
    if (number == null) {
      throw new InvalidValueException("unknown protocol `" + text + "'", text);
    }
    return new Protocol(number);
  }

  /** The first name {@code /etc/protocols} gives this number, or {@code null}. */
  public String name() {
    return Tables.NAMES.get(number);
  }

  public boolean isAll() {
    return number == 0;
  }

  @Override
  public String toString() {
    String name = name();
    return name != null ? name : Integer.toString(number);
  }

  private static final class Tables {
    static final ImmutableMap<String, Integer> NUMBERS;
    static final ImmutableMap<Integer, String> NAMES;

    static {
      Map<String, Integer> numbers = new HashMap<>();
      Map<Integer, String> names = new HashMap<>();
      try (BufferedReader in = new BufferedReader(new InputStreamReader(
          Protocol.class.getResourceAsStream("protocols.tsv"), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          String[] fields = line.split("\t");
          int number = Integer.parseInt(fields[1]);
          numbers.putIfAbsent(fields[0], number);
          names.putIfAbsent(number, fields[0]);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      NUMBERS = ImmutableMap.copyOf(numbers);
      NAMES = ImmutableMap.copyOf(names);
    }
  }
}
