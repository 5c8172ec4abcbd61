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
import dev.netsim.rules.model.Hook;
import java.util.List;

/**
 * {@code -m osf [!] --genre NAME [--ttl 0-2] [--log 0-2]}: passive OS fingerprinting of TCP SYNs, which needs
 * the kernel's fingerprint list; undetermined in netsim. The kernel wants {@code -p tcp} and an input hook.
 *
 * @param ttl -1 when not given
 * @param log -1 when not given
 */
public record OsfMatch(String genre, boolean inverted, int ttl, int log) implements Match {
  @Override
  public String name() {
    return "osf";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(inverted ? " !" : "").append(" --genre ").append(genre);
    if (ttl >= 0) {
      out.append(" --ttl ").append(ttl);
    }
    if (log >= 0) {
      out.append(" --log ").append(log);
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" OS fingerprint match ").append(inverted ? "! " : "").append(genre);
  }

  @Override
  public String notModelled() {
    return "netsim does not fingerprint operating systems";
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.UNDETERMINED;
  }

  @Override
  public KernelError check(Placement placement) {
    return placement.header().requiresProtocol(6) ? null : KernelError.EINVAL;
  }

  @Override
  public int allowedHooks() {
    return Placement.mask(Hook.PREROUTING, Hook.INPUT, Hook.FORWARD);
  }

  /** The {@code osf} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("osf", List.of(
          OptionSpec.withArg("genre").invert().required(),
          OptionSpec.withArg("ttl"),
          OptionSpec.withArg("log")));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        String genre;
        boolean inverted;
        int ttl = -1;
        int log = -1;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "genre" -> {
              genre = arg;
              this.inverted = inverted;
            }
            case "ttl" -> ttl = (int) Xt.uint("osf", "ttl", arg, 0, 2);
            default -> log = (int) Xt.uint("osf", "log", arg, 0, 2);
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new OsfMatch(genre, inverted, ttl, log);
        }
      };
    }
  }
}
