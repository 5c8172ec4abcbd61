package dev.netsim.rules.ext.match;

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

/**
 * {@code -m connlimit --connlimit-upto|--connlimit-above N [--connlimit-mask LEN] [--connlimit-saddr|-daddr]}:
 * the number of connections from (or to) the packet's address group. netsim does not count connections per
 * group, so it is undetermined.
 *
 * @param upTo whether the rule matches up to {@code limit} connections (the kernel's invert flag), else above
 * @param mask the grouping mask as given (printed as the kernel's count of leading one bits)
 */
public record ConnlimitMatch(long limit, boolean upTo, int mask, boolean byDestination) implements Match {
  @Override
  public String name() {
    return "connlimit";
  }

  private int maskBits() {
    return Integer.numberOfLeadingZeros(~mask);
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(upTo ? " --connlimit-upto " : " --connlimit-above ").append(limit)
        .append(" --connlimit-mask ").append(maskBits())
        .append(byDestination ? " --connlimit-daddr" : " --connlimit-saddr");
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" #conn ").append(byDestination ? "dst" : "src").append('/').append(maskBits())
        .append(upTo ? " <= " : " > ").append(limit);
  }

  @Override
  public String notModelled() {
    return "netsim does not count connections per address group";
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.UNDETERMINED;
  }

  @Override
  public boolean needsConntrack() {
    return true;
  }

  /** The {@code connlimit} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("connlimit", List.of(
          OptionSpec.withArg("connlimit-upto").invert().excluding("connlimit-above"),
          OptionSpec.withArg("connlimit-above").invert().excluding("connlimit-upto"),
          OptionSpec.withArg("connlimit-mask"),
          OptionSpec.flag("connlimit-saddr").excluding("connlimit-daddr"),
          OptionSpec.flag("connlimit-daddr").excluding("connlimit-saddr")));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        Long limit;
        boolean upTo;
        int mask = -1;
        boolean byDestination;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "connlimit-upto", "connlimit-above" -> {
              limit = Xt.uint("connlimit", spec.name(), arg, 0, 0xffffffffL);
              upTo = spec.name().equals("connlimit-upto") != inverted;
            }
            case "connlimit-mask" -> mask = Xt.prefixMask("connlimit", "connlimit-mask", arg);
            case "connlimit-saddr" -> byDestination = false;
            default -> byDestination = true;
          }
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (limit == null) {
            throw IptablesException.parameter("You must specify \"--connlimit-above\" or \"--connlimit-upto\".");
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new ConnlimitMatch(limit, upTo, mask, byDestination);
        }
      };
    }
  }
}
