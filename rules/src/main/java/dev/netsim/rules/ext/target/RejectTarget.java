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

/**
 * {@code -j REJECT [--reject-with TYPE]}: drops the packet and answers with an ICMP error or a TCP reset;
 * filter table, INPUT, FORWARD and OUTPUT. The engine sends the answer; {@link #with()} says which.
 */
public record RejectTarget(With with) implements Target {
  /** The answers REJECT can send, with their names, short aliases, and ICMP type/code. */
  public enum With {
    ICMP_NET_UNREACHABLE("icmp-net-unreachable", "net-unreach", 3, 0),
    ICMP_HOST_UNREACHABLE("icmp-host-unreachable", "host-unreach", 3, 1),
    ICMP_PROTO_UNREACHABLE("icmp-proto-unreachable", "proto-unreach", 3, 2),
    ICMP_PORT_UNREACHABLE("icmp-port-unreachable", "port-unreach", 3, 3),
    ICMP_NET_PROHIBITED("icmp-net-prohibited", "net-prohib", 3, 9),
    ICMP_HOST_PROHIBITED("icmp-host-prohibited", "host-prohib", 3, 10),
    TCP_RESET("tcp-reset", "tcp-rst", -1, -1),
    ICMP_ADMIN_PROHIBITED("icmp-admin-prohibited", "admin-prohib", 3, 13);

    private final String label;
    private final String alias;
    private final int icmpType;
    private final int icmpCode;

    With(String label, String alias, int icmpType, int icmpCode) {
      this.label = label;
      this.alias = alias;
      this.icmpType = icmpType;
      this.icmpCode = icmpCode;
    }

    public String label() {
      return label;
    }

    /** The ICMP type sent, -1 for a TCP reset. */
    public int icmpType() {
      return icmpType;
    }

    /** The ICMP code sent, -1 for a TCP reset. */
    public int icmpCode() {
      return icmpCode;
    }
  }

  @Override
  public String name() {
    return "REJECT";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(" --reject-with ").append(with.label);
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" reject-with ").append(with.label);
  }

  @Override
  public Verdict apply(PacketContext packet) {
    return Verdict.REJECT;
  }

  @Override
  public KernelError check(Placement placement) {
    if (placement.table() != TableName.FILTER) {
      return KernelError.EINVAL;
    }
    if (with == With.TCP_RESET && !placement.header().requiresProtocol(6)) {
      return KernelError.EINVAL;
    }
    return null;
  }

  @Override
  public int allowedHooks() {
    return Placement.mask(Hook.INPUT, Hook.FORWARD, Hook.OUTPUT);
  }

  /** The {@code REJECT} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("REJECT", List.of(OptionSpec.withArg("reject-with")));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        With with = With.ICMP_PORT_UNREACHABLE;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          with = parse(arg, ctx);
        }

        @Override
        public Target build(ParseContext ctx) {
          return new RejectTarget(with);
        }
      };
    }
  }

  /** A name or alias, or a prefix of one (the first in table order wins). */
  static With parse(String text, ParseContext context) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (With each : With.values()) {
      if (each.label.startsWith(lower) || each.alias.startsWith(lower)) {
        return each;
      }
    }
    if ("echo-reply".startsWith(lower) || "echoreply".startsWith(lower)) {
      context.warn("--reject-with echo-reply no longer supported");
    }
    throw IptablesException.parameter("unknown reject type \"" + text + "\"");
  }
}
