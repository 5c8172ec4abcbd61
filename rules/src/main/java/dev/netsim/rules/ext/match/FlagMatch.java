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
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.TableName;
import java.util.ArrayList;
import java.util.List;

/**
 * Matches whose options are all plain flags and that netsim does not model (undetermined):
 * {@code -m socket [--transparent] [--nowildcard] [--restore-skmark]} (a local socket exists for the packet)
 * and {@code -m rpfilter [--loose] [--validmark] [--accept-local] [--invert]} (reverse path check).
 */
public record FlagMatch(Kind kind, List<String> flags) implements Match {
  /** Which match. */
  public enum Kind {
    SOCKET("socket", " socket", "--", List.of("transparent", "nowildcard", "restore-skmark")),
    RPFILTER("rpfilter", " rpfilter", "", List.of("loose", "validmark", "accept-local", "invert"));

    final String module;
    final String label;
    final String listDashes;
    final List<String> options;

    Kind(String module, String label, String listDashes, List<String> options) {
      this.module = module;
      this.label = label;
      this.listDashes = listDashes;
      this.options = options;
    }
  }

  public FlagMatch {
    flags = List.copyOf(flags);
  }

  @Override
  public String name() {
    return kind.module;
  }

  @Override
  public void appendSave(StringBuilder out) {
    for (String flag : flags) {
      out.append(" --").append(flag);
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(kind.label);
    for (String flag : flags) {
      out.append(' ').append(kind.listDashes).append(flag);
    }
  }

  @Override
  public String notModelled() {
    return "netsim does not model -m " + kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.UNDETERMINED;
  }

  @Override
  public KernelError check(Placement placement) {
    if (kind == Kind.RPFILTER && placement.table() != TableName.MANGLE && placement.table() != TableName.RAW) {
      return KernelError.EINVAL;
    }
    return null;
  }

  @Override
  public int allowedHooks() {
    return kind == Kind.SOCKET ? Placement.mask(Hook.PREROUTING, Hook.INPUT) : Hook.PREROUTING.bit();
  }

  /** The {@code socket} and {@code rpfilter} modules. */
  public static final class Module extends MatchModule {
    private final Kind kind;

    public Module(Kind kind) {
      super(kind.module, kind.options.stream().map(OptionSpec::flag).toList());
      this.kind = kind;
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        final List<String> given = new ArrayList<>();

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          given.add(spec.name());
        }

        @Override
        public Match build(ParseContext ctx) {
          List<String> ordered = new ArrayList<>(kind.options);
          ordered.retainAll(given);
          return new FlagMatch(kind, ordered);
        }
      };
    }
  }
}
