package dev.netsim.rules.ext.match;

import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.CNumbers;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.KernelError;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Placement;
import dev.netsim.rules.ext.Xt;
import dev.netsim.rules.model.IpHeader;
import java.util.List;
import java.util.Locale;

/**
 * {@code -m tcp}: source and destination port ranges, TCP flags ({@code --tcp-flags}, {@code --syn}) and
 * a TCP option, each negatable. Loaded implicitly by {@code -p tcp --dport 22}.
 */
public record TcpMatch(
    int sportLow, int sportHigh, boolean sportInverted, int dportLow, int dportHigh, boolean dportInverted,
    int flagMask, int flagCompare, boolean flagsInverted, int option, boolean optionInverted) implements Match {

  /** The flag names iptables knows, in the order it prints them. */
  private static final String[] FLAG_NAMES = {"FIN", "SYN", "RST", "PSH", "ACK", "URG"};

  @Override
  public String name() {
    return "tcp";
  }

  /** Whether iptables-nft turns the ports into kernel expressions (else the xt tcp match is used). */
  private boolean nativePorts() {
    return flagMask == 0 && !flagsInverted && option == 0 && !optionInverted
        && (PortRanges.constrains(sportLow, sportHigh, sportInverted)
            || PortRanges.constrains(dportLow, dportHigh, dportInverted));
  }

  private static boolean printable(int low, int high, boolean inverted) {
    return PortRanges.constrains(low, high, inverted) && !(low == 0 && high == 65535);
  }

  @Override
  public boolean visible() {
    return !nativePorts() || printable(sportLow, sportHigh, sportInverted)
        || printable(dportLow, dportHigh, dportInverted);
  }

  @Override
  public void appendSave(StringBuilder out) {
    saveRange(out, "sport", sportLow, sportHigh, sportInverted);
    saveRange(out, "dport", dportLow, dportHigh, dportInverted);
    if (option != 0 || optionInverted) {
      out.append(optionInverted ? " !" : "").append(" --tcp-option ").append(option);
    }
    if (flagMask != 0 || flagsInverted) {
      out.append(flagsInverted ? " !" : "").append(" --tcp-flags ");
      appendFlags(out, flagMask);
      out.append(' ');
      appendFlags(out, flagCompare);
    }
  }

  private void saveRange(StringBuilder out, String option, int low, int high, boolean inverted) {
    if (nativePorts() && low == 0 && high == 65535) {
      return;
    }
    PortRanges.save(out, option, low, high, inverted);
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" tcp");
    listRange(out, "spt", sportLow, sportHigh, sportInverted, numeric);
    listRange(out, "dpt", dportLow, dportHigh, dportInverted, numeric);
    if (option != 0 || optionInverted) {
      out.append(" option=").append(optionInverted ? "!" : "").append(option);
    }
    if (flagMask != 0 || flagsInverted) {
      out.append(" flags:").append(flagsInverted ? "!" : "");
      if (numeric) {
        out.append(String.format(Locale.ROOT, "0x%02X/0x%02X", flagMask, flagCompare));
      } else {
        appendFlags(out, flagMask);
        out.append('/');
        appendFlags(out, flagCompare);
      }
    }
  }

  private void listRange(StringBuilder out, String label, int low, int high, boolean inverted, boolean numeric) {
    if (nativePorts() && low == 0 && high == 65535) {
      return;
    }
    PortRanges.list(out, label, low, high, inverted, numeric, "tcp");
  }

  static void appendFlags(StringBuilder out, int flags) {
    if (flags == 0) {
      out.append("NONE");
      return;
    }
    boolean first = true;
    for (int i = 0; i < FLAG_NAMES.length; i++) {
      if ((flags & (1 << i)) != 0) {
        out.append(first ? "" : ",").append(FLAG_NAMES[i]);
        first = false;
      }
    }
  }

  @Override
  public String notModelled() {
    return option != 0 || optionInverted ? "netsim does not model TCP options (--tcp-option)" : null;
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    if (packet.protocol != 6 || packet.laterFragment || packet.srcPort < 0) {
      return MatchResult.NO_MATCH;
    }
    if (PortRanges.contains(sportLow, sportHigh, packet.srcPort) == sportInverted
        || PortRanges.contains(dportLow, dportHigh, packet.dstPort) == dportInverted
        || ((packet.tcpFlags & flagMask) == flagCompare) == flagsInverted) {
      return MatchResult.NO_MATCH;
    }
    return option != 0 || optionInverted ? MatchResult.UNDETERMINED : MatchResult.MATCH;
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    if (packet.protocol != 6 || packet.laterFragment || packet.srcPort < 0) {
      return "packet is not TCP";
    }
    if (PortRanges.contains(sportLow, sportHigh, packet.srcPort) == sportInverted) {
      return "source port is " + packet.srcPort + ", rule wants " + (sportInverted ? "! " : "")
          + range(sportLow, sportHigh);
    }
    if (PortRanges.contains(dportLow, dportHigh, packet.dstPort) == dportInverted) {
      return "destination port is " + packet.dstPort + ", rule wants " + (dportInverted ? "! " : "")
          + range(dportLow, dportHigh);
    }
    StringBuilder flags = new StringBuilder("TCP flags are ");
    appendFlags(flags, packet.tcpFlags & 0x3f);
    flags.append(", rule wants ").append(flagsInverted ? "! " : "");
    appendFlags(flags, flagMask);
    flags.append('/');
    appendFlags(flags, flagCompare);
    return flags.toString();
  }

  private static String range(int low, int high) {
    return low == high ? Integer.toString(low) : low + ":" + high;
  }

  @Override
  public void validate(IpHeader header) {
    if (nativePorts() && header.protocol() != 6) {
      throw IptablesException.parameter("TCP match requires '-p tcp'");
    }
  }

  @Override
  public KernelError check(Placement placement) {
    return nativePorts() || placement.header().requiresProtocol(6) ? null : KernelError.EINVAL;
  }

  /** The {@code tcp} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("tcp", List.of(
          OptionSpec.withArg("source-port").alias("sport"),
          OptionSpec.withArg("destination-port").alias("dport"),
          OptionSpec.flag("syn"),
          OptionSpec.withArg("tcp-flags"),
          OptionSpec.withArg("tcp-option")));
    }

    @Override
    public boolean genericChecks() {
      return false;
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new Parser();
    }
  }

  private static final class Parser implements ExtensionParser<Match> {
    int[] sport = {0, 65535};
    int[] dport = {0, 65535};
    boolean sportInverted;
    boolean dportInverted;
    boolean flagsSeen;
    int flagMask;
    int flagCompare;
    boolean flagsInverted;
    boolean optionSeen;
    int option;
    boolean optionInverted;
    boolean sportSeen;
    boolean dportSeen;

    @Override
    public void option(OptionSpec spec, String arg, boolean inverted, ParseContext context) {
      switch (spec.name()) {
        case "source-port" -> {
          if (sportSeen) {
            throw IptablesException.parameter("Only one `--source-port' allowed");
          }
          sportSeen = true;
          sport = ports(arg, "tcp");
          sportInverted = inverted;
        }
        case "destination-port" -> {
          if (dportSeen) {
            throw IptablesException.parameter("Only one `--destination-port' allowed");
          }
          dportSeen = true;
          dport = ports(arg, "tcp");
          dportInverted = inverted;
        }
        case "syn" -> {
          flagsOnce();
          flagMask = 0x17;
          flagCompare = 0x02;
          flagsInverted = inverted;
        }
        case "tcp-flags" -> {
          flagsOnce();
          if (!context.words().hasNext()) {
            throw IptablesException.parameter("--tcp-flags requires two args.");
          }
          flagMask = parseFlags(arg);
          flagCompare = parseFlags(context.words().next());
          flagsInverted = inverted;
        }
        case "tcp-option" -> {
          if (optionSeen) {
            throw IptablesException.parameter("Only one `--tcp-option' allowed");
          }
          optionSeen = true;
          long value = CNumbers.parseUnsigned(arg, 1, 255);
          if (value < 0) {
            throw IptablesException.parameter("Bad TCP option \"" + arg + "\"");
          }
          option = (int) value;
          optionInverted = inverted;
        }
        default -> throw new IllegalArgumentException(spec.name());
      }
    }

    private void flagsOnce() {
      if (flagsSeen) {
        throw IptablesException.parameter("Only one of `--syn' or `--tcp-flags'  allowed");
      }
      flagsSeen = true;
    }

    @Override
    public Match build(ParseContext context) {
      return new TcpMatch(sport[0], sport[1], sportInverted, dport[0], dport[1], dportInverted, flagMask,
          flagCompare, flagsInverted, option, optionInverted);
    }
  }

  /** {@code parse_tcp_ports}: {@code port}, {@code low:high}, {@code :high}, {@code low:}. */
  static int[] ports(String arg, String protocol) {
    int colon = arg.indexOf(':');
    if (colon < 0) {
      int port = Xt.port(arg, protocol);
      return new int[] {port, port};
    }
    String low = arg.substring(0, colon);
    String high = arg.substring(colon + 1);
    int[] range = {low.isEmpty() ? 0 : Xt.port(low, protocol), high.isEmpty() ? 65535 : Xt.port(high, protocol)};
    if (range[0] > range[1]) {
      throw IptablesException.parameter("invalid portrange (min > max)");
    }
    return range;
  }

  static int parseFlags(String text) {
    int flags = 0;
    for (String name : text.split(",")) {
      if (name.isEmpty()) {
        continue;
      }
      int flag = switch (name.toUpperCase(Locale.ROOT)) {
        case "FIN" -> 0x01;
        case "SYN" -> 0x02;
        case "RST" -> 0x04;
        case "PSH" -> 0x08;
        case "ACK" -> 0x10;
        case "URG" -> 0x20;
        case "ALL" -> 0x3f;
        case "NONE" -> 0;
        default -> throw IptablesException.parameter("Unknown TCP flag `" + name + "'");
      };
      flags |= flag;
    }
    return flags;
  }
}
