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
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/** {@code -j TCPOPTSTRIP [--strip-options LIST]} (mangle, TCP only): removes TCP options; continues. */
public record TcpoptstripTarget(BitSet options) implements Target {
  private static final Map<String, Integer> NAMES = Map.of(
      "wscale", 3, "mss", 2, "sack-permitted", 4, "sack", 5, "timestamp", 8, "md5", 19);

  public TcpoptstripTarget {
    options = (BitSet) options.clone();
  }

  @Override
  public String name() {
    return "TCPOPTSTRIP";
  }

  private void appendOptions(StringBuilder out, boolean numeric) {
    String separator = "";
    for (int i = options.nextSetBit(0); i >= 0; i = options.nextSetBit(i + 1)) {
      String name = null;
      if (!numeric) {
        for (Map.Entry<String, Integer> entry : NAMES.entrySet()) {
          if (entry.getValue() == i) {
            name = entry.getKey();
          }
        }
      }
      out.append(separator).append(name != null ? name : Integer.toString(i));
      separator = ",";
    }
  }

  @Override
  public void appendSave(StringBuilder out) {
    if (!options.isEmpty()) {
      out.append(" --strip-options ");
      appendOptions(out, true);
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    if (!options.isEmpty()) {
      out.append(" TCPOPTSTRIP options ");
      appendOptions(out, numeric);
    }
  }

  @Override
  public Verdict apply(PacketContext packet) {
    return Verdict.CONTINUE;
  }

  @Override
  public KernelError check(Placement placement) {
    return placement.table() == TableName.MANGLE && placement.header().requiresProtocol(6) ? null
        : KernelError.EINVAL;
  }

  /** The {@code TCPOPTSTRIP} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("TCPOPTSTRIP", List.of(OptionSpec.withArg("strip-options")));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        final BitSet options = new BitSet(256);

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          for (String item : arg.split(",")) {
            Integer option = NAMES.get(item);
            if (option == null) {
              long number = CNumbers.parseUnsigned(item, 0, 255);
              if (number < 0) {
                throw IptablesException.parameter("Bad TCP option value \"" + item + "\"");
              }
              option = (int) number;
            }
            if (option < 2) {
              throw IptablesException.parameter("Option value may not be 0 or 1");
            }
            options.set(option);
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new TcpoptstripTarget(options);
        }
      };
    }
  }
}
