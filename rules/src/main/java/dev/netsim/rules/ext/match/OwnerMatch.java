package dev.netsim.rules.ext.match;

import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.CNumbers;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Placement;
import dev.netsim.rules.ext.Xt;
import dev.netsim.rules.model.Hook;
import java.util.List;
import java.util.Map;

/**
 * {@code -m owner --uid-owner U[-U] --gid-owner G[-G] [--suppl-groups] --socket-exists} (OUTPUT and
 * POSTROUTING): the local socket's owner. netsim has no users: undetermined. Absent tests are null.
 */
public record OwnerMatch(IdRange uid, boolean uidInverted, IdRange gid, boolean gidInverted,
    Boolean socketExists, boolean supplGroups) implements Match {
  /** An inclusive range of user or group ids. */
  public record IdRange(long low, long high) {}

  /** A stock Debian's /etc/passwd and /etc/group, for names in parsing and listing. */
  private static final Map<String, Long> USERS = Map.of("root", 0L, "daemon", 1L, "bin", 2L, "sys", 3L,
      "nobody", 65534L);
  private static final Map<String, Long> GROUPS = Map.of("root", 0L, "daemon", 1L, "bin", 2L, "sys", 3L,
      "adm", 4L, "nogroup", 65534L);

  @Override
  public String name() {
    return "owner";
  }

  private void dump(StringBuilder out, boolean save, boolean numeric) {
    if (socketExists != null) {
      out.append(socketExists ? "" : " !").append(save ? " --socket-exists" : " owner socket exists");
    }
    if (uid != null) {
      out.append(uidInverted ? " !" : "").append(save ? " --uid-owner" : " owner UID match");
      id(out, uid, numeric, USERS);
    }
    if (gid != null) {
      out.append(gidInverted ? " !" : "").append(save ? " --gid-owner" : " owner GID match");
      id(out, gid, numeric, GROUPS);
    }
    if (supplGroups) {
      out.append(save ? " --suppl-groups" : " incl. suppl. groups");
    }
  }

  private static void id(StringBuilder out, IdRange range, boolean numeric, Map<String, Long> names) {
    if (range.low() != range.high()) {
      out.append(' ').append(range.low()).append('-').append(range.high());
      return;
    }
    if (!numeric) {
      for (Map.Entry<String, Long> entry : names.entrySet()) {
        if (entry.getValue() == range.low()) {
          out.append(' ').append(entry.getKey());
          return;
        }
      }
    }
    out.append(' ').append(range.low());
  }

  @Override
  public void appendSave(StringBuilder out) {
    dump(out, true, true);
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    dump(out, false, numeric);
  }

  @Override
  public String notModelled() {
    return "netsim does not model the owners of sockets";
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.UNDETERMINED;
  }

  @Override
  public int allowedHooks() {
    return Placement.mask(Hook.OUTPUT, Hook.POSTROUTING);
  }

  /** The {@code owner} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("owner", List.of(
          OptionSpec.withArg("uid-owner").invert(),
          OptionSpec.withArg("gid-owner").invert(),
          OptionSpec.flag("suppl-groups"),
          OptionSpec.flag("socket-exists").invert()));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        IdRange uid;
        boolean uidInverted;
        IdRange gid;
        boolean gidInverted;
        Boolean socketExists;
        boolean supplGroups;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "uid-owner" -> {
              uid = range(arg, "--uid-owner", USERS);
              uidInverted = inverted;
            }
            case "gid-owner" -> {
              gid = range(arg, "--gid-owner", GROUPS);
              gidInverted = inverted;
            }
            case "suppl-groups" -> {
              if (gid == null) {
                throw Xt.badOptionValue("owner", "--suppl-groups", "you need to use --gid-owner first");
              }
              supplGroups = true;
            }
            default -> socketExists = !inverted;
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new OwnerMatch(uid, uidInverted, gid, gidInverted, socketExists, supplGroups);
        }
      };
    }
  }

  /** A name, a number or {@code from-to} / {@code from:to}. */
  private static IdRange range(String text, String option, Map<String, Long> names) {
    Long named = names.get(text);
    if (named != null) {
      return new IdRange(named, named);
    }
    CNumbers.Parsed from = CNumbers.strtoulPrefix(text, 0, 0, 0xfffffffeL, 0);
    if (from == null) {
      throw Xt.badOptionValue("owner", option, text);
    }
    long to = from.value();
    int end = from.end();
    if (end < text.length() && (text.charAt(end) == '-' || text.charAt(end) == ':')) {
      CNumbers.Parsed parsed = CNumbers.strtoulPrefix(text, end + 1, 0, 0xfffffffeL, 0);
      if (parsed == null) {
        throw Xt.badOptionValue("owner", option, text);
      }
      to = parsed.value();
      end = parsed.end();
    }
    if (end != text.length()) {
      throw Xt.badOptionValue("owner", option, text);
    }
    return new IdRange(from.value(), to);
  }
}
