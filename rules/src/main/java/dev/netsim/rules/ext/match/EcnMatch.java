package dev.netsim.rules.ext.match;

import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.KernelError;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Placement;
import dev.netsim.rules.ext.Xt;
import java.util.List;

/**
 * {@code -m ecn [!] --ecn-tcp-ece [!] --ecn-tcp-cwr [!] --ecn-ip-ect N}: the TCP ECE and CWR flags and the ECN
 * field (low two bits of the TOS byte). The kernel wants {@code -p tcp} for the TCP flags.
 */
public record EcnMatch(Test ece, Test cwr, Test ect, int ectValue) implements Match {
  /** Whether one of the three tests is asked for, and negated. */
  public enum Test {
    OFF,
    ON,
    NOT;

    static Test of(boolean inverted) {
      return inverted ? NOT : ON;
    }

    boolean passes(boolean condition) {
      return this == OFF || condition == (this == ON);
    }

    String bang() {
      return this == NOT ? "!" : "";
    }
  }

  private static final int TCP_ECE = 0x40;
  private static final int TCP_CWR = 0x80;

  @Override
  public String name() {
    return "ecn";
  }

  @Override
  public void appendSave(StringBuilder out) {
    if (ece != Test.OFF) {
      out.append(ece == Test.NOT ? " !" : "").append(" --ecn-tcp-ece");
    }
    if (cwr != Test.OFF) {
      out.append(cwr == Test.NOT ? " !" : "").append(" --ecn-tcp-cwr");
    }
    if (ect != Test.OFF) {
      out.append(ect == Test.NOT ? " !" : "").append(" --ecn-ip-ect ").append(ectValue);
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" ECN match");
    if (ece != Test.OFF) {
      out.append(' ').append(ece.bang()).append("ECE");
    }
    if (cwr != Test.OFF) {
      out.append(' ').append(cwr.bang()).append("CWR");
    }
    if (ect != Test.OFF) {
      out.append(' ').append(ect.bang()).append("ECT=").append(ectValue);
    }
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    if (!ect.passes((packet.tos & 3) == ectValue)) {
      return MatchResult.NO_MATCH;
    }
    if ((ece != Test.OFF || cwr != Test.OFF) && (packet.protocol != 6 || packet.laterFragment)) {
      return MatchResult.NO_MATCH;
    }
    return MatchResult.of(ece.passes((packet.tcpFlags & TCP_ECE) != 0) && cwr.passes((packet.tcpFlags & TCP_CWR) != 0));
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    return "ECN bits are ECT=" + (packet.tos & 3) + (packet.protocol == 6
        ? " ECE=" + ((packet.tcpFlags & TCP_ECE) != 0) + " CWR=" + ((packet.tcpFlags & TCP_CWR) != 0) : "")
        + ", rule wants" + listText();
  }

  private String listText() {
    StringBuilder text = new StringBuilder();
    appendList(text, true);
    return text.substring(" ECN match".length());
  }

  @Override
  public KernelError check(Placement placement) {
    return (ece != Test.OFF || cwr != Test.OFF) && !placement.header().requiresProtocol(6) ? KernelError.EINVAL : null;
  }

  /** The {@code ecn} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("ecn", List.of(
          OptionSpec.flag("ecn-tcp-cwr").invert(),
          OptionSpec.flag("ecn-tcp-ece").invert(),
          OptionSpec.withArg("ecn-ip-ect").invert()));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        Test ece = Test.OFF;
        Test cwr = Test.OFF;
        Test ect = Test.OFF;
        int ectValue;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "ecn-tcp-cwr" -> cwr = Test.of(inverted);
            case "ecn-tcp-ece" -> ece = Test.of(inverted);
            default -> {
              ectValue = (int) Xt.uint("ecn", "ecn-ip-ect", arg, 0, 3);
              ect = Test.of(inverted);
            }
          }
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (ece == Test.OFF && cwr == Test.OFF && ect == Test.OFF) {
            throw IptablesException.parameter("ECN match: some option required");
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new EcnMatch(ece, cwr, ect, ectValue);
        }
      };
    }
  }
}
