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
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -m multiport --sports|--dports|--ports LIST}: up to 15 ports, where a range {@code a:b} takes two,
 * for TCP, UDP, UDP-Lite, SCTP and DCCP; negatable as a whole.
 */
public record MultiportMatch(Direction direction, List<Integer> ports, List<Boolean> rangeStarts, boolean inverted,
    String protocol) implements Match {
  /** Which port the list is compared with. */
  public enum Direction {
    SOURCE("sports"),
    DESTINATION("dports"),
    EITHER("ports");

    final String word;

    Direction(String word) {
      this.word = word;
    }
  }


  public MultiportMatch {
    ports = List.copyOf(ports);
    rangeStarts = List.copyOf(rangeStarts);
  }

  @Override
  public String name() {
    return "multiport";
  }

  @Override
  public void appendSave(StringBuilder out) {
    if (inverted) {
      out.append(" !");
    }
    out.append(" --").append(direction.word).append(' ');
    appendPorts(out, true);
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" multiport ").append(direction.word).append(' ');
    if (inverted) {
      out.append(" !");
    }
    appendPorts(out, numeric);
  }

  private void appendPorts(StringBuilder out, boolean numeric) {
    for (int i = 0; i < ports.size(); i++) {
      out.append(i > 0 ? "," : "");
      PortRanges.port(out, ports.get(i), numeric, protocol);
      if (rangeStarts.get(i)) {
        out.append(':');
        PortRanges.port(out, ports.get(++i), numeric, protocol);
      }
    }
  }

  private boolean listed(int port) {
    for (int i = 0; i < ports.size(); i++) {
      if (rangeStarts.get(i)) {
        if (port >= ports.get(i) && port <= ports.get(i + 1)) {
          return true;
        }
        i++;
      } else if (port == ports.get(i)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    if (packet.laterFragment || packet.srcPort < 0) {
      return MatchResult.NO_MATCH;
    }
    boolean found = switch (direction) {
      case SOURCE -> listed(packet.srcPort);
      case DESTINATION -> listed(packet.dstPort);
      case EITHER -> listed(packet.srcPort) || listed(packet.dstPort);
    };
    return MatchResult.of(found, inverted);
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    if (packet.laterFragment || packet.srcPort < 0) {
      return "packet has no ports";
    }
    StringBuilder text = new StringBuilder(switch (direction) {
      case SOURCE -> "source port is " + packet.srcPort;
      case DESTINATION -> "destination port is " + packet.dstPort;
      case EITHER -> "ports are " + packet.srcPort + " and " + packet.dstPort;
    });
    text.append(", rule wants ").append(inverted ? "none of " : "one of ");
    appendPorts(text, true);
    return text.toString();
  }

  @Override
  public KernelError check(Placement placement) {
    int protocol = placement.header().protocol();
    boolean supported = protocol == 6 || protocol == 17 || protocol == 136 || protocol == 132 || protocol == 33;
    return supported && !placement.header().protocolInverted() ? null : KernelError.EINVAL;
  }

  /** The {@code multiport} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("multiport", List.of(
          OptionSpec.withArg("source-ports").alias("sports"),
          OptionSpec.withArg("destination-ports").alias("dports"),
          OptionSpec.withArg("ports")));
    }

    @Override
    public boolean genericChecks() {
      return false;
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        MultiportMatch parsed;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          String value = arg;
          boolean invert = inverted;
          if (value.equals("!")) {
            ctx.warn("Using intrapositioned negation (`--option ! this`) is deprecated in favor of "
                + "extrapositioned (`! --option this`).");
            invert = true;
            value = ctx.words().next();
          }
          String protocol = protocolName(ctx);
          List<Integer> ports = new ArrayList<>();
          List<Boolean> rangeStarts = new ArrayList<>();
          parsePorts(value, protocol, ports, rangeStarts);
          Direction direction = switch (spec.name()) {
            case "source-ports" -> Direction.SOURCE;
            case "destination-ports" -> Direction.DESTINATION;
            default -> Direction.EITHER;
          };
          if (parsed != null) {
            throw IptablesException.parameter("multiport can only have one option");
          }
          parsed = new MultiportMatch(direction, ports, rangeStarts, invert, protocol);
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (parsed == null) {
            throw IptablesException.parameter("multiport expection an option");
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return parsed;
        }
      };
    }
  }

  private static String protocolName(ParseContext context) {
    if (context.protocolInverted()) {
      throw IptablesException.parameter("multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP");
    }
    String name = switch (context.protocol()) {
      case 6 -> "tcp";
      case 17 -> "udp";
      case 136 -> "udplite";
      case 132 -> "sctp";
      case 33 -> "dccp";
      default -> null;
    };
    if (name != null) {
      return name;
    }
    if (context.protocol() == 0) {
      throw IptablesException.parameter("multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'");
    }
    throw IptablesException.parameter("multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP");
  }

  /** {@code parse_multi_ports_v1}: at most 15 ports, a range counting two. */
  private static void parsePorts(String text, String protocol, List<Integer> ports, List<Boolean> rangeStarts) {
    String rest = text;
    while (rest != null && ports.size() < 15) {
      int comma = rest.indexOf(',');
      String item = comma < 0 ? rest : rest.substring(0, comma);
      rest = comma < 0 ? null : rest.substring(comma + 1);
      int colon = item.indexOf(':');
      if (colon >= 0 && ports.size() == 14) {
        throw IptablesException.parameter("too many ports specified");
      }
      ports.add(Xt.port(colon < 0 ? item : item.substring(0, colon), protocol));
      rangeStarts.add(colon >= 0);
      if (colon >= 0) {
        int high = Xt.port(item.substring(colon + 1), protocol);
        if (ports.get(ports.size() - 1) >= high) {
          throw IptablesException.parameter("invalid portrange specified");
        }
        ports.add(high);
        rangeStarts.add(false);
      }
    }
    if (rest != null) {
      throw IptablesException.parameter("too many ports specified");
    }
  }

}
