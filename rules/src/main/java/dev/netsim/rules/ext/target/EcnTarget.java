package dev.netsim.rules.ext.target;

import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.ext.CNumbers;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.KernelError;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Placement;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.ext.TargetModule;
import dev.netsim.rules.model.TableName;
import java.util.List;

/**
 * {@code -j ECN} (mangle table): rewrites ECN bits ({@code --ecn-tcp-remove}, {@code --ecn-tcp-ece},
 * {@code --ecn-tcp-cwr}, {@code --ecn-ip-ect}). netsim does not model ECN bits; the packet continues.
 * A value of -1 means the bit is left alone.
 */
public record EcnTarget(int ece, int cwr, int ipEct) implements Target {
  @Override
  public String name() {
    return "ECN";
  }

  private boolean removes() {
    return ece == 0 && cwr == 0 && ipEct < 0;
  }

  @Override
  public void appendSave(StringBuilder out) {
    if (removes()) {
      out.append(" --ecn-tcp-remove");
      return;
    }
    if (ece >= 0) {
      out.append(" --ecn-tcp-ece ").append(ece);
    }
    if (cwr >= 0) {
      out.append(" --ecn-tcp-cwr ").append(cwr);
    }
    if (ipEct >= 0) {
      out.append(" --ecn-ip-ect ").append(ipEct);
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" ECN");
    if (removes()) {
      out.append(" TCP remove");
      return;
    }
    if (ece >= 0) {
      out.append(" ECE=").append(ece);
    }
    if (cwr >= 0) {
      out.append(" CWR=").append(cwr);
    }
    if (ipEct >= 0) {
      out.append(" ECT codepoint=").append(ipEct);
    }
  }

  @Override
  public Verdict apply(PacketContext packet) {
    return Verdict.CONTINUE;
  }

  @Override
  public KernelError check(Placement placement) {
    if (placement.table() != TableName.MANGLE) {
      return KernelError.EINVAL;
    }
    return (ece >= 0 || cwr >= 0) && !placement.header().requiresProtocol(6) ? KernelError.EINVAL : null;
  }

  /** The {@code ECN} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("ECN", List.of(
          OptionSpec.flag("ecn-tcp-remove"),
          OptionSpec.withArg("ecn-tcp-cwr"),
          OptionSpec.withArg("ecn-tcp-ece"),
          OptionSpec.withArg("ecn-ip-ect")));
    }

    @Override
    public boolean genericChecks() {
      return false;
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        int ece = -1;
        int cwr = -1;
        int ipEct = -1;
        boolean removeSeen;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "ecn-tcp-remove" -> {
              if (removeSeen || ece >= 0 || cwr >= 0 || ipEct >= 0) {
                throw IptablesException.parameter("ECN target: Only use --ecn-tcp-remove ONCE!");
              }
              removeSeen = true;
              ece = 0;
              cwr = 0;
            }
            case "ecn-tcp-cwr" -> {
              if (cwr >= 0) {
                throw IptablesException.parameter("ECN target: Only use --ecn-tcp-cwr ONCE!");
              }
              cwr = bit(arg, 1);
            }
            case "ecn-tcp-ece" -> {
              if (ece >= 0) {
                throw IptablesException.parameter("ECN target: Only use --ecn-tcp-ece ONCE!");
              }
              ece = bit(arg, 1);
            }
            default -> {
              if (ipEct >= 0) {
                throw IptablesException.parameter("ECN target: Only use --ecn-ip-ect ONCE!");
              }
              ipEct = bit(arg, 3);
            }
          }
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (ece < 0 && cwr < 0 && ipEct < 0) {
            throw IptablesException.parameter("ECN target: An operation is required");
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new EcnTarget(ece, cwr, ipEct);
        }
      };
    }
  }

  private static int bit(String arg, int max) {
    long value = CNumbers.parseUnsigned(arg, 0, max);
    if (value < 0) {
      throw IptablesException.parameter("ECN target: Value out of range");
    }
    return (int) value;
  }
}
