package dev.netsim.rules.ext.match;

import dev.netsim.core.value.Ipv4;
import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.KernelError;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.Names;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Placement;
import dev.netsim.rules.ext.Xt;
import java.util.List;
import java.util.Locale;

/**
 * {@code -m ipvs}: properties of the IPVS connection a packet belongs to. The kernel here has no IPVS module
 * (iptables warns and the kernel refuses with ENOENT); netsim behaves the same and never evaluates it.
 *
 * @param bits the {@code XT_IPVS_*} options present
 * @param inverted the {@code XT_IPVS_*} options negated
 * @param method {@code GATE}, {@code IPIP} or {@code MASQ}
 */
public record IpvsMatch(int bits, int inverted, int protocol, int address, int mask, int port, String method,
    int portControl) implements Match {
  static final int IPVS = 1;
  static final int PROTO = 1 << 1;
  static final int VADDR = 1 << 2;
  static final int VPORT = 1 << 3;
  static final int DIR = 1 << 4;
  static final int METHOD = 1 << 5;
  static final int VPORTCTL = 1 << 6;
  private static final List<String> OPTIONS =
      List.of("ipvs", "vproto", "vaddr", "vport", "vdir", "vmethod", "vportctl");

  @Override
  public String name() {
    return "ipvs";
  }

  private String bang(int bit) {
    return (inverted & bit) != 0 ? " !" : "";
  }

  private void dump(StringBuilder out, boolean numeric, String prefix) {
    if (bits == IPVS) {
      out.append(bang(IPVS)).append(' ').append(prefix).append("ipvs");
    }
    if ((bits & PROTO) != 0) {
      out.append(bang(PROTO)).append(' ').append(prefix).append("proto ").append(protocol);
    }
    if ((bits & VADDR) != 0) {
      out.append(bang(VADDR)).append(' ').append(prefix).append("vaddr");
      if (!numeric && address == 0) {
        out.append(" anywhere");
      } else {
        out.append(' ').append(numeric ? Ipv4.format(address) : Names.anyName(address)).append(Names.maskSuffix(mask));
      }
    }
    if ((bits & VPORT) != 0) {
      out.append(bang(VPORT)).append(' ').append(prefix).append("vport ").append(port);
    }
    if ((bits & DIR) != 0) {
      out.append(' ').append(prefix).append((inverted & DIR) != 0 ? "vdir REPLY" : "vdir ORIGINAL");
    }
    if ((bits & METHOD) != 0) {
      out.append(bang(METHOD)).append(' ').append(prefix).append("vmethod ").append(method);
    }
    if ((bits & VPORTCTL) != 0) {
      out.append(bang(VPORTCTL)).append(' ').append(prefix).append("vportctl ").append(portControl);
    }
  }

  @Override
  public void appendSave(StringBuilder out) {
    dump(out, true, "--");
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    dump(out, numeric, "");
  }

  @Override
  public String notModelled() {
    return "netsim does not model IPVS";
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.UNDETERMINED;
  }

  @Override
  public KernelError check(Placement placement) {
    return KernelError.ENOENT;
  }

  /** The {@code ipvs} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("ipvs", List.of(
          OptionSpec.flag("ipvs").invert(),
          OptionSpec.withArg("vproto").invert(),
          OptionSpec.withArg("vaddr").invert(),
          OptionSpec.withArg("vport").invert(),
          OptionSpec.withArg("vdir"),
          OptionSpec.withArg("vmethod").invert(),
          OptionSpec.withArg("vportctl").invert()));
    }

    @Override
    public List<String> loadWarnings() {
      return List.of("Warning: Extension ipvs revision 0 not supported, missing kernel module?");
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        int bits;
        int inverted;
        int protocol;
        int address;
        int mask;
        int port;
        String method;
        int portControl;

        private int port(String arg) {
          int value = Xt.serviceOrNumber(arg);
          if (value < 0) {
            throw IptablesException.parameter("Port \"" + arg + "\" does not resolve to anything.\n");
          }
          return value;
        }

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "vproto" -> protocol = Names.parseProtocol(arg);
            case "vaddr" -> {
              int[] host = Xt.hostMask("ipvs", "vaddr", arg);
              address = host[0];
              mask = host[1];
            }
            case "vport" -> port = port(arg);
            case "vportctl" -> portControl = port(arg);
            case "vdir" -> {
              switch (arg.toUpperCase(Locale.ROOT)) {
                case "ORIGINAL" -> this.inverted &= ~DIR;
                case "REPLY" -> this.inverted |= DIR;
                default -> throw Xt.badOptionValue("ipvs", "--vdir", arg);
              }
            }
            case "vmethod" -> {
              method = arg.toUpperCase(Locale.ROOT);
              if (!List.of("GATE", "IPIP", "MASQ").contains(method)) {
                throw Xt.badOptionValue("ipvs", "--vmethod", arg);
              }
            }
            default -> {
              // --ipvs
            }
          }
          int bit = 1 << OPTIONS.indexOf(spec.name());
          bits |= bit;
          if (inverted) {
            this.inverted |= bit;
          }
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (bits == 0) {
            throw IptablesException.parameter("IPVS: At least one option is required");
          }
          if ((bits & ~IPVS) != 0) {
            if ((inverted & IPVS) != 0) {
              throw IptablesException.parameter("! --ipvs cannot be together with other options");
            }
            bits |= IPVS;
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new IpvsMatch(bits, inverted, protocol, address, mask, port, method, portControl);
        }
      };
    }
  }
}
