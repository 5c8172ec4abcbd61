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
import dev.netsim.rules.ext.match.TosValues;
import dev.netsim.rules.model.TableName;
import java.util.List;
import java.util.Locale;

/**
 * {@code -j TOS --set-tos V[/M]|NAME}, {@code --and-tos}, {@code --or-tos}, {@code --xor-tos} (mangle table):
 * sets {@link PacketContext#tos} to {@code (tos AND NOT mask) XOR value}.
 */
public record TosTarget(int value, int mask) implements Target {
  @Override
  public String name() {
    return "TOS";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(String.format(Locale.ROOT, " --set-tos 0x%02x/0x%02x", value, mask));
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    if (numeric) {
      out.append(String.format(Locale.ROOT, " TOS set 0x%02x/0x%02x", value, mask));
    } else if (mask == 0x3f && TosValues.symbol(value) != null) {
      out.append("  TOS set").append(TosValues.symbol(value));
    } else if (value == 0) {
      out.append(String.format(Locale.ROOT, " TOS and 0x%02x", ~mask & 0xff));
    } else if (value == mask) {
      out.append(String.format(Locale.ROOT, " TOS or 0x%02x", value));
    } else if (mask == 0) {
      out.append(String.format(Locale.ROOT, " TOS xor 0x%02x", value));
    } else {
      out.append(String.format(Locale.ROOT, " TOS set 0x%02x/0x%02x", value, mask));
    }
  }

  @Override
  public Verdict apply(PacketContext packet) {
    packet.tos = (packet.tos & ~mask) ^ value;
    return Verdict.CONTINUE;
  }

  @Override
  public KernelError check(Placement placement) {
    return placement.table() == TableName.MANGLE ? null : KernelError.EINVAL;
  }

  /** The {@code TOS} module. */
  public static final class Module extends TargetModule {
    private static final String[] ALL = {"set-tos", "and-tos", "or-tos", "xor-tos"};

    public Module() {
      super("TOS", List.of(
          OptionSpec.withArg("set-tos").excluding(ALL),
          OptionSpec.withArg("and-tos").excluding(ALL),
          OptionSpec.withArg("or-tos").excluding(ALL),
          OptionSpec.withArg("xor-tos").excluding(ALL)));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        int[] valueMask;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "set-tos" -> valueMask = TosValues.parse(arg, 0x3f);
            case "and-tos" -> valueMask = new int[] {0, ~(int) Xt.uint("TOS", spec.name(), arg, 0, 255) & 0xff};
            case "or-tos" -> {
              int value = (int) Xt.uint("TOS", spec.name(), arg, 0, 255);
              valueMask = new int[] {value, value};
            }
            default -> valueMask = new int[] {(int) Xt.uint("TOS", spec.name(), arg, 0, 255), 0};
          }
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (valueMask == null) {
            throw IptablesException.parameter("TOS: An action is required");
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new TosTarget(valueMask[0], valueMask[1]);
        }
      };
    }
  }
}
