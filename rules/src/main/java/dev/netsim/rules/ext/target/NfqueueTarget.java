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
import java.util.List;

/**
 * {@code -j NFQUEUE [--queue-num N | --queue-balance A:B] [--queue-bypass] [--queue-cpu-fanout]}: hands the
 * packet to a userspace queue; the verdict is {@link Verdict#QUEUE} (the engine drops it unless
 * {@link #bypass()} and no program listens). {@code total} is the number of queues, kept in 16 bits as the
 * kernel does (a range of 65536 queues wraps to 0, which the kernel refuses).
 */
public record NfqueueTarget(int queue, int total, boolean bypass, boolean cpuFanout) implements Target {
  @Override
  public String name() {
    return "NFQUEUE";
  }

  private void dump(StringBuilder out, boolean save) {
    if (total > 1) {
      out.append(save ? " --queue-balance " : " NFQUEUE balance ").append(queue).append(':')
          .append(queue + total - 1);
    } else {
      out.append(save ? " --queue-num " : " NFQUEUE num ").append(queue);
    }
    if (bypass) {
      out.append(save ? " --queue-bypass" : " bypass");
    }
    if (cpuFanout) {
      out.append(save ? " --queue-cpu-fanout" : " cpu-fanout");
    }
  }

  @Override
  public void appendSave(StringBuilder out) {
    dump(out, true);
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    dump(out, false);
  }

  @Override
  public Verdict apply(PacketContext packet) {
    return Verdict.QUEUE;
  }

  @Override
  public KernelError check(Placement placement) {
    return total == 0 || queue + total - 1 > 0xffff ? KernelError.EINVAL : null;
  }

  /** The {@code NFQUEUE} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("NFQUEUE", List.of(
          OptionSpec.withArg("queue-num").excluding("queue-balance"),
          OptionSpec.withArg("queue-balance").excluding("queue-num"),
          OptionSpec.flag("queue-bypass"),
          OptionSpec.flag("queue-cpu-fanout").needing("queue-balance")));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        int queue;
        int total = 1;
        boolean bypass;
        boolean cpuFanout;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "queue-num" -> queue = (int) Xt.uint("NFQUEUE", spec.name(), arg, 0, 65535);
            case "queue-balance" -> {
              long[] range = Xt.uintRange("NFQUEUE", spec.name(), arg, 0, 65535, 2);
              if (range.length != 2) {
                throw IptablesException.parameter("Bad range \"" + arg + "\"");
              }
              if (range[0] >= range[1]) {
                throw IptablesException.parameter(range[0] + " should be less than " + range[1]);
              }
              queue = (int) range[0];
              total = (int) (range[1] - range[0] + 1) & 0xffff;
            }
            case "queue-bypass" -> bypass = true;
            default -> cpuFanout = true;
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new NfqueueTarget(queue, total, bypass, cpuFanout);
        }
      };
    }
  }
}
