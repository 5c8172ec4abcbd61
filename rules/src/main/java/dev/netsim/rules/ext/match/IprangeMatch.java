package dev.netsim.rules.ext.match;

import dev.netsim.core.value.Ipv4;
import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Xt;
import java.util.List;

/** {@code -m iprange --src-range A-B --dst-range C-D}: inclusive address ranges, each negatable. */
public record IprangeMatch(boolean hasSource, int sourceLow, int sourceHigh, boolean sourceInverted,
    boolean hasDestination, int destinationLow, int destinationHigh, boolean destinationInverted)
    implements Match {

  @Override
  public String name() {
    return "iprange";
  }

  @Override
  public void appendSave(StringBuilder out) {
    if (hasSource) {
      out.append(sourceInverted ? " !" : "").append(" --src-range ").append(Ipv4.format(sourceLow)).append('-')
          .append(Ipv4.format(sourceHigh));
    }
    if (hasDestination) {
      out.append(destinationInverted ? " !" : "").append(" --dst-range ").append(Ipv4.format(destinationLow))
          .append('-').append(Ipv4.format(destinationHigh));
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    if (hasSource) {
      out.append(" source IP range").append(sourceInverted ? " !" : "").append(' ').append(Ipv4.format(sourceLow))
          .append('-').append(Ipv4.format(sourceHigh));
    }
    if (hasDestination) {
      out.append(" destination IP range").append(destinationInverted ? " !" : "").append(' ')
          .append(Ipv4.format(destinationLow)).append('-').append(Ipv4.format(destinationHigh));
    }
  }

  private static boolean within(int address, int low, int high) {
    return Integer.compareUnsigned(address, low) >= 0 && Integer.compareUnsigned(address, high) <= 0;
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    if (hasSource && within(packet.src, sourceLow, sourceHigh) == sourceInverted) {
      return MatchResult.NO_MATCH;
    }
    if (hasDestination && within(packet.dst, destinationLow, destinationHigh) == destinationInverted) {
      return MatchResult.NO_MATCH;
    }
    return MatchResult.MATCH;
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    if (hasSource && within(packet.src, sourceLow, sourceHigh) == sourceInverted) {
      return "source is " + Ipv4.format(packet.src) + ", rule wants " + (sourceInverted ? "! " : "")
          + Ipv4.format(sourceLow) + "-" + Ipv4.format(sourceHigh);
    }
    return "destination is " + Ipv4.format(packet.dst) + ", rule wants " + (destinationInverted ? "! " : "")
        + Ipv4.format(destinationLow) + "-" + Ipv4.format(destinationHigh);
  }

  /** The {@code iprange} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("iprange", List.of(
          OptionSpec.withArg("src-range").invert(),
          OptionSpec.withArg("dst-range").invert()));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        int[] source;
        int[] destination;
        boolean sourceInverted;
        boolean destinationInverted;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          int[] range = parseRange(arg, "--" + spec.name(), ctx);
          if (spec.name().equals("src-range")) {
            source = range;
            sourceInverted = inverted;
          } else {
            destination = range;
            destinationInverted = inverted;
          }
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (source == null && destination == null) {
            throw IptablesException.parameter("iprange match: You must specify `--src-range' or `--dst-range'");
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new IprangeMatch(source != null, source != null ? source[0] : 0, source != null ? source[1] : 0,
              sourceInverted, destination != null, destination != null ? destination[0] : 0,
              destination != null ? destination[1] : 0, destinationInverted);
        }
      };
    }
  }

  static int[] parseRange(String arg, String option, ParseContext context) {
    int dash = arg.indexOf('-');
    String from = dash < 0 ? arg : arg.substring(0, dash);
    String to = dash < 0 ? arg : arg.substring(dash + 1);
    int[] range = {address(from, option), address(to, option)};
    if (Integer.compareUnsigned(range[0], range[1]) > 0) {
      context.warn("xt_iprange: range " + from + "-" + to + " is reversed and will never match");
    }
    return range;
  }

  private static int address(String text, String option) {
    Integer address = Xt.numericAddress(text, false);
    if (address == null) {
      throw Xt.badOptionValue("iprange", option, text);
    }
    return address;
  }
}
