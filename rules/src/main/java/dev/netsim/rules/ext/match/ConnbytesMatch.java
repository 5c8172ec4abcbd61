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
 * {@code -m connbytes [!] --connbytes FROM[:TO] --connbytes-mode packets|bytes|avgpkt --connbytes-dir
 * original|reply|both}: the connection's accounting counters, which netsim's conntrack does not keep, so it is
 * undetermined.
 *
 * @param from the kernel's {@code count.from}; unsigned, above {@code to} when negated (the kernel swaps them)
 * @param to the kernel's {@code count.to}; unsigned, -1 (2^64-1) for no upper bound
 */
public record ConnbytesMatch(long from, long to, String mode, String direction) implements Match {
  @Override
  public String name() {
    return "connbytes";
  }

  private void appendRange(StringBuilder out, String prefix) {
    long low = from;
    long high = to;
    if (Long.compareUnsigned(from, to) > 0) {
      out.append(" !");
      low = to;
      high = from;
    }
    out.append(' ').append(prefix).append("connbytes ").append(Long.toUnsignedString(low));
    if (high != 0 && high != -1L) {
      out.append(':').append(Long.toUnsignedString(high));
    }
  }

  @Override
  public void appendSave(StringBuilder out) {
    appendRange(out, "--");
    out.append(" --connbytes-mode ").append(mode).append(" --connbytes-dir ").append(direction);
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    appendRange(out, "");
    out.append(" connbytes mode ").append(mode).append(" connbytes direction ").append(direction);
  }

  @Override
  public String notModelled() {
    return "netsim does not count a connection's bytes and packets";
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.UNDETERMINED;
  }

  @Override
  public boolean needsConntrack() {
    return true;
  }

  /** The {@code connbytes} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("connbytes", List.of(
          OptionSpec.withArg("connbytes").invert().required(),
          OptionSpec.withArg("connbytes-dir").required(),
          OptionSpec.withArg("connbytes-mode").required()));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        long from;
        long to;
        String mode;
        String direction;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "connbytes" -> {
              long[] range = Xt.uintRange("connbytes", "connbytes", arg, 0, -1L, 2);
              from = range[0];
              to = range.length == 2 ? range[1] : -1L;
              if (Long.compareUnsigned(to, from) < 0) {
                throw IptablesException.parameter(Long.toUnsignedString(from) + " should be less than "
                    + Long.toUnsignedString(to));
              }
              if (inverted) {
                long swap = from;
                from = to;
                to = swap;
              }
            }
            case "connbytes-dir" -> {
              if (!List.of("original", "reply", "both").contains(arg)) {
                throw IptablesException.parameter("Unknown --connbytes-dir `" + arg + "'");
              }
              direction = arg;
            }
            default -> {
              if (!List.of("packets", "bytes", "avgpkt").contains(arg)) {
                throw IptablesException.parameter("Unknown --connbytes-mode `" + arg + "'");
              }
              mode = arg;
            }
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new ConnbytesMatch(from, to, mode, direction);
        }
      };
    }
  }
}
