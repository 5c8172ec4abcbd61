package dev.netsim.sim.tools;

import dev.netsim.core.value.Mac;
import dev.netsim.sim.tools.iproute.Ipv6Text;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces the random MACs of a transcript, and what Linux derives from them (bridge ids, IPv6 link-local
 * addresses, solicited-node groups), by numbered placeholders in order of first appearance, so a kernel
 * transcript and netsim's can be compared although the kernel draws its MACs at random.
 */
final class MacNormalizer {
  private static final Pattern MAC = Pattern.compile("(?<![0-9a-f:])(?:[0-9a-f]{2}:){5}[0-9a-f]{2}(?![0-9a-f:])");
  private static final Pattern BRIDGE_ID = Pattern.compile("(?<![0-9a-f])8000\\.([0-9a-f]{12})(?![0-9a-f])");
  private static final Pattern LINK_LOCAL = Pattern.compile("(?<![0-9a-f:])fe80::[0-9a-f:]+[0-9a-f](?![0-9a-f:])");

  private MacNormalizer() {}

  static String normalize(String transcript) {
    Map<Long, Integer> numbers = new LinkedHashMap<>();
    StringBuilder out = new StringBuilder();
    for (String line : transcript.split("\n", -1)) {
      out.append(normalizeLine(line, numbers)).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  /** Addresses that are the same on every run: zero, broadcast, IPv4 and IPv6 multicast groups. */
  private static boolean special(long bits) {
    return bits == 0 || bits == 0xffff_ffff_ffffL || (bits >>> 32) == 0x3333L || (bits >>> 24) == 0x01005eL;
  }

  private static String normalizeLine(String line, Map<Long, Integer> numbers) {
    String result = replace(BRIDGE_ID.matcher(line), m -> {
      long bits = Long.parseLong(m.group(1), 16);
      return bits == 0 ? m.group() : "8000.BRID" + number(numbers, bits);
    });
    result = replace(LINK_LOCAL.matcher(result), m -> {
      Long bits = macOfLinkLocal(m.group());
      return bits == null ? m.group() : "LL" + number(numbers, bits);
    });
    result = replace(MAC.matcher(result), m -> {
      long bits = Mac.parse(m.group()).bits();
      if ((bits >>> 24) == 0x3333ffL) {
        for (Map.Entry<Long, Integer> known : numbers.entrySet()) {
          if ((known.getKey() & 0xffffffL) == (bits & 0xffffffL)) {
            return "SOLICITED" + known.getValue();
          }
        }
        return m.group();
      }
      return special(bits) ? m.group() : "MAC" + number(numbers, bits);
    });
    return result;
  }

  private static int number(Map<Long, Integer> numbers, long bits) {
    return numbers.computeIfAbsent(bits, b -> numbers.size() + 1);
  }

  /** The MAC an EUI-64 link-local address was made from, or null when it is not one. */
  private static Long macOfLinkLocal(String address) {
    String[] halves = address.split("::");
    if (halves.length != 2) {
      return null;
    }
    String[] groups = halves[1].split(":");
    if (groups.length != 4) {
      return null;
    }
    int g0 = Integer.parseInt(groups[0], 16);
    int g1 = Integer.parseInt(groups[1], 16);
    int g2 = Integer.parseInt(groups[2], 16);
    int g3 = Integer.parseInt(groups[3], 16);
    if ((g1 & 0xff) != 0xff || (g2 >>> 8) != 0xfe) {
      return null;
    }
    long mac = ((long) ((g0 >>> 8) ^ 0x02) << 40) | ((long) (g0 & 0xff) << 32) | ((long) (g1 >>> 8) << 24)
        | ((long) (g2 & 0xff) << 16) | g3;
    String check = Ipv6Text.linkLocal(new Mac(mac));
    return check.equals(address) ? mac : null;
  }

  private static String replace(Matcher matcher, java.util.function.Function<Matcher, String> replacement) {
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(matcher)));
    }
    matcher.appendTail(out);
    return out.toString();
  }
}
