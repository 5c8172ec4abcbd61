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
import dev.netsim.rules.model.IpHeader;
import java.util.List;

/** {@code -m udp}: source and destination port ranges, each negatable. Loaded implicitly by {@code -p udp}. */
public record UdpMatch(int sportLow, int sportHigh, boolean sportInverted, int dportLow, int dportHigh,
    boolean dportInverted) implements Match {

  @Override
  public String name() {
    return "udp";
  }

  private boolean nativePorts() {
    return PortRanges.constrains(sportLow, sportHigh, sportInverted)
        || PortRanges.constrains(dportLow, dportHigh, dportInverted);
  }

  private static boolean printable(int low, int high, boolean inverted) {
    return PortRanges.constrains(low, high, inverted) && !(low == 0 && high == 65535);
  }

  @Override
  public boolean visible() {
    return !nativePorts() || printable(sportLow, sportHigh, sportInverted)
        || printable(dportLow, dportHigh, dportInverted);
  }

  @Override
  public void appendSave(StringBuilder out) {
    if (!(sportLow == 0 && sportHigh == 65535)) {
      PortRanges.save(out, "sport", sportLow, sportHigh, sportInverted);
    }
    if (!(dportLow == 0 && dportHigh == 65535)) {
      PortRanges.save(out, "dport", dportLow, dportHigh, dportInverted);
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" udp");
    if (!(sportLow == 0 && sportHigh == 65535)) {
      PortRanges.list(out, "spt", sportLow, sportHigh, sportInverted, numeric, "udp");
    }
    if (!(dportLow == 0 && dportHigh == 65535)) {
      PortRanges.list(out, "dpt", dportLow, dportHigh, dportInverted, numeric, "udp");
    }
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    if (packet.protocol != 17 || packet.laterFragment || packet.srcPort < 0) {
      return MatchResult.NO_MATCH;
    }
    return MatchResult.of(PortRanges.contains(sportLow, sportHigh, packet.srcPort) != sportInverted
        && PortRanges.contains(dportLow, dportHigh, packet.dstPort) != dportInverted);
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    if (packet.protocol != 17 || packet.laterFragment || packet.srcPort < 0) {
      return "packet is not UDP";
    }
    if (PortRanges.contains(sportLow, sportHigh, packet.srcPort) == sportInverted) {
      return "source port is " + packet.srcPort + ", rule wants " + (sportInverted ? "! " : "")
          + (sportLow == sportHigh ? sportLow : sportLow + ":" + sportHigh);
    }
    return "destination port is " + packet.dstPort + ", rule wants " + (dportInverted ? "! " : "")
        + (dportLow == dportHigh ? dportLow : dportLow + ":" + dportHigh);
  }

  @Override
  public void validate(IpHeader header) {
    if (nativePorts() && header.protocol() != 17) {
      throw IptablesException.parameter("UDP match requires '-p udp'");
    }
  }

  @Override
  public KernelError check(Placement placement) {
    return nativePorts() || placement.header().requiresProtocol(17) ? null : KernelError.EINVAL;
  }

  /** The {@code udp} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("udp", List.of(
          OptionSpec.withArg("source-port").alias("sport").invert(),
          OptionSpec.withArg("destination-port").alias("dport").invert()));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        int[] sport = {0, 65535};
        int[] dport = {0, 65535};
        boolean sportInverted;
        boolean dportInverted;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          int[] range = Xt.portRange("udp", spec.name(), arg);
          if (spec.name().equals("source-port")) {
            sport = range;
            sportInverted = inverted;
          } else {
            dport = range;
            dportInverted = inverted;
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new UdpMatch(sport[0], sport[1], sportInverted, dport[0], dport[1], dportInverted);
        }
      };
    }
  }
}
