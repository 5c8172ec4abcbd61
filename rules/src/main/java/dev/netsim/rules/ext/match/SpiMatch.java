package dev.netsim.rules.ext.match;

import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.KernelError;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Placement;
import dev.netsim.rules.ext.Xt;
import java.util.List;

/**
 * The IPsec SPI matches {@code -m ah --ahspi}, {@code -m esp --espspi} and {@code -m ipcomp --ipcompspi}: a
 * range of security parameter indexes. netsim does not model IPsec headers: undetermined.
 */
public record SpiMatch(Kind kind, long low, long high, boolean inverted) implements Match {
  /** Which IPsec protocol. */
  public enum Kind {
    AH("ah", "ahspi", " ah ", 51),
    ESP("esp", "espspi", " esp ", 50),
    IPCOMP("ipcomp", "ipcompspi", " comp ", 108);

    final String module;
    final String option;
    final String label;
    final int protocol;

    Kind(String module, String option, String label, int protocol) {
      this.module = module;
      this.option = option;
      this.label = label;
      this.protocol = protocol;
    }
  }

  @Override
  public String name() {
    return kind.module;
  }

  private boolean full() {
    return low == 0 && high == 0xffffffffL;
  }

  @Override
  public void appendSave(StringBuilder out) {
    if (!full()) {
      out.append(inverted ? " !" : "").append(" --").append(kind.option).append(' ').append(low);
      if (low != high) {
        out.append(':').append(high);
      }
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(kind == Kind.ESP ? " esp" : kind.label);
    if (!full() || inverted) {
      out.append(kind == Kind.ESP ? " " : "").append(low == high ? "spi:" : "spis:").append(inverted ? "!" : "")
          .append(low);
      if (low != high) {
        out.append(':').append(high);
      }
    }
  }

  @Override
  public String notModelled() {
    return "netsim does not model IPsec headers";
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.UNDETERMINED;
  }

  @Override
  public KernelError check(Placement placement) {
    return placement.header().requiresProtocol(kind.protocol) ? null : KernelError.EINVAL;
  }

  /** The {@code ah}, {@code esp} and {@code ipcomp} modules. */
  public static final class Module extends MatchModule {
    private final Kind kind;

    public Module(Kind kind) {
      super(kind.module, List.of(OptionSpec.withArg(kind.option).invert()));
      this.kind = kind;
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        long low;
        long high = 0xffffffffL;
        boolean inverted;

        @Override
        public void option(OptionSpec spec, String arg, boolean invert, ParseContext ctx) {
          long[] range = Xt.uintRange(kind.module, kind.option, arg, 0, 0xffffffffL, 2);
          low = range[0];
          high = range.length > 1 ? range[1] : range[0];
          inverted = invert;
        }

        @Override
        public Match build(ParseContext ctx) {
          return new SpiMatch(kind, low, high, inverted);
        }
      };
    }
  }
}
