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

/**
 * The matches that test one value against an inclusive range {@code MIN[:MAX]}: {@code -m length --length}
 * (IP total length, modelled) and {@code -m tcpmss --mss} (TCP MSS option, not modelled: undetermined).
 */
public record RangeMatch(Kind kind, long low, long high, boolean inverted) implements Match {
  /** Which match. */
  public enum Kind {
    LENGTH("length", "length", " length "),
    TCPMSS("tcpmss", "mss", " tcpmss match ");

    final String module;
    final String option;
    final String label;

    Kind(String module, String option, String label) {
      this.module = module;
      this.option = option;
      this.label = label;
    }
  }

  @Override
  public String name() {
    return kind.module;
  }

  private String range() {
    return low == high ? Long.toString(low) : low + ":" + high;
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(inverted ? " !" : "").append(" --").append(kind.option).append(' ').append(range());
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(kind.label).append(inverted ? "!" : "").append(range());
  }

  @Override
  public String notModelled() {
    return kind == Kind.TCPMSS ? "netsim does not model the TCP MSS option" : null;
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    if (kind == Kind.TCPMSS) {
      return MatchResult.UNDETERMINED;
    }
    return MatchResult.of(packet.length >= low && packet.length <= high, inverted);
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    return "packet length is " + packet.length + ", rule wants " + (inverted ? "! " : "") + range();
  }

  @Override
  public KernelError check(Placement placement) {
    return kind == Kind.TCPMSS && !placement.header().requiresProtocol(6) ? KernelError.EINVAL : null;
  }

  /** The {@code length} and {@code tcpmss} modules. */
  public static final class Module extends MatchModule {
    private final Kind kind;

    public Module(Kind kind) {
      super(kind.module, List.of(OptionSpec.withArg(kind.option).invert().required()));
      this.kind = kind;
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        RangeMatch parsed;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          long[] range = Xt.uintRange(kind.module, kind.option, arg, 0, 65535, 2);
          long high = range.length > 1 ? range[1] : range[0];
          if (kind == Kind.TCPMSS && range[0] > high) {
            throw IptablesException.parameter("tcpmss: invalid range given");
          }
          parsed = new RangeMatch(kind, range[0], high, inverted);
        }

        @Override
        public Match build(ParseContext ctx) {
          return parsed;
        }
      };
    }
  }
}
