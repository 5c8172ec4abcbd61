package dev.netsim.sim.conntrack;

import dev.netsim.core.packet.Tcp;

/**
 * TCP connection tracking as nf_conntrack_proto_tcp does it: the flag-combination check, which segments may
 * open an entry, and the state transition table indexed by direction, segment kind and current state.
 *
 * <p>Sequence and window tracking is not modelled: netsim's own TCP stacks never send out-of-window
 * segments, so the window checks would always pass.
 */
final class TcpTracker {
  /** The segment kinds the kernel's table is indexed by. */
  enum Kind {
    SYN,
    SYNACK,
    FIN,
    ACK,
    RST,
    NONE
  }

  /** What the table says about a segment: a next state, or that it is invalid, or ignored. */
  enum Outcome {
    NEXT,
    INVALID,
    IGNORED
  }

  private static final int INVALID = -1;
  private static final int IGNORED = -2;
  private static final int[][][] TABLE = new int[2][Kind.values().length][];

  static {
    // Columns: NONE SYN_SENT SYN_RECV ESTABLISHED FIN_WAIT CLOSE_WAIT LAST_ACK TIME_WAIT CLOSE SYN_SENT2;
    // "iv" = invalid, "ig" = ignored, as in the kernel's tcp_conntracks table.
    row(Direction.ORIGINAL, Kind.SYN, "SS SS ig ig ig ig ig SS SS S2");
    row(Direction.ORIGINAL, Kind.SYNACK, "iv iv SR iv iv iv iv iv iv SR");
    row(Direction.ORIGINAL, Kind.FIN, "iv iv FW FW LA LA LA TW CL iv");
    row(Direction.ORIGINAL, Kind.ACK, "ES iv ES ES CW CW TW TW CL iv");
    row(Direction.ORIGINAL, Kind.RST, "iv CL CL CL CL CL CL CL CL CL");
    row(Direction.ORIGINAL, Kind.NONE, "iv iv iv iv iv iv iv iv iv iv");
    row(Direction.REPLY, Kind.SYN, "iv S2 iv iv iv iv iv SS iv S2");
    row(Direction.REPLY, Kind.SYNACK, "iv SR ig ig ig ig ig ig ig SR");
    row(Direction.REPLY, Kind.FIN, "iv iv FW FW LA LA LA TW CL iv");
    row(Direction.REPLY, Kind.ACK, "iv ig SR ES CW CW TW TW CL ig");
    row(Direction.REPLY, Kind.RST, "iv CL CL CL CL CL CL CL CL CL");
    row(Direction.REPLY, Kind.NONE, "iv iv iv iv iv iv iv iv iv iv");
  }

  private TcpTracker() {}

  private static void row(Direction dir, Kind kind, String cells) {
    String[] names = cells.split(" ");
    int[] row = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      row[i] = switch (names[i]) {
        case "iv" -> INVALID;
        case "ig" -> IGNORED;
        case "SS" -> TcpState.SYN_SENT.ordinal();
        case "SR" -> TcpState.SYN_RECV.ordinal();
        case "ES" -> TcpState.ESTABLISHED.ordinal();
        case "FW" -> TcpState.FIN_WAIT.ordinal();
        case "CW" -> TcpState.CLOSE_WAIT.ordinal();
        case "LA" -> TcpState.LAST_ACK.ordinal();
        case "TW" -> TcpState.TIME_WAIT.ordinal();
        case "CL" -> TcpState.CLOSE.ordinal();
        case "S2" -> TcpState.SYN_SENT2.ordinal();
        default -> throw new AssertionError(names[i]);
      };
    }
    TABLE[dir.ordinal()][kind.ordinal()] = row;
  }

  static Kind kindOf(Tcp tcp) {
    int flags = tcp.flags();
    if ((flags & Tcp.RST) != 0) {
      return Kind.RST;
    }
    if ((flags & Tcp.SYN) != 0) {
      return (flags & Tcp.ACK) != 0 ? Kind.SYNACK : Kind.SYN;
    }
    if ((flags & Tcp.FIN) != 0) {
      return Kind.FIN;
    }
    return (flags & Tcp.ACK) != 0 ? Kind.ACK : Kind.NONE;
  }

  /** The flag combinations the kernel accepts; PSH, ECE and CWR are ignored. Others are INVALID. */
  static boolean validFlags(Tcp tcp) {
    int flags = tcp.flags() & (Tcp.FIN | Tcp.SYN | Tcp.RST | Tcp.ACK | Tcp.URG);
    return switch (flags) {
      case Tcp.SYN, Tcp.SYN | Tcp.URG, Tcp.SYN | Tcp.ACK, Tcp.RST, Tcp.RST | Tcp.ACK, Tcp.FIN | Tcp.ACK,
          Tcp.FIN | Tcp.ACK | Tcp.URG, Tcp.ACK, Tcp.ACK | Tcp.URG -> true;
      default -> false;
    };
  }

  /** Whether a segment without an entry may open one: a SYN, or (loose pick-up) a bare ACK. */
  static boolean mayOpen(Tcp tcp) {
    return validFlags(tcp) && outcome(Direction.ORIGINAL, kindOf(tcp), TcpState.NONE) == Outcome.NEXT;
  }

  static Outcome outcome(Direction dir, Kind kind, TcpState state) {
    int cell = TABLE[dir.ordinal()][kind.ordinal()][state.ordinal()];
    return cell == INVALID ? Outcome.INVALID : cell == IGNORED ? Outcome.IGNORED : Outcome.NEXT;
  }

  /** The next state; only for an {@link Outcome#NEXT} cell. */
  static TcpState next(Direction dir, Kind kind, TcpState state) {
    int cell = TABLE[dir.ordinal()][kind.ordinal()][state.ordinal()];
    if (cell < 0) {
      throw new IllegalStateException("no next state for " + dir + " " + kind + " in " + state);
    }
    return TcpState.values()[cell];
  }
}
