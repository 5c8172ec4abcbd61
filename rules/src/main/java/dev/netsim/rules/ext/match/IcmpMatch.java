package dev.netsim.rules.ext.match;

import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.CNumbers;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.KernelError;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Placement;
import java.util.List;
import java.util.Locale;

/**
 * {@code -m icmp --icmp-type TYPE[/CODE]}: an ICMP type by name ({@code echo-request}, {@code any}, ...) or
 * number, optionally with a code or code range; negatable. Type 255 means any type.
 */
public record IcmpMatch(int type, int codeLow, int codeHigh, boolean inverted) implements Match {
  /** A named ICMP type or type/code, as iptables' table has them. */
  record IcmpName(String name, int type, int codeLow, int codeHigh) {}

  static final List<IcmpName> NAMES = List.of(
      new IcmpName("any", 0xff, 0, 0xff),
      new IcmpName("echo-reply", 0, 0, 0xff),
      new IcmpName("pong", 0, 0, 0xff),
      new IcmpName("destination-unreachable", 3, 0, 0xff),
      new IcmpName("network-unreachable", 3, 0, 0),
      new IcmpName("host-unreachable", 3, 1, 1),
      new IcmpName("protocol-unreachable", 3, 2, 2),
      new IcmpName("port-unreachable", 3, 3, 3),
      new IcmpName("fragmentation-needed", 3, 4, 4),
      new IcmpName("source-route-failed", 3, 5, 5),
      new IcmpName("network-unknown", 3, 6, 6),
      new IcmpName("host-unknown", 3, 7, 7),
      new IcmpName("network-prohibited", 3, 9, 9),
      new IcmpName("host-prohibited", 3, 10, 10),
      new IcmpName("TOS-network-unreachable", 3, 11, 11),
      new IcmpName("TOS-host-unreachable", 3, 12, 12),
      new IcmpName("communication-prohibited", 3, 13, 13),
      new IcmpName("host-precedence-violation", 3, 14, 14),
      new IcmpName("precedence-cutoff", 3, 15, 15),
      new IcmpName("source-quench", 4, 0, 0xff),
      new IcmpName("redirect", 5, 0, 0xff),
      new IcmpName("network-redirect", 5, 0, 0),
      new IcmpName("host-redirect", 5, 1, 1),
      new IcmpName("TOS-network-redirect", 5, 2, 2),
      new IcmpName("TOS-host-redirect", 5, 3, 3),
      new IcmpName("echo-request", 8, 0, 0xff),
      new IcmpName("ping", 8, 0, 0xff),
      new IcmpName("router-advertisement", 9, 0, 0xff),
      new IcmpName("router-solicitation", 10, 0, 0xff),
      new IcmpName("time-exceeded", 11, 0, 0xff),
      new IcmpName("ttl-exceeded", 11, 0, 0xff),
      new IcmpName("ttl-zero-during-transit", 11, 0, 0),
      new IcmpName("ttl-zero-during-reassembly", 11, 1, 1),
      new IcmpName("parameter-problem", 12, 0, 0xff),
      new IcmpName("ip-header-bad", 12, 0, 0),
      new IcmpName("required-option-missing", 12, 1, 1),
      new IcmpName("timestamp-request", 13, 0, 0xff),
      new IcmpName("timestamp-reply", 14, 0, 0xff),
      new IcmpName("address-mask-request", 17, 0, 0xff),
      new IcmpName("address-mask-reply", 18, 0, 0xff));

  @Override
  public String name() {
    return "icmp";
  }

  @Override
  public void appendSave(StringBuilder out) {
    if (inverted) {
      out.append(" !");
    }
    if (type == 0xff) {
      out.append(" --icmp-type any");
    } else {
      out.append(" --icmp-type ").append(type);
      if (codeLow != 0 || codeHigh != 0xff) {
        out.append('/').append(codeLow);
      }
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" icmp");
    if (!numeric) {
      for (IcmpName known : NAMES) {
        if (known.type() == type && known.codeLow() == codeLow && known.codeHigh() == codeHigh) {
          out.append(' ').append(inverted ? "!" : "").append(known.name());
          return;
        }
      }
    }
    if (inverted) {
      out.append(" !");
    }
    out.append("type ").append(type);
    if (codeLow == codeHigh) {
      out.append(" code ").append(codeLow);
    } else if (codeLow != 0 || codeHigh != 0xff) {
      out.append(" codes ").append(codeLow).append('-').append(codeHigh);
    }
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    if (packet.protocol != 1 || packet.laterFragment || packet.icmpType < 0) {
      return MatchResult.NO_MATCH;
    }
    boolean matched = type == 0xff
        || (packet.icmpType == type && packet.icmpCode >= codeLow && packet.icmpCode <= codeHigh);
    return MatchResult.of(matched, inverted);
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    if (packet.protocol != 1 || packet.laterFragment || packet.icmpType < 0) {
      return "packet is not ICMP";
    }
    StringBuilder wanted = new StringBuilder();
    appendList(wanted, false);
    return "ICMP type/code is " + packet.icmpType + "/" + packet.icmpCode + ", rule wants" + wanted.substring(5);
  }

  @Override
  public KernelError check(Placement placement) {
    return placement.header().requiresProtocol(1) ? null : KernelError.EINVAL;
  }

  /** The {@code icmp} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("icmp", List.of(OptionSpec.withArg("icmp-type").invert().required()));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        IcmpMatch parsed;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          int[] typeAndCodes = parse(arg);
          parsed = new IcmpMatch(typeAndCodes[0], typeAndCodes[1], typeAndCodes[2], inverted);
        }

        @Override
        public Match build(ParseContext ctx) {
          return parsed;
        }
      };
    }
  }

  /** iptables' {@code parse_icmp}: a unique prefix of a name, or {@code TYPE[/CODE[:CODE]]}. */
  static int[] parse(String text) {
    IcmpName match = null;
    String lower = text.toLowerCase(Locale.ROOT);
    for (IcmpName known : NAMES) {
      if (known.name().toLowerCase(Locale.ROOT).startsWith(lower)) {
        if (match != null) {
          throw IptablesException.parameter("Ambiguous ICMP type `" + text + "': `" + match.name() + "' or `"
              + known.name() + "'?");
        }
        match = known;
      }
    }
    if (match != null) {
      return new int[] {match.type(), match.codeLow(), match.codeHigh()};
    }
    int slash = text.indexOf('/');
    String typeText = slash < 0 ? text : text.substring(0, slash);
    long type = CNumbers.parseUnsigned(typeText, 0, 255);
    if (type < 0) {
      throw IptablesException.parameter("Unknown ICMP type `" + text + "'");
    }
    if (slash < 0) {
      return new int[] {(int) type, 0, 0xff};
    }
    String codes = text.substring(slash + 1);
    int colon = codes.indexOf(':');
    String lowText = colon < 0 ? codes : codes.substring(0, colon);
    long low = CNumbers.parseUnsigned(lowText, 0, 255);
    long high = colon < 0 ? low : CNumbers.parseUnsigned(codes.substring(colon + 1), 0, 255);
    if (low < 0 || high < 0) {
      throw IptablesException.parameter("Unknown ICMP code `" + text + "'");
    }
    return new int[] {(int) type, (int) low, (int) high};
  }
}
