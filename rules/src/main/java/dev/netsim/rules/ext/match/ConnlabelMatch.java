package dev.netsim.rules.ext.match;

import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.CNumbers;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.KernelError;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Placement;
import java.util.List;

/**
 * {@code -m connlabel [!] --label N [--set]}: a conntrack label bit. Labels by name need
 * {@code /etc/xtables/connlabel.conf}, which netsim (like the test machine) does not have, so only numbers are
 * accepted. netsim's conntrack keeps no labels: undetermined.
 */
public record ConnlabelMatch(long bit, boolean inverted, boolean set) implements Match {
  /** The number of label bits the kernel has. */
  public static final int LABEL_BITS = 128;
  private static final String NO_LABEL_FILE =
      "Warning: cannot open /etc/xtables/connlabel.conf: No such file or directory";

  @Override
  public String name() {
    return "connlabel";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(inverted ? " !" : "").append(" --label \"").append(bit).append('"').append(set ? " --set" : "");
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" connlabel").append(inverted ? " !" : "").append(' ').append(bit).append(set ? " set" : "");
  }

  @Override
  public List<String> printWarnings() {
    return List.of(NO_LABEL_FILE);
  }

  @Override
  public String notModelled() {
    return "netsim does not model connection labels";
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.UNDETERMINED;
  }

  @Override
  public boolean needsConntrack() {
    return true;
  }

  @Override
  public KernelError check(Placement placement) {
    return bit >= LABEL_BITS ? KernelError.ERANGE : null;
  }

  /** The {@code connlabel} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("connlabel", List.of(OptionSpec.withArg("label").invert().required(), OptionSpec.flag("set")));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        long bit;
        boolean inverted;
        boolean set;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          if (spec.name().equals("set")) {
            set = true;
            return;
          }
          CNumbers.Parsed parsed = CNumbers.strtoumax(arg, 0, 0);
          if (arg.isEmpty() || !parsed.consumedAll(arg) || parsed.value() < 0 || parsed.value() > Integer.MAX_VALUE) {
            ctx.warn(NO_LABEL_FILE);
            throw IptablesException.parameter("label '" + arg + "' not found or invalid value");
          }
          bit = parsed.value();
          this.inverted = inverted;
        }

        @Override
        public Match build(ParseContext ctx) {
          return new ConnlabelMatch(bit, inverted, set);
        }
      };
    }
  }
}
