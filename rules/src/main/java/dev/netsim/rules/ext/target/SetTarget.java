package dev.netsim.rules.ext.target;

import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.ext.TargetModule;
import dev.netsim.rules.ext.Xt;
import dev.netsim.rules.ext.match.SetNames;
import java.util.List;

/**
 * {@code -j SET --add-set|--del-set NAME src,dst... [--exist] [--timeout N]}: adds the packet's addresses to an
 * ipset or removes them. netsim keeps no set contents: the packet continues, nothing else happens.
 */
public record SetTarget(String addSet, String addDirections, String delSet, String delDirections, boolean exist,
    long timeout) implements Target {

  @Override
  public String name() {
    return "SET";
  }

  private void dump(StringBuilder out, String dashes) {
    if (addSet != null) {
      out.append(' ').append(dashes).append("add-set ").append(addSet).append(' ').append(addDirections);
    }
    if (delSet != null) {
      out.append(' ').append(dashes).append("del-set ").append(delSet).append(' ').append(delDirections);
    }
    if (exist) {
      out.append(' ').append(dashes).append("exist");
    }
    if (timeout >= 0) {
      out.append(' ').append(dashes).append("timeout ").append(timeout);
    }
  }

  @Override
  public void appendSave(StringBuilder out) {
    dump(out, "--");
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    dump(out, "");
  }

  @Override
  public Verdict apply(PacketContext packet) {
    packet.effects.acted(this, packet);
    return Verdict.CONTINUE;
  }

  /** The {@code SET} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("SET", List.of(
          OptionSpec.withArg("add-set"),
          OptionSpec.withArg("del-set"),
          OptionSpec.flag("exist"),
          OptionSpec.withArg("timeout")));
    }

    @Override
    public boolean genericChecks() {
      return false;
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        String addSet;
        String addDirections;
        String delSet;
        String delDirections;
        boolean exist;
        long timeout = -1;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "add-set", "del-set" -> {
              if (!ctx.words().hasNext()) {
                throw IptablesException.parameter("--" + spec.name() + " requires two args.");
              }
              String directions = ctx.words().next();
              String set = SetNames.checked(arg, ctx);
              SetNames.checkDirections(directions);
              if (spec.name().equals("add-set")) {
                addSet = set;
                addDirections = directions;
              } else {
                delSet = set;
                delDirections = directions;
              }
            }
            case "exist" -> exist = true;
            default -> timeout = Xt.uint("SET", spec.name(), arg, 0, 0xffffffffL);
          }
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (addSet == null && delSet == null) {
            throw IptablesException.parameter("You must specify either `--add-set' or `--del-set'");
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new SetTarget(addSet, addDirections, delSet, delDirections, exist, timeout);
        }
      };
    }
  }
}
