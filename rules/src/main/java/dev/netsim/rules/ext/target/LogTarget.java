package dev.netsim.rules.ext.target;

import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.ext.CNumbers;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.ext.TargetModule;
import dev.netsim.rules.ext.Xt;
import java.util.List;

/**
 * {@code -j LOG [--log-level L] [--log-prefix P] [--log-tcp-sequence] ...}: reports the packet to the kernel
 * log (through {@link PacketContext#effects}) and lets it continue.
 */
public record LogTarget(int level, String prefix, int flags) implements Target {
  public static final int TCP_SEQUENCE = 0x01;
  public static final int TCP_OPTIONS = 0x02;
  public static final int IP_OPTIONS = 0x04;
  public static final int UID = 0x08;
  public static final int MAC_DECODE = 0x20;

  /** The level names iptables-nft 1.8.9 lists (those of nft), by level number. */
  private static final String[] LEVEL_NAMES = {"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"};

  @Override
  public String name() {
    return "LOG";
  }

  @Override
  public void appendSave(StringBuilder out) {
    if (!prefix.isEmpty()) {
      out.append(" --log-prefix");
      Xt.saveString(out, prefix);
    }
    if (level != 4) {
      out.append(" --log-level ").append(level);
    }
    if ((flags & TCP_SEQUENCE) != 0) {
      out.append(" --log-tcp-sequence");
    }
    if ((flags & TCP_OPTIONS) != 0) {
      out.append(" --log-tcp-options");
    }
    if ((flags & IP_OPTIONS) != 0) {
      out.append(" --log-ip-options");
    }
    if ((flags & UID) != 0) {
      out.append(" --log-uid");
    }
    if ((flags & MAC_DECODE) != 0) {
      out.append(" --log-macdecode");
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" LOG");
    if (numeric) {
      out.append(" flags ").append(flags).append(" level ").append(level);
    } else {
      out.append(" level ").append(LEVEL_NAMES[level]);
      if ((flags & TCP_SEQUENCE) != 0) {
        out.append(" tcp-sequence");
      }
      if ((flags & TCP_OPTIONS) != 0) {
        out.append(" tcp-options");
      }
      if ((flags & IP_OPTIONS) != 0) {
        out.append(" ip-options");
      }
      if ((flags & UID) != 0) {
        out.append(" uid");
      }
      if ((flags & MAC_DECODE) != 0) {
        out.append(" macdecode");
      }
    }
    if (!prefix.isEmpty()) {
      out.append(" prefix \"").append(prefix).append('"');
    }
  }

  @Override
  public Verdict apply(PacketContext packet) {
    packet.effects.logged(this, packet);
    return Verdict.CONTINUE;
  }

  /** The {@code LOG} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("LOG", List.of(
          OptionSpec.withArg("log-level"),
          OptionSpec.withArg("log-prefix"),
          OptionSpec.flag("log-tcp-sequence"),
          OptionSpec.flag("log-tcp-options"),
          OptionSpec.flag("log-ip-options"),
          OptionSpec.flag("log-uid"),
          OptionSpec.flag("log-macdecode")));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        int level = 4;
        String prefix = "";
        int flags;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "log-level" -> level = syslogLevel(arg);
            case "log-prefix" -> {
              if (arg.isEmpty()) {
                throw IptablesException.parameter("Argument must have a minimum length of 1 characters\n");
              }
              if (arg.indexOf('\n') >= 0) {
                throw IptablesException.parameter("Newlines not allowed in --log-prefix");
              }
              prefix = arg.length() > 29 ? arg.substring(0, 29) : arg;
            }
            case "log-tcp-sequence" -> flags |= TCP_SEQUENCE;
            case "log-tcp-options" -> flags |= TCP_OPTIONS;
            case "log-ip-options" -> flags |= IP_OPTIONS;
            case "log-uid" -> flags |= UID;
            default -> flags |= MAC_DECODE;
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new LogTarget(level, prefix, flags);
        }
      };
    }
  }

  /** x6 {@code XTTYPE_SYSLOGLEVEL}: 0..7 or a syslog level name. */
  static int syslogLevel(String text) {
    long number = CNumbers.parseUnsigned(text, 0, 7);
    if (number >= 0) {
      return (int) number;
    }
    return switch (text) {
      case "alert" -> 1;
      case "crit" -> 2;
      case "debug" -> 7;
      case "emerg", "panic" -> 0;
      case "error" -> 3;
      case "info" -> 6;
      case "notice" -> 5;
      case "warning" -> 4;
      default -> throw IptablesException.parameter("log level \"" + text + "\" unknown\n");
    };
  }
}
