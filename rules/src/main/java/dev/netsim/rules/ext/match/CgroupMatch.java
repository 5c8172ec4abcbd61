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
 * {@code -m cgroup --cgroup CLASSID | --path PATH}: the cgroup of the local socket; not modelled:
 * undetermined. The kernel wants exactly one of the two. {@code classid} -1 when not given.
 */
public record CgroupMatch(long classid, boolean classidInverted, String path, boolean pathInverted)
    implements Match {
  @Override
  public String name() {
    return "cgroup";
  }

  @Override
  public void appendSave(StringBuilder out) {
    if (path != null) {
      out.append(pathInverted ? " !" : "").append(" --path");
      Xt.saveString(out, path);
    }
    if (classid >= 0) {
      out.append(classidInverted ? " !" : "").append(" --cgroup ").append(classid);
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    if (path != null) {
      out.append(" cgroup ").append(pathInverted ? "! " : "").append(path);
    }
    if (classid >= 0) {
      out.append(" cgroup ").append(classidInverted ? "! " : "").append(classid);
    }
  }

  @Override
  public String notModelled() {
    return "netsim does not model cgroups";
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.UNDETERMINED;
  }

  @Override
  public KernelError check(Placement placement) {
    return (path == null) == (classid < 0) ? KernelError.EINVAL : null;
  }

  @Override
  public int allowedHooks() {
    return Placement.mask(Hook.OUTPUT, Hook.POSTROUTING, Hook.INPUT);
  }

  /** The {@code cgroup} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("cgroup", List.of(OptionSpec.withArg("path").invert(), OptionSpec.withArg("cgroup").invert()));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        long classid = -1;
        boolean classidInverted;
        String path;
        boolean pathInverted;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          if (spec.name().equals("path")) {
            path = arg;
            pathInverted = inverted;
          } else {
            classid = Xt.uint("cgroup", spec.name(), arg, 0, 0xffffffffL);
            classidInverted = inverted;
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new CgroupMatch(classid, classidInverted, path, pathInverted);
        }
      };
    }
  }
}
