package dev.netsim.rules.ext.target;

import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.KernelError;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Placement;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.ext.TargetModule;
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.TableName;
import java.util.List;
import java.util.Locale;

/** {@code -j CLASSIFY --set-class MAJOR:MINOR} (mangle): sets the traffic-control class; no path effect. */
public record ClassifyTarget(int major, int minor) implements Target {
  @Override
  public String name() {
    return "CLASSIFY";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(String.format(Locale.ROOT, " --set-class %04x:%04x", major, minor));
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(String.format(Locale.ROOT, " CLASSIFY set %x:%x", major, minor));
  }

  @Override
  public Verdict apply(PacketContext packet) {
    return Verdict.CONTINUE;
  }

  @Override
  public KernelError check(Placement placement) {
    return placement.table() == TableName.MANGLE ? null : KernelError.EINVAL;
  }

  @Override
  public int allowedHooks() {
    return Placement.mask(Hook.FORWARD, Hook.OUTPUT, Hook.POSTROUTING);
  }

  /** The {@code CLASSIFY} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("CLASSIFY", List.of(OptionSpec.withArg("set-class").required()));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        int major;
        int minor;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          int colon = arg.indexOf(':');
          try {
            major = Integer.parseInt(arg.substring(0, colon), 16);
            minor = Integer.parseInt(arg.substring(colon + 1), 16);
          } catch (RuntimeException e) {
            throw IptablesException.parameter("Bad class value \"" + arg + "\"");
          }
          if (major > 0xffff || minor > 0xffff || major < 0 || minor < 0) {
            throw IptablesException.parameter("Bad class value \"" + arg + "\"");
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new ClassifyTarget(major, minor);
        }
      };
    }
  }
}
