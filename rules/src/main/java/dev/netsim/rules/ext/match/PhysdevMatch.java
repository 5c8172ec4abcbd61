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
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.IpHeader;
import java.util.List;

/**
 * {@code -m physdev}: the bridge ports a bridged packet came in on and goes out of
 * ({@code --physdev-in}, {@code --physdev-out}, {@code +} wildcards) and whether it has them
 * ({@code --physdev-is-in}, {@code --physdev-is-out}, {@code --physdev-is-bridged}); each negatable. The
 * semantics are the kernel's, including how packets that never crossed a bridge are treated.
 */
public record PhysdevMatch(String in, boolean inInverted, String out, boolean outInverted, Boolean isIn,
    Boolean isOut, Boolean isBridged) implements Match {

  @Override
  public String name() {
    return "physdev";
  }

  private void dump(StringBuilder text) {
    if (isIn != null) {
      text.append(isIn ? "" : " !").append(" --physdev-is-in");
    }
    if (in != null) {
      text.append(inInverted ? " !" : "").append(" --physdev-in ").append(in);
    }
    if (isOut != null) {
      text.append(isOut ? "" : " !").append(" --physdev-is-out");
    }
    if (out != null) {
      text.append(outInverted ? " !" : "").append(" --physdev-out ").append(out);
    }
    if (isBridged != null) {
      text.append(isBridged ? "" : " !").append(" --physdev-is-bridged");
    }
  }

  @Override
  public void appendSave(StringBuilder text) {
    dump(text);
  }

  @Override
  public void appendList(StringBuilder text, boolean numeric) {
    text.append(" PHYSDEV match");
    dump(text);
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.of(firstFailure(packet) == null);
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    String failure = firstFailure(packet);
    return failure != null ? failure : "matches";
  }

  /** physdev_mt of the kernel, with the reason of the first failing test. */
  private String firstFailure(PacketContext packet) {
    if (!packet.bridged) {
      if (Boolean.TRUE.equals(isBridged) || Boolean.TRUE.equals(isIn) || Boolean.TRUE.equals(isOut)
          || (in != null && !inInverted) || (out != null && !outInverted)) {
        return "packet was not bridged";
      }
      return null;
    }
    String physOut = packet.physOutInterface;
    String physIn = packet.physInInterface;
    if (isBridged != null && (physOut != null) != isBridged) {
      return physOut != null ? "packet is bridged, rule wants ! --physdev-is-bridged" : "packet is not bridged";
    }
    if (isIn != null && (physIn != null) != isIn) {
      return physIn != null ? "packet has a bridge input port" : "packet has no bridge input port";
    }
    if (isOut != null && (physOut != null) != isOut) {
      return physOut != null ? "packet has a bridge output port" : "packet has no bridge output port";
    }
    if (in != null && physIn != null && IpHeader.interfaceMatches(in, physIn) == inInverted) {
      return "bridge input port is " + physIn + ", rule wants " + (inInverted ? "! " : "") + in;
    }
    if (out != null) {
      if (physOut == null) {
        return "packet has no bridge output port";
      }
      if (IpHeader.interfaceMatches(out, physOut) == outInverted) {
        return "bridge output port is " + physOut + ", rule wants " + (outInverted ? "! " : "") + out;
      }
    }
    return null;
  }

  @Override
  public KernelError check(Placement placement) {
    boolean usesOut = out != null || isOut != null;
    boolean bridgedOnly = Boolean.TRUE.equals(isBridged);
    if (usesOut && !bridgedOnly && placement.reachableFrom(Hook.OUTPUT)) {
      return KernelError.EINVAL;
    }
    return null;
  }

  /** The {@code physdev} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("physdev", List.of(
          OptionSpec.withArg("physdev-in").invert(),
          OptionSpec.withArg("physdev-out").invert(),
          OptionSpec.flag("physdev-is-in").invert(),
          OptionSpec.flag("physdev-is-out").invert(),
          OptionSpec.flag("physdev-is-bridged").invert()));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        String in;
        boolean inInverted;
        String out;
        boolean outInverted;
        Boolean isIn;
        Boolean isOut;
        Boolean isBridged;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "physdev-in" -> {
              in = interfaceName(arg);
              inInverted = inverted;
            }
            case "physdev-out" -> {
              out = interfaceName(arg);
              outInverted = inverted;
            }
            case "physdev-is-in" -> isIn = !inverted;
            case "physdev-is-out" -> isOut = !inverted;
            default -> isBridged = !inverted;
          }
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (in == null && out == null && isIn == null && isOut == null && isBridged == null) {
            throw IptablesException.parameter("PHYSDEV: no physdev option specified");
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new PhysdevMatch(in, inInverted, out, outInverted, isIn, isOut, isBridged);
        }
      };
    }
  }

  /** {@code xtables_parse_interface}. */
  static String interfaceName(String name) {
    if (name.length() + 1 > 16) {
      throw IptablesException.parameter("interface name `" + name + "' must be shorter than IFNAMSIZ (15)");
    }
    return name;
  }
}
