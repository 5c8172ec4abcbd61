package dev.netsim.rules.ext.match;

import dev.netsim.core.value.Ipv4;
import dev.netsim.rules.eval.AddressTypes;
import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.KernelError;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Placement;
import dev.netsim.rules.model.Hook;
import java.util.List;
import java.util.Locale;

/**
 * {@code -m addrtype --src-type T --dst-type T [--limit-iface-in|--limit-iface-out]}: the routing type of the
 * source or destination address (LOCAL, UNICAST, BROADCAST, ...) in the packet's namespace, asked from
 * {@link PacketContext#addressTypes}; masks are {@code 1 << type}.
 */
public record AddrtypeMatch(int sourceTypes, boolean sourceInverted, int destinationTypes,
    boolean destinationInverted, boolean limitIn, boolean limitOut) implements Match {

  static final String[] TYPE_NAMES = {"UNSPEC", "UNICAST", "LOCAL", "BROADCAST", "ANYCAST", "MULTICAST",
      "BLACKHOLE", "UNREACHABLE", "PROHIBIT", "THROW", "NAT", "XRESOLVE"};

  @Override
  public String name() {
    return "addrtype";
  }

  static void appendTypes(StringBuilder out, int mask) {
    String separator = "";
    for (int i = 0; i < TYPE_NAMES.length; i++) {
      if ((mask & (1 << i)) != 0) {
        out.append(separator).append(TYPE_NAMES[i]);
        separator = ",";
      }
    }
  }

  @Override
  public void appendSave(StringBuilder out) {
    if (sourceTypes != 0) {
      out.append(sourceInverted ? " !" : "").append(" --src-type ");
      appendTypes(out, sourceTypes);
    }
    if (destinationTypes != 0) {
      out.append(destinationInverted ? " !" : "").append(" --dst-type ");
      appendTypes(out, destinationTypes);
    }
    if (limitIn) {
      out.append(" --limit-iface-in");
    }
    if (limitOut) {
      out.append(" --limit-iface-out");
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" ADDRTYPE match");
    if (sourceTypes != 0) {
      out.append(" src-type ").append(sourceInverted ? "!" : "");
      appendTypes(out, sourceTypes);
    }
    if (destinationTypes != 0) {
      out.append(" dst-type ").append(destinationInverted ? "!" : "");
      appendTypes(out, destinationTypes);
    }
    if (limitIn) {
      out.append(" limit-in");
    }
    if (limitOut) {
      out.append(" limit-out");
    }
  }

  private String limitInterface(PacketContext packet) {
    return limitIn ? packet.inInterface : limitOut ? packet.outInterface : null;
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    AddressTypes types = packet.addressTypes;
    if (types == null) {
      return MatchResult.UNDETERMINED;
    }
    String limit = limitInterface(packet);
    if (sourceTypes != 0 && ((sourceTypes & (1 << types.typeOf(packet.src, limit))) != 0) == sourceInverted) {
      return MatchResult.NO_MATCH;
    }
    if (destinationTypes != 0
        && ((destinationTypes & (1 << types.typeOf(packet.dst, limit))) != 0) == destinationInverted) {
      return MatchResult.NO_MATCH;
    }
    return MatchResult.MATCH;
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    if (packet.addressTypes == null) {
      return "address types are unknown here";
    }
    String limit = limitInterface(packet);
    int sourceType = packet.addressTypes.typeOf(packet.src, limit);
    StringBuilder text = new StringBuilder();
    if (sourceTypes != 0 && ((sourceTypes & (1 << sourceType)) != 0) == sourceInverted) {
      text.append("source ").append(Ipv4.format(packet.src)).append(" is ").append(TYPE_NAMES[sourceType])
          .append(", rule wants ").append(sourceInverted ? "!" : "");
      appendTypes(text, sourceTypes);
    } else {
      int type = packet.addressTypes.typeOf(packet.dst, limit);
      text.append("destination ").append(Ipv4.format(packet.dst)).append(" is ").append(TYPE_NAMES[type])
          .append(", rule wants ").append(destinationInverted ? "!" : "");
      appendTypes(text, destinationTypes);
    }
    return text.toString();
  }

  @Override
  public KernelError check(Placement placement) {
    int hooks = placement.hookMask();
    if (limitIn && (hooks & Placement.mask(Hook.OUTPUT, Hook.POSTROUTING)) != 0) {
      return KernelError.EINVAL;
    }
    if (limitOut && (hooks & Placement.mask(Hook.PREROUTING, Hook.INPUT)) != 0) {
      return KernelError.EINVAL;
    }
    return null;
  }

  /** The {@code addrtype} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("addrtype", List.of(
          OptionSpec.withArg("src-type").invert(),
          OptionSpec.withArg("dst-type").invert(),
          OptionSpec.flag("limit-iface-in").excluding("limit-iface-out"),
          OptionSpec.flag("limit-iface-out").excluding("limit-iface-in")));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        int sourceTypes;
        boolean sourceInverted;
        int destinationTypes;
        boolean destinationInverted;
        boolean limitIn;
        boolean limitOut;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "src-type" -> {
              sourceTypes = parseTypes(arg);
              sourceInverted = inverted;
            }
            case "dst-type" -> {
              destinationTypes = parseTypes(arg);
              destinationInverted = inverted;
            }
            case "limit-iface-in" -> limitIn = true;
            default -> limitOut = true;
          }
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (sourceTypes == 0 && destinationTypes == 0) {
            throw IptablesException.parameter("addrtype: you must specify --src-type or --dst-type");
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new AddrtypeMatch(sourceTypes, sourceInverted, destinationTypes, destinationInverted, limitIn,
              limitOut);
        }
      };
    }
  }

  /** A comma-separated list of types, each a case-insensitive prefix of a type name (first match wins). */
  static int parseTypes(String text) {
    int mask = 0;
    String rest = text;
    while (true) {
      int comma = rest.indexOf(',');
      String item = comma < 0 ? rest : rest.substring(0, comma);
      int bit = typeBit(item);
      if (bit < 0) {
        throw IptablesException.parameter(comma < 0 ? "addrtype: bad type \"" + rest + "\""
            : "addrtype: bad type `" + rest + "'");
      }
      mask |= bit;
      if (comma < 0) {
        return mask;
      }
      rest = rest.substring(comma + 1);
    }
  }

  private static int typeBit(String item) {
    if (item.isEmpty()) {
      return -1;
    }
    String upper = item.toUpperCase(Locale.ROOT);
    for (int i = 0; i < TYPE_NAMES.length; i++) {
      if (TYPE_NAMES[i].startsWith(upper)) {
        return 1 << i;
      }
    }
    return -1;
  }
}
