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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code -m sctp [!] --sport R [!] --dport R [!] --chunk-types any|all|only CHUNK[:FLAGS],...}: SCTP ports
 * (modelled) and chunk types (not carried by netsim packets: undetermined when asked for). Needs {@code -p
 * sctp}. Chunk flags are kept as iptables 1.8.9 keeps them, keyed by the chunk's position in its name table
 * (so flags on chunks numbered differently from their position, like I_DATA, are neither printed nor useful).
 *
 * @param matchType {@code any}, {@code all} or {@code only}; null when {@code --chunk-types} is absent
 * @param chunks the chunk type bitmap (256 bits)
 */
public record SctpMatch(int sportLow, int sportHigh, boolean sportInverted, boolean sportGiven, int dportLow,
    int dportHigh, boolean dportInverted, boolean dportGiven, String matchType, long[] chunks,
    List<ChunkFlags> flags, boolean chunksInverted) implements Match {

  /** One {@code xt_sctp_flag_info}: flags that must be set ({@code flag}) among {@code mask}. */
  public record ChunkFlags(int chunkType, int flag, int mask) {}

  private record ChunkName(String name, int type, String validFlags) {}

  private static final List<ChunkName> NAMES = List.of(
      new ChunkName("DATA", 0, "----IUBE"), new ChunkName("INIT", 1, "--------"),
      new ChunkName("INIT_ACK", 2, "--------"), new ChunkName("SACK", 3, "--------"),
      new ChunkName("HEARTBEAT", 4, "--------"), new ChunkName("HEARTBEAT_ACK", 5, "--------"),
      new ChunkName("ABORT", 6, "-------T"), new ChunkName("SHUTDOWN", 7, "--------"),
      new ChunkName("SHUTDOWN_ACK", 8, "--------"), new ChunkName("ERROR", 9, "--------"),
      new ChunkName("COOKIE_ECHO", 10, "--------"), new ChunkName("COOKIE_ACK", 11, "--------"),
      new ChunkName("ECN_ECNE", 12, "--------"), new ChunkName("ECN_CWR", 13, "--------"),
      new ChunkName("SHUTDOWN_COMPLETE", 14, "-------T"), new ChunkName("I_DATA", 64, "----IUBE"),
      new ChunkName("RE_CONFIG", 130, "--------"), new ChunkName("PAD", 132, "--------"),
      new ChunkName("ASCONF", 193, "--------"), new ChunkName("ASCONF_ACK", 128, "--------"),
      new ChunkName("FORWARD_TSN", 192, "--------"), new ChunkName("I_FORWARD_TSN", 194, "--------"));
  private static final int MAX_FLAG_INFOS = 4;

  public SctpMatch {
    chunks = chunks.clone();
    flags = List.copyOf(flags);
  }

  @Override
  public long[] chunks() {
    return chunks.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SctpMatch that && sportLow == that.sportLow && sportHigh == that.sportHigh
        && sportInverted == that.sportInverted && sportGiven == that.sportGiven && dportLow == that.dportLow
        && dportHigh == that.dportHigh && dportInverted == that.dportInverted && dportGiven == that.dportGiven
        && java.util.Objects.equals(matchType, that.matchType) && Arrays.equals(chunks, that.chunks)
        && flags.equals(that.flags) && chunksInverted == that.chunksInverted;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(sportLow, sportHigh, dportLow, dportHigh, matchType, Arrays.hashCode(chunks),
        flags);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("SctpMatch[");
    appendSave(text);
    return text.append(']').toString();
  }

  @Override
  public String name() {
    return "sctp";
  }

  private boolean chunkSet(int type) {
    return (chunks[type >>> 6] & (1L << (type & 63))) != 0;
  }

  private void appendChunks(StringBuilder out, boolean numeric) {
    out.append(' ').append(matchType);
    if (Arrays.stream(chunks).allMatch(word -> word == 0)) {
      out.append(" NONE");
      return;
    }
    if (Arrays.stream(chunks).allMatch(word -> word == -1L)) {
      out.append(" ALL");
      return;
    }
    String separator = " ";
    for (int type = 0; type < 256; type++) {
      if (!chunkSet(type)) {
        continue;
      }
      out.append(separator);
      separator = ",";
      if (numeric) {
        out.append(String.format(Locale.ROOT, "0x%04X", type));
      } else {
        for (ChunkName name : NAMES) {
          if (name.type() == type) {
            out.append(name.name());
          }
        }
      }
      for (ChunkFlags info : flags) {
        if (info.chunkType() == type) {
          out.append(info.mask() != 0 ? ":" : "");
          String valid = NAMES.get(type).validFlags();
          for (int bit = 7; bit >= 0; bit--) {
            if ((info.mask() & (1 << bit)) != 0) {
              char flag = valid.charAt(7 - bit);
              out.append((info.flag() & (1 << bit)) != 0 ? flag : Character.toLowerCase(flag));
            }
          }
        }
      }
    }
  }

  private static void savePorts(StringBuilder out, String option, int low, int high, boolean inverted) {
    out.append(inverted ? " !" : "").append(" --").append(option).append(' ').append(low);
    if (low != high) {
      out.append(':').append(high);
    }
  }

  @Override
  public void appendSave(StringBuilder out) {
    if (sportGiven) {
      savePorts(out, "sport", sportLow, sportHigh, sportInverted);
    }
    if (dportGiven) {
      savePorts(out, "dport", dportLow, dportHigh, dportInverted);
    }
    if (matchType != null) {
      out.append(chunksInverted ? " !" : "").append(" --chunk-types");
      appendChunks(out, false);
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" sctp");
    if (sportGiven) {
      PortRanges.list(out, "spt", sportLow, sportHigh, sportInverted, numeric, "sctp");
    }
    if (dportGiven) {
      PortRanges.list(out, "dpt", dportLow, dportHigh, dportInverted, numeric, "sctp");
    }
    if (matchType != null) {
      out.append(chunksInverted ? " !" : "");
      appendChunks(out, numeric);
    }
  }

  @Override
  public String notModelled() {
    return matchType != null ? "netsim does not model SCTP chunks (--chunk-types)" : null;
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    if (packet.protocol != 132 || packet.laterFragment || packet.srcPort < 0) {
      return MatchResult.NO_MATCH;
    }
    if (sportGiven && PortRanges.contains(sportLow, sportHigh, packet.srcPort) == sportInverted
        || dportGiven && PortRanges.contains(dportLow, dportHigh, packet.dstPort) == dportInverted) {
      return MatchResult.NO_MATCH;
    }
    return matchType != null ? MatchResult.UNDETERMINED : MatchResult.MATCH;
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    if (packet.protocol != 132 || packet.laterFragment || packet.srcPort < 0) {
      return "packet is not an SCTP packet with ports";
    }
    if (sportGiven && PortRanges.contains(sportLow, sportHigh, packet.srcPort) == sportInverted) {
      return "source port is " + packet.srcPort + ", rule wants " + (sportInverted ? "! " : "") + sportLow
          + (sportLow == sportHigh ? "" : ":" + sportHigh);
    }
    return "destination port is " + packet.dstPort + ", rule wants " + (dportInverted ? "! " : "") + dportLow
        + (dportLow == dportHigh ? "" : ":" + dportHigh);
  }

  @Override
  public KernelError check(Placement placement) {
    return placement.header().requiresProtocol(132) ? null : KernelError.EINVAL;
  }

  /** The {@code sctp} module (an old-style parser: {@code --chunk-types} takes two words). */
  public static final class Module extends MatchModule {
    public Module() {
      super("sctp", List.of(
          OptionSpec.withArg("source-port").alias("sport").invert().repeat(),
          OptionSpec.withArg("destination-port").alias("dport").invert().repeat(),
          OptionSpec.withArg("chunk-types").invert().repeat()));
    }

    private static int[] ports(String text) {
      int colon = text.indexOf(':');
      if (colon < 0) {
        int port = Xt.port(text, "sctp");
        return new int[] {port, port};
      }
      String low = text.substring(0, colon);
      String high = text.substring(colon + 1);
      int[] range = {low.isEmpty() ? 0 : Xt.port(low, "sctp"), high.isEmpty() ? 65535 : Xt.port(high, "sctp")};
      if (range[0] > range[1]) {
        throw IptablesException.parameter("invalid portrange (min > max)");
      }
      return range;
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        int[] sport;
        int[] dport;
        boolean sportInverted;
        boolean dportInverted;
        String matchType;
        final long[] chunks = new long[4];
        final List<ChunkFlags> flags = new ArrayList<>();
        boolean chunksInverted;

        private void addFlag(int chunkType, int bit, boolean set) {
          for (int i = 0; i < flags.size(); i++) {
            ChunkFlags info = flags.get(i);
            if (info.chunkType() == chunkType) {
              flags.set(i, new ChunkFlags(chunkType, info.flag() | (set ? 1 << bit : 0), info.mask() | 1 << bit));
              return;
            }
          }
          if (flags.size() == MAX_FLAG_INFOS) {
            throw IptablesException.parameter("Number of chunk types with flags exceeds currently allowed limit."
                + "Increasing this limit involves changing IPT_NUM_SCTP_FLAGS and"
                + "recompiling both the kernel space and user space modules\n");
          }
          flags.add(new ChunkFlags(chunkType, set ? 1 << bit : 0, 1 << bit));
        }

        private void parseChunks(String text) {
          if (text.equalsIgnoreCase("ALL")) {
            Arrays.fill(chunks, -1L);
            return;
          }
          if (text.equalsIgnoreCase("NONE")) {
            return;
          }
          for (String item : text.split(",")) {
            if (item.isEmpty()) {
              continue;
            }
            int colon = item.indexOf(':');
            String chunk = colon < 0 ? item : item.substring(0, colon);
            int index = -1;
            for (int i = 0; i < NAMES.size(); i++) {
              if (NAMES.get(i).name().equalsIgnoreCase(chunk)) {
                index = i;
                break;
              }
            }
            if (index < 0) {
              throw IptablesException.parameter("Unknown sctp chunk `" + chunk + "'");
            }
            int type = NAMES.get(index).type();
            chunks[type >>> 6] |= 1L << (type & 63);
            if (colon >= 0) {
              String valid = NAMES.get(index).validFlags();
              for (char flag : item.substring(colon + 1).toCharArray()) {
                int at = valid.indexOf(Character.toUpperCase(flag));
                if (at < 0) {
                  throw IptablesException.parameter("Invalid flags for chunk type " + index);
                }
                addFlag(index, 7 - at, Character.isUpperCase(flag));
              }
            }
          }
        }

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "source-port" -> {
              if (sport != null) {
                throw IptablesException.parameter("Only one `--source-port' allowed");
              }
              sport = ports(arg);
              sportInverted = inverted;
            }
            case "destination-port" -> {
              if (dport != null) {
                throw IptablesException.parameter("Only one `--destination-port' allowed");
              }
              dport = ports(arg);
              dportInverted = inverted;
            }
            default -> {
              if (matchType != null) {
                throw IptablesException.parameter("Only one `--chunk-types' allowed");
              }
              if (!ctx.words().hasNext()) {
                throw IptablesException.parameter("--chunk-types requires two args");
              }
              String type = arg.toLowerCase(Locale.ROOT);
              if (!List.of("any", "all", "only").contains(type)) {
                throw IptablesException.parameter("Match type has to be one of \"ALL\", \"ANY\" or \"ONLY\"");
              }
              matchType = type;
              parseChunks(ctx.words().next());
              chunksInverted = inverted;
            }
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new SctpMatch(sport != null ? sport[0] : 0, sport != null ? sport[1] : 0, sportInverted,
              sport != null, dport != null ? dport[0] : 0, dport != null ? dport[1] : 0, dportInverted,
              dport != null, matchType, chunks, flags, chunksInverted);
        }
      };
    }
  }
}
