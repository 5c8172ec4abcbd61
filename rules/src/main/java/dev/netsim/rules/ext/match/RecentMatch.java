package dev.netsim.rules.ext.match;

import dev.netsim.core.value.Ipv4;
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
 * {@code -m recent [!] --set|--rcheck|--update|--remove [--seconds N [--reap]] [--hitcount N] [--rttl]
 * [--name NAME] [--rsource|--rdest] [--mask MASK]}: named lists of recently seen addresses. netsim does not
 * keep the lists: undetermined.
 *
 * @param operation {@code SET}, {@code CHECK}, {@code UPDATE} or {@code REMOVE}
 * @param seconds 0 for none (printed as a C {@code %d}, so above 2^31 it shows negative, as iptables does)
 * @param hitCount 0 for none
 */
public record RecentMatch(boolean inverted, String operation, long seconds, boolean reap, long hitCount,
    boolean ttl, String listName, boolean destination, int mask) implements Match {
  /** The kernel's limit on {@code --hitcount} ({@code XT_RECENT_MAX_NSTAMPS - 1}). */
  public static final int MAX_HIT_COUNT = 255;

  @Override
  public String name() {
    return "recent";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(inverted ? " !" : "").append(" --").append(switch (operation) {
      case "CHECK" -> "rcheck";
      default -> operation.toLowerCase(java.util.Locale.ROOT);
    });
    if (seconds != 0) {
      out.append(" --seconds ").append((int) seconds);
    }
    out.append(reap ? " --reap" : "");
    if (hitCount != 0) {
      out.append(" --hitcount ").append((int) hitCount);
    }
    out.append(ttl ? " --rttl" : "").append(" --name ").append(listName).append(" --mask ").append(Ipv4.format(mask))
        .append(destination ? " --rdest" : " --rsource");
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(inverted ? " !" : "").append(" recent: ").append(operation);
    if (seconds != 0) {
      out.append(" seconds: ").append((int) seconds);
    }
    out.append(reap ? " reap" : "");
    if (hitCount != 0) {
      out.append(" hit_count: ").append((int) hitCount);
    }
    out.append(ttl ? " TTL-Match" : "").append(" name: ").append(listName)
        .append(destination ? " side: dest" : " side: source").append(" mask: ").append(Ipv4.format(mask));
  }

  @Override
  public String notModelled() {
    return "netsim does not keep -m recent address lists";
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.UNDETERMINED;
  }

  @Override
  public KernelError check(Placement placement) {
    boolean setOrRemove = operation.equals("SET") || operation.equals("REMOVE");
    if (Long.compareUnsigned(hitCount, MAX_HIT_COUNT) > 0
        || setOrRemove && (seconds != 0 || hitCount != 0 || reap || ttl)
        || listName.isEmpty() || listName.contains("/") || listName.equals(".") || listName.equals("..")) {
      return KernelError.EINVAL;
    }
    return null;
  }

  /** The {@code recent} module. */
  public static final class Module extends MatchModule {
    private static final String[] OPERATIONS = {"set", "rcheck", "update", "remove"};

    public Module() {
      super("recent", List.of(
          OptionSpec.flag("set").invert().excluding("rcheck", "update", "remove"),
          OptionSpec.flag("rcheck").invert().excluding("set", "update", "remove"),
          OptionSpec.flag("update").invert().excluding("set", "rcheck", "remove"),
          OptionSpec.flag("remove").invert().excluding("set", "rcheck", "update"),
          OptionSpec.withArg("seconds"),
          OptionSpec.flag("reap").needing("seconds"),
          OptionSpec.withArg("hitcount"),
          OptionSpec.flag("rttl").excluding("set", "remove"),
          OptionSpec.withArg("name"),
          OptionSpec.flag("rsource"),
          OptionSpec.flag("rdest"),
          OptionSpec.withArg("mask")));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        boolean inverted;
        String operation;
        long seconds;
        boolean reap;
        long hitCount;
        boolean ttl;
        String listName = "DEFAULT";
        boolean destination;
        int mask = -1;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "set", "rcheck", "update", "remove" -> {
              operation = spec.name().equals("rcheck") ? "CHECK" : spec.name().toUpperCase(java.util.Locale.ROOT);
              this.inverted |= inverted;
            }
            case "seconds" -> seconds = Xt.uint("recent", "seconds", arg, 1, 0xffffffffL);
            case "reap" -> reap = true;
            case "hitcount" -> hitCount = Xt.uint("recent", "hitcount", arg, 0, 0xffffffffL);
            case "rttl" -> ttl = true;
            case "name" -> listName = arg.length() > 199 ? arg.substring(0, 199) : arg;
            case "rsource" -> destination = false;
            case "rdest" -> destination = true;
            default -> mask = Xt.host(arg);
          }
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (operation == null) {
            throw IptablesException.parameter(
                "recent: you must specify one of `--set', `--rcheck' `--update' or `--remove'");
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new RecentMatch(inverted, operation, seconds, reap, hitCount, ttl, listName, destination, mask);
        }
      };
    }
  }
}
