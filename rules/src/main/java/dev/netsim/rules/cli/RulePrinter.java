package dev.netsim.rules.cli;

import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Ipv4Prefix;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.Names;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.model.Chain;
import dev.netsim.rules.model.IpHeader;
import dev.netsim.rules.model.RuleSpec;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints rules and chains exactly as iptables 1.8.9 (nf_tables) does: the {@code -S}/iptables-save form and
 * the {@code -L} table, column widths included.
 */
public final class RulePrinter {
  /** How {@code -L} prints: the flags of iptables' {@code FMT_*} format. */
  public record ListFormat(boolean numeric, boolean verbose, boolean exact, boolean lineNumbers) {}

  private RulePrinter() {}

  /** {@code -A CHAIN ...} as iptables-save and {@code -S} print it; counters only for {@code -S -v}. */
  /** Writes the stderr lines iptables prints along with {@code spec} ({@link Match#printWarnings()}). */
  public static void printWarnings(RuleSpec spec, PrintStream err) {
    for (Match match : spec.matches()) {
      for (String warning : match.printWarnings()) {
        err.print(warning + "\n");
      }
    }
  }

  public static String saveRule(String chain, RuleSpec spec, long[] counters) {
    StringBuilder out = new StringBuilder("-A ").append(chain);
    IpHeader header = spec.header();
    saveAddress(out, 's', header.source(), header.sourceInverted());
    saveAddress(out, 'd', header.destination(), header.destinationInverted());
    saveInterface(out, 'i', header.inInterface(), header.inInverted());
    saveInterface(out, 'o', header.outInterface(), header.outInverted());
    if (header.protocol() > 0) {
      if (header.protocolInverted()) {
        out.append(" !");
      }
      out.append(" -p ").append(Names.protocolLabel(header.protocol()));
    }
    if (header.fragment()) {
      if (header.fragmentInverted()) {
        out.append(" !");
      }
      out.append(" -f");
    }
    for (Match match : spec.matches()) {
      if (match.visible()) {
        out.append(" -m ").append(match.name());
        match.appendSave(out);
      }
    }
    if (counters != null) {
      out.append(" -c ").append(Long.toUnsignedString(counters[0])).append(' ')
          .append(Long.toUnsignedString(counters[1]));
    }
    Target target = spec.target();
    if (!target.name().isEmpty()) {
      out.append(target.isGoto() ? " -g " : " -j ").append(target.name());
      target.appendSave(out);
    }
    return out.toString();
  }

  private static void saveAddress(StringBuilder out, char letter, Ipv4Prefix prefix, boolean inverted) {
    if (prefix.mask() == 0 && !inverted && prefix.address() == 0) {
      return;
    }
    if (inverted) {
      out.append(" !");
    }
    int length = Names.cidr(prefix.mask());
    out.append(" -").append(letter).append(' ').append(Ipv4.format(prefix.address())).append('/')
        .append(length >= 0 ? Integer.toString(length) : Ipv4.format(prefix.mask()));
  }

  private static void saveInterface(StringBuilder out, char letter, String name, boolean inverted) {
    if (!name.isEmpty() && (!name.equals("+") || inverted)) {
      out.append(inverted ? " !" : "").append(" -").append(letter).append(' ').append(name);
    }
  }

  /** The {@code -L} header line of a chain: {@code Chain INPUT (policy ACCEPT 0 packets, 0 bytes)}. */
  public static String chainHeader(Chain chain, long packets, long bytes, int references, ListFormat format) {
    StringBuilder out = new StringBuilder("Chain ").append(chain.name());
    if (chain.isBuiltin()) {
      out.append(" (policy ").append(chain.policy().name());
      if (format.verbose()) {
        out.append(' ');
        appendNumber(out, packets, format.exact(), false);
        out.append("packets, ");
        appendNumber(out, bytes, format.exact(), false);
        out.append("bytes");
      }
      out.append(')');
    } else {
      out.append(" (").append(references).append(" references)");
    }
    return out.toString();
  }

  /** The column titles under a chain header. */
  public static String columnHeader(ListFormat format) {
    StringBuilder out = new StringBuilder();
    if (format.lineNumbers()) {
      out.append(String.format(Locale.ROOT, "%-4s ", "num"));
    }
    if (format.verbose()) {
      if (format.exact()) {
        out.append(String.format(Locale.ROOT, "%8s %10s ", "pkts", "bytes"));
      } else {
        out.append(String.format(Locale.ROOT, "%5s %5s ", "pkts", "bytes"));
      }
    }
    out.append(String.format(Locale.ROOT, "%-9s ", "target"));
    out.append(" prot opt");
    if (format.verbose()) {
      out.append(String.format(Locale.ROOT, " %-6s %-6s ", "in", "out"));
    }
    out.append(String.format(Locale.ROOT, " %-19s  %-19s ", "source", "destination"));
    return out.toString();
  }

  /** One rule as a line of the {@code -L} table. */
  public static String listRule(int number, RuleSpec spec, long packets, long bytes, ListFormat format) {
    StringBuilder out = new StringBuilder();
    if (format.lineNumbers()) {
      out.append(String.format(Locale.ROOT, "%-4d ", number));
    }
    if (format.verbose()) {
      appendNumber(out, packets, format.exact(), true);
      appendNumber(out, bytes, format.exact(), true);
    }
    Target target = spec.target();
    IpHeader header = spec.header();
    out.append(String.format(Locale.ROOT, "%-9s ", target.listName()));
    out.append(header.protocolInverted() ? '!' : ' ');
    String protocol = format.numeric() ? Integer.toString(header.protocol()) : Names.protocolLabel(header.protocol());
    out.append(String.format(Locale.ROOT, "%-4s ", protocol));
    out.append(header.fragmentInverted() ? '!' : '-').append(header.fragment() ? 'f' : '-').append(' ');
    if (format.verbose()) {
      String any = format.numeric() ? "*" : "any";
      out.append(String.format(Locale.ROOT, " %-6s ",
          (header.inInverted() ? "!" : "") + (header.inInterface().isEmpty() ? any : header.inInterface())));
      out.append(String.format(Locale.ROOT, "%-6s ",
          (header.outInverted() ? "!" : "") + (header.outInterface().isEmpty() ? any : header.outInterface())));
    }
    out.append(header.sourceInverted() ? '!' : ' ');
    out.append(String.format(Locale.ROOT, "%-19s ", address(header.source(), format.numeric())));
    out.append(header.destinationInverted() ? '!' : ' ');
    out.append(String.format(Locale.ROOT, "%-19s ", address(header.destination(), format.numeric())));
    if (target.isGoto()) {
      out.append("[goto] ");
    }
    for (Match match : spec.matches()) {
      if (match.visible()) {
        match.appendList(out, format.numeric());
      }
    }
    target.appendList(out, format.numeric());
    return out.toString();
  }

  /**
   * A rule as {@code iptables -v -A ...} echoes it (iptables' "print rule" format):
   * {@code ACCEPT  tcp opt -- in * out *  1.2.3.4  -> 0.0.0.0/0   tcp dpt:22}.
   */
  public static String echoRule(RuleSpec spec) {
    IpHeader header = spec.header();
    Target target = spec.target();
    StringBuilder out = new StringBuilder();
    out.append(target.listName()).append(' ');
    out.append(header.protocolInverted() ? '!' : ' ');
    String name = Names.chainProtocolName(header.protocol());
    out.append(name != null ? name : Integer.toString(header.protocol())).append(' ');
    out.append("opt ").append(header.fragmentInverted() ? '!' : '-').append(header.fragment() ? 'f' : '-')
        .append(' ');
    out.append("in ").append(header.inInverted() ? "!" : "")
        .append(header.inInterface().isEmpty() ? "*" : header.inInterface()).append(' ');
    out.append("out ").append(header.outInverted() ? "!" : "")
        .append(header.outInterface().isEmpty() ? "*" : header.outInterface()).append(' ');
    out.append(header.sourceInverted() ? '!' : ' ').append(address(header.source(), true)).append(' ');
    out.append(header.destinationInverted() ? '!' : ' ').append("-> ")
        .append(address(header.destination(), true));
    out.append("  ");
    if (target.isGoto()) {
      out.append("[goto] ");
    }
    for (Match match : spec.matches()) {
      if (match.visible()) {
        match.appendList(out, true);
      }
    }
    target.appendList(out, true);
    return out.toString();
  }

  private static String address(Ipv4Prefix prefix, boolean numeric) {
    if (prefix.mask() == 0 && !numeric) {
      return "anywhere";
    }
    String address = numeric ? Ipv4.format(prefix.address()) : Names.anyName(prefix.address());
    return address + Names.maskSuffix(prefix.mask());
  }

  /** {@code xtables_print_num}: exact, or abbreviated to K/M/G/T; in a column (with padding) or in text. */
  static void appendNumber(StringBuilder out, long number, boolean exact, boolean column) {
    if (exact) {
      out.append(column ? String.format(Locale.ROOT, "%8s ", Long.toUnsignedString(number))
          : Long.toUnsignedString(number) + " ");
      return;
    }
    if (Long.compareUnsigned(number, 99999) <= 0) {
      out.append(column ? String.format(Locale.ROOT, "%5d ", number) : number + " ");
      return;
    }
    String[] units = {"K", "M", "G"};
    long value = number;
    for (String unit : units) {
      value = Long.divideUnsigned(value + 500, 1000);
      if (Long.compareUnsigned(value, 9999) <= 0) {
        out.append(column ? String.format(Locale.ROOT, "%4d%s ", value, unit) : value + unit + " ");
        return;
      }
    }
    value = Long.divideUnsigned(value + 500, 1000);
    out.append(column ? String.format(Locale.ROOT, "%4d%s ", value, "T") : value + "T ");
  }
}
