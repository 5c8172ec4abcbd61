package dev.netsim.rules.ext.match;

import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import java.util.List;
import java.util.Locale;

/**
 * {@code -m pkttype --pkt-type unicast|broadcast|multicast|...}: the link-layer packet type
 * ({@link PacketContext#pktType}; undetermined when the engine leaves it unknown). As in the kernel, a looped
 * back packet counts as multicast when its destination is, else as broadcast.
 */
public record PkttypeMatch(String type, boolean inverted) implements Match {
  private static final List<String> TYPES =
      List.of("unicast", "broadcast", "multicast", "otherhost", "outgoing", "loopback", "fastroute");

  @Override
  public String name() {
    return "pkttype";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(inverted ? " !" : "").append(" --pkt-type ").append(type);
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" PKTTYPE ").append(inverted ? "!" : "").append("= ").append(type);
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    int actual = actualType(packet);
    return actual < 0 ? MatchResult.UNDETERMINED : MatchResult.of(actual == TYPES.indexOf(type), inverted);
  }

  private static int actualType(PacketContext packet) {
    if (packet.pktType != PacketContext.PACKET_LOOPBACK) {
      return packet.pktType;
    }
    return (packet.dst >>> 28) == 0xe ? PacketContext.PACKET_MULTICAST : PacketContext.PACKET_BROADCAST;
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    return "packet type is " + TYPES.get(actualType(packet)) + ", rule wants " + (inverted ? "! " : "") + type;
  }

  /** The {@code pkttype} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("pkttype", List.of(OptionSpec.withArg("pkt-type").invert().required()));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        PkttypeMatch parsed;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          String type = arg.toLowerCase(Locale.ROOT);
          if (!TYPES.contains(type)) {
            throw IptablesException.parameter("Bad packet type '" + arg + "'");
          }
          parsed = new PkttypeMatch(type, inverted);
        }

        @Override
        public Match build(ParseContext ctx) {
          return parsed;
        }
      };
    }
  }
}
