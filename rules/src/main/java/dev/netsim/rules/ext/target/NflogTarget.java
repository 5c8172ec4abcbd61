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
 * {@code -j NFLOG [--nflog-group N] [--nflog-prefix P] [--nflog-size N] [--nflog-threshold N]}: hands a copy
 * to the nfnetlink log group (reported through {@link PacketContext#effects}); the packet continues.
 * {@code --nflog-range} is accepted with iptables' warning and dropped, as iptables-nft does.
 */
public record NflogTarget(int group, String prefix, long length, boolean copyLength, int threshold)
    implements Target {
  @Override
  public String name() {
    return "NFLOG";
  }

  private void dump(StringBuilder out, String dashes, boolean save) {
    if (!prefix.isEmpty()) {
      out.append(' ').append(dashes).append("nflog-prefix");
      if (save) {
        Xt.saveString(out, prefix);
      } else {
        out.append(' ').append(prefix);
      }
    }
    if (group != 0) {
      out.append(' ').append(dashes).append("nflog-group ").append(group);
    }
    if (copyLength) {
      out.append(' ').append(dashes).append("nflog-size ").append(length);
    }
    if (threshold != 0) {
      out.append(' ').append(dashes).append("nflog-threshold ").append(threshold);
    }
  }

  @Override
  public void appendSave(StringBuilder out) {
    dump(out, "--", true);
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    dump(out, "", false);
  }

  @Override
  public Verdict apply(PacketContext packet) {
    packet.effects.logged(this, packet);
    return Verdict.CONTINUE;
  }

  /** The {@code NFLOG} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("NFLOG", List.of(
          OptionSpec.withArg("nflog-group"),
          OptionSpec.withArg("nflog-prefix"),
          OptionSpec.withArg("nflog-range").excluding("nflog-size"),
          OptionSpec.withArg("nflog-size").excluding("nflog-range"),
          OptionSpec.withArg("nflog-threshold")));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        int group;
        String prefix = "";
        long length;
        boolean copyLength;
        int threshold;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "nflog-group" -> group = (int) Xt.uint("NFLOG", spec.name(), arg, 0, 65535);
            case "nflog-prefix" -> {
              if (arg.isEmpty()) {
                throw IptablesException.parameter("Argument must have a minimum length of 1 characters\n");
              }
              if (arg.indexOf('\n') >= 0) {
                throw IptablesException.parameter("Newlines not allowed in --log-prefix");
              }
              prefix = arg;
            }
            case "nflog-range" -> {
              // iptables-nft drops the range: nf_tables' log has nothing for it.
              Xt.uint("NFLOG", spec.name(), arg, 0, 0xffffffffL);
              ctx.warn("warn: --nflog-range has never worked and is no longer supported, "
                  + "please use --nflog-size instead");
            }
            case "nflog-size" -> {
              length = Xt.uint("NFLOG", spec.name(), arg, 0, 0xffffffffL);
              copyLength = true;
            }
            default -> threshold = (int) Xt.uint("NFLOG", spec.name(), arg, 0, 65535);
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new NflogTarget(group, prefix, length, copyLength, threshold);
        }
      };
    }
  }
}
