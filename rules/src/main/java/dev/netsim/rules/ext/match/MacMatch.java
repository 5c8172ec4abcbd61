package dev.netsim.rules.ext.match;

import dev.netsim.core.value.Mac;
import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Placement;
import dev.netsim.rules.model.Hook;
import java.util.List;
import java.util.Locale;

/** {@code -m mac --mac-source MAC}: the frame's source MAC; only where packets have one (not OUTPUT). */
public record MacMatch(long source, boolean inverted) implements Match {
  @Override
  public String name() {
    return "mac";
  }

  private void appendMac(StringBuilder out) {
    for (int i = 0; i < 6; i++) {
      out.append(i == 0 ? ' ' : ':')
          .append(String.format(Locale.ROOT, "%02x", (int) (source >>> (40 - 8 * i)) & 0xff));
    }
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(inverted ? " !" : "").append(" --mac-source");
    appendMac(out);
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" MAC").append(inverted ? " !" : "");
    appendMac(out);
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    if (packet.srcMac < 0) {
      return MatchResult.NO_MATCH;
    }
    return MatchResult.of(packet.srcMac == source, inverted);
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    if (packet.srcMac < 0) {
      return "packet has no source MAC here";
    }
    return "source MAC is " + new Mac(packet.srcMac) + ", rule wants " + (inverted ? "! " : "") + new Mac(source);
  }

  @Override
  public int allowedHooks() {
    return Placement.mask(Hook.PREROUTING, Hook.INPUT, Hook.FORWARD);
  }

  /** The {@code mac} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("mac", List.of(OptionSpec.withArg("mac-source").invert().required()));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        MacMatch parsed;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          parsed = new MacMatch(parseMac(arg), inverted);
        }

        @Override
        public Match build(ParseContext ctx) {
          return parsed;
        }
      };
    }
  }

  /** x6 {@code XTTYPE_ETHERMAC}: six hex bytes of at most two digits separated by colons. */
  static long parseMac(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 6) {
      throw IptablesException.parameter("Invalid MAC address specified.");
    }
    long bits = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 2 || !part.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
        throw IptablesException.parameter("Invalid MAC address specified.");
      }
      bits = bits << 8 | Integer.parseInt(part, 16);
    }
    return bits;
  }
}
