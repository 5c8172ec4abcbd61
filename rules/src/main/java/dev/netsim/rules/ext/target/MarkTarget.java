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
import java.util.List;

/**
 * {@code -j MARK}: sets the packet mark to {@code (mark AND NOT mask) XOR value}. Every form
 * ({@code --set-mark}, {@code --and-mark}, ...) is kept as the {@code --set-xmark VALUE/MASK} iptables saves.
 */
public record MarkTarget(int value, int mask) implements Target {
  @Override
  public String name() {
    return "MARK";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(" --set-xmark ").append(Xt.hex(value)).append('/').append(Xt.hex(mask));
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    appendOperation(out, " MARK", value, mask);
  }

  /** {@code MARK and/or/xor/set/xset ...} as iptables describes a value/mask pair. */
  static void appendOperation(StringBuilder out, String label, int value, int mask) {
    if (value == 0) {
      out.append(label).append(" and ").append(Xt.hex(~mask));
    } else if (value == mask) {
      out.append(label).append(" or ").append(Xt.hex(value));
    } else if (mask == 0) {
      out.append(label).append(" xor ").append(Xt.hex(value));
    } else if (mask == -1) {
      out.append(label).append(" set ").append(Xt.hex(value));
    } else {
      out.append(label).append(" xset ").append(Xt.hex(value)).append('/').append(Xt.hex(mask));
    }
  }

  @Override
  public Verdict apply(PacketContext packet) {
    packet.mark = (packet.mark & ~mask) ^ value;
    return Verdict.CONTINUE;
  }

  /** The {@code MARK} module. */
  public static final class Module extends TargetModule {
    private static final String[] ALL = {"set-xmark", "set-mark", "and-mark", "or-mark", "xor-mark"};

    public Module() {
      super("MARK", List.of(
          OptionSpec.withArg("set-xmark").excluding(ALL),
          OptionSpec.withArg("set-mark").excluding(ALL),
          OptionSpec.withArg("and-mark").excluding(ALL),
          OptionSpec.withArg("or-mark").excluding(ALL),
          OptionSpec.withArg("xor-mark").excluding(ALL)));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        int[] valueMask;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          valueMask = parseOperation("MARK", spec.name(), arg);
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (valueMask == null) {
            throw IptablesException.parameter(
                "MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required");
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new MarkTarget(valueMask[0], valueMask[1]);
        }
      };
    }
  }

  /** The value/mask pair of {@code --set-xmark}, {@code --set-mark}, {@code --and-mark}, ... */
  static int[] parseOperation(String ext, String option, String arg) {
    return switch (option) {
      case "set-xmark" -> Xt.markMask(ext, option, arg);
      case "set-mark" -> {
        int[] markMask = Xt.markMask(ext, option, arg);
        yield new int[] {markMask[0], markMask[0] | markMask[1]};
      }
      case "and-mark" -> new int[] {0, ~(int) Xt.uint(ext, option, arg, 0, 0xffffffffL)};
      case "or-mark" -> {
        int value = (int) Xt.uint(ext, option, arg, 0, 0xffffffffL);
        yield new int[] {value, value};
      }
      case "xor-mark" -> new int[] {(int) Xt.uint(ext, option, arg, 0, 0xffffffffL), 0};
      default -> throw new IllegalArgumentException(option);
    };
  }
}
