package dev.netsim.rules.ext.match;

import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.CNumbers;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Xt;
import java.util.List;

/**
 * {@code -m quota --quota BYTES}: matches until the rule has let BYTES through (counted per rule, as the
 * kernel does); {@code !} matches once the quota is used up.
 */
public record QuotaMatch(long quota, boolean inverted) implements Match {
  /** The bytes left, per rule. */
  static final class Remaining {
    long bytes;
  }

  @Override
  public String name() {
    return "quota";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(inverted ? " !" : "").append(" --quota ").append(Long.toUnsignedString(quota));
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" quota: ").append(Long.toUnsignedString(quota)).append(" bytes");
  }

  @Override
  public boolean isStateful() {
    return true;
  }

  @Override
  public Object newState() {
    Remaining remaining = new Remaining();
    remaining.bytes = quota;
    return remaining;
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    Remaining remaining = (Remaining) state;
    if (Long.compareUnsigned(remaining.bytes, packet.length) >= 0) {
      remaining.bytes -= packet.length;
      return MatchResult.of(true, inverted);
    }
    remaining.bytes = 0;
    return MatchResult.of(false, inverted);
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    return inverted ? "quota of " + Long.toUnsignedString(quota) + " bytes not used up yet"
        : "quota of " + Long.toUnsignedString(quota) + " bytes used up";
  }

  /** The {@code quota} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("quota", List.of(OptionSpec.withArg("quota").invert().required()));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        QuotaMatch parsed;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          CNumbers.Parsed value = CNumbers.strtoulPrefix(arg, 0, 0, 0, 0);
          if (value == null || !value.consumedAll(arg)) {
            throw Xt.badValue("quota", spec.name(), 0, -1L);
          }
          parsed = new QuotaMatch(value.value(), inverted);
        }

        @Override
        public Match build(ParseContext ctx) {
          return parsed;
        }
      };
    }
  }
}
