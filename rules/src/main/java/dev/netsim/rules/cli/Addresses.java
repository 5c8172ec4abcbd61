package dev.netsim.rules.cli;

import dev.netsim.core.value.Ipv4Prefix;
import dev.netsim.rules.ext.CNumbers;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.Names;
import dev.netsim.rules.ext.Xt;
import java.util.ArrayList;
import java.util.List;

/** Address parsing as libxtables does it for {@code -s} and {@code -d} ({@code xtables_ipparse_multiple}). */
final class Addresses {
  private Addresses() {}

  /**
   * Parses a comma-separated list of {@code host[/mask]}: each address as a (possibly abbreviated) dotted
   * quad or a host name from /etc/hosts, each mask as a length or a dotted mask. Host bits are cleared.
   */
  static List<Ipv4Prefix> parseMultiple(String text) {
    List<Ipv4Prefix> result = new ArrayList<>();
    int from = 0;
    while (true) {
      int comma = text.indexOf(',', from);
      String item = (comma < 0 ? text.substring(from) : text.substring(from, comma)).strip();
      int slash = item.lastIndexOf('/');
      int mask = slash < 0 ? -1 : parseMask(item.substring(slash + 1));
      String host = slash < 0 ? item : item.substring(0, slash);
      int address = mask == 0 ? 0 : parseHost(host);
      result.add(new Ipv4Prefix(address, mask));
      if (comma < 0) {
        return result;
      }
      from = comma + 1;
    }
  }

  private static int parseMask(String text) {
    if (text.indexOf('.') >= 0) {
      Integer dotted = Xt.numericAddress(text, true);
      if (dotted == null) {
        throw IptablesException.parameter("invalid mask `" + text + "' specified");
      }
      return dotted;
    }
    long bits = CNumbers.parseUnsigned(text, 0, 32);
    if (bits < 0) {
      throw IptablesException.parameter("invalid mask `" + text + "' specified");
    }
    return Ipv4Prefix.maskOf((int) bits);
  }

  private static int parseHost(String text) {
    Integer numeric = Xt.numericAddress(text, false);
    if (numeric != null) {
      return numeric;
    }
    Integer host = Names.hostAddress(text);
    if (host != null) {
      return host;
    }
    throw IptablesException.parameter("host/network `" + text + "' not found");
  }
}
