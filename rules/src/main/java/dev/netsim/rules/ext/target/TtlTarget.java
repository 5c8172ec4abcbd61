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
import dev.netsim.rules.ext.Xt;
import dev.netsim.rules.model.TableName;
import java.util.List;

/** {@code -j TTL --ttl-set|--ttl-inc|--ttl-dec N} (mangle table): changes {@link PacketContext#ttl}. */
public record TtlTarget(Mode mode, int value) implements Target {
  /** What the target does with the TTL. */
  public enum Mode {
    SET,
    INC,
    DEC
  }

  @Override
  public String name() {
    return "TTL";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(switch (mode) {
      case SET -> " --ttl-set ";
      case INC -> " --ttl-inc ";
      case DEC -> " --ttl-dec ";
    }).append(value);
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(switch (mode) {
      case SET -> " TTL set to ";
      case INC -> " TTL increment by ";
      case DEC -> " TTL decrement by ";
    }).append(value);
  }

  @Override
  public Verdict apply(PacketContext packet) {
    packet.ttl = switch (mode) {
      case SET -> value;
      case INC -> Math.min(255, packet.ttl + value);
      case DEC -> Math.max(0, packet.ttl - value);
    };
    return Verdict.CONTINUE;
  }

  @Override
  public KernelError check(Placement placement) {
    return placement.table() == TableName.MANGLE ? null : KernelError.EINVAL;
  }

  /** The {@code TTL} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("TTL", List.of(
          OptionSpec.withArg("ttl-set").excluding("ttl-dec", "ttl-inc"),
          OptionSpec.withArg("ttl-dec").excluding("ttl-set", "ttl-inc"),
          OptionSpec.withArg("ttl-inc").excluding("ttl-set", "ttl-dec")));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        Mode mode;
        int value;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "ttl-set" -> {
              mode = Mode.SET;
              value = (int) Xt.uint("TTL", spec.name(), arg, 0, 255);
            }
            case "ttl-dec" -> {
              mode = Mode.DEC;
              value = (int) Xt.uint("TTL", spec.name(), arg, 1, 255);
            }
            default -> {
              mode = Mode.INC;
              value = (int) Xt.uint("TTL", spec.name(), arg, 1, 255);
            }
          }
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (mode == null) {
            throw IptablesException.parameter("TTL: You must specify an action");
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new TtlTarget(mode, value);
        }
      };
    }
  }
}
