package dev.netsim.rules.ext.match;

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
import dev.netsim.rules.ext.Xt;
import java.util.List;
import java.util.Locale;

/**
 * {@code -m dccp [!] --sport R [!] --dport R [!] --dccp-types T,... [!] --dccp-option N}: DCCP ports (modelled)
 * and packet types and options (not carried by netsim packets: undetermined when asked for). Needs {@code -p
 * dccp}.
 *
 * @param types bit N for DCCP packet type N, -1 when not tested
 * @param option -1 when not tested
 */
public record DccpMatch(int sportLow, int sportHigh, boolean sportInverted, boolean sportGiven, int dportLow,
    int dportHigh, boolean dportInverted, boolean dportGiven, int types, boolean typesInverted, int option,
    boolean optionInverted) implements Match {
  private static final String[] TYPES = {"REQUEST", "RESPONSE", "DATA", "ACK", "DATAACK", "CLOSEREQ", "CLOSE",
      "RESET", "SYNC", "SYNCACK", "INVALID"};
  /** INVALID stands for the packet types 10 to 15, which DCCP does not define. */
  private static final int INVALID = 10;
  private static final int INVALID_BITS = 0xfc00;

  @Override
  public String name() {
    return "dccp";
  }

  private static void appendTypes(StringBuilder out, int types, boolean numeric) {
    out.append(' ');
    String separator = "";
    int left = types;
    for (int i = 0; i < 16; i++) {
      if ((left & (1 << i)) != 0) {
        out.append(separator).append(numeric ? Integer.toString(i) : TYPES[Math.min(i, INVALID)]);
        separator = ",";
        if (!numeric && i >= INVALID) {
          left &= ~INVALID_BITS;
        }
      }
    }
  }

  private static void savePorts(StringBuilder out, String option, int low, int high, boolean inverted) {
    out.append(inverted ? " !" : "").append(" --").append(option).append(' ').append(low);
    if (low != high) {
      out.append(':').append(high);
    }
  }

  @Override
  public void appendSave(StringBuilder out) {
    if (sportGiven) {
      savePorts(out, "sport", sportLow, sportHigh, sportInverted);
    }
    if (dportGiven) {
      savePorts(out, "dport", dportLow, dportHigh, dportInverted);
    }
    if (types >= 0) {
      out.append(typesInverted ? " !" : "").append(" --dccp-types");
      appendTypes(out, types, false);
    }
    if (option >= 0) {
      out.append(optionInverted ? " !" : "").append(" --dccp-option ").append(option);
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" dccp");
    if (sportGiven) {
      PortRanges.list(out, "spt", sportLow, sportHigh, sportInverted, numeric, "dccp");
    }
    if (dportGiven) {
      PortRanges.list(out, "dpt", dportLow, dportHigh, dportInverted, numeric, "dccp");
    }
    if (types >= 0) {
      out.append(typesInverted ? " !" : "");
      appendTypes(out, types, numeric);
    }
    if (option > 0 || option >= 0 && optionInverted) {
      out.append(" option=").append(optionInverted ? "!" : "").append(option);
    }
  }

  @Override
  public String notModelled() {
    return types >= 0 || option >= 0 ? "netsim does not model DCCP packet types and options" : null;
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    if (packet.protocol != 33 || packet.laterFragment || packet.srcPort < 0) {
      return MatchResult.NO_MATCH;
    }
    if (sportGiven && PortRanges.contains(sportLow, sportHigh, packet.srcPort) == sportInverted
        || dportGiven && PortRanges.contains(dportLow, dportHigh, packet.dstPort) == dportInverted) {
      return MatchResult.NO_MATCH;
    }
    return types >= 0 || option >= 0 ? MatchResult.UNDETERMINED : MatchResult.MATCH;
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    if (packet.protocol != 33 || packet.laterFragment || packet.srcPort < 0) {
      return "packet is not a DCCP packet with ports";
    }
    if (sportGiven && PortRanges.contains(sportLow, sportHigh, packet.srcPort) == sportInverted) {
      return "source port is " + packet.srcPort + ", rule wants " + (sportInverted ? "! " : "") + sportLow
          + (sportLow == sportHigh ? "" : ":" + sportHigh);
    }
    return "destination port is " + packet.dstPort + ", rule wants " + (dportInverted ? "! " : "") + dportLow
        + (dportLow == dportHigh ? "" : ":" + dportHigh);
  }

  @Override
  public KernelError check(Placement placement) {
    return placement.header().requiresProtocol(33) ? null : KernelError.EINVAL;
  }

  /** The {@code dccp} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("dccp", List.of(
          OptionSpec.withArg("source-port").alias("sport").invert(),
          OptionSpec.withArg("destination-port").alias("dport").invert(),
          OptionSpec.withArg("dccp-types").invert(),
          OptionSpec.withArg("dccp-option").invert()));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        int[] sport = {0, 0};
        int[] dport = {0, 0};
        boolean sportInverted;
        boolean dportInverted;
        boolean sportGiven;
        boolean dportGiven;
        int types = -1;
        boolean typesInverted;
        int option = -1;
        boolean optionInverted;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "source-port" -> {
              sport = Xt.portRange("dccp", spec.name(), arg);
              sportInverted = inverted;
              sportGiven = true;
            }
            case "destination-port" -> {
              dport = Xt.portRange("dccp", spec.name(), arg);
              dportInverted = inverted;
              dportGiven = true;
            }
            case "dccp-types" -> {
              types = 0;
              for (String type : arg.split(",")) {
                if (type.isEmpty()) {
                  continue;
                }
                int index = List.of(TYPES).indexOf(type.toUpperCase(Locale.ROOT));
                if (index < 0) {
                  throw IptablesException.parameter("Unknown DCCP type `" + type + "'");
                }
                types |= index == INVALID ? INVALID_BITS : 1 << index;
              }
              typesInverted = inverted;
            }
            default -> {
              option = (int) Xt.uint("dccp", "dccp-option", arg, 1, 255);
              optionInverted = inverted;
            }
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new DccpMatch(sport[0], sport[1], sportInverted, sportGiven, dport[0], dport[1], dportInverted,
              dportGiven, types, typesInverted, option, optionInverted);
        }
      };
    }
  }
}
