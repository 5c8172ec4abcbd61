package dev.netsim.sim.capture;

import dev.netsim.core.packet.ArpPacket;
import dev.netsim.core.packet.EthernetFrame;
import dev.netsim.core.packet.Ipv4Packet;
import dev.netsim.core.packet.L4;
import dev.netsim.core.packet.Tcp;
import dev.netsim.core.packet.Udp;
import dev.netsim.core.value.Mac;
import java.util.Objects;

/**
 * A compiled capture filter: the subset of pcap-filter(7) that netsim models, parsed once by
 * {@link #parse(String)} and then evaluated on each frame. Semantics follow libpcap's code generator:
 * {@code host} and {@code net} also match ARP's sender and target addresses; {@code port} matches TCP and
 * UDP but never a later fragment; {@code ip6} and {@code icmp6} match nothing, since netsim carries no IPv6.
 */
public sealed interface CaptureFilter {
  /** Whether the capture keeps {@code frame}. */
  boolean matches(EthernetFrame frame);

  /** The empty expression: every frame. */
  CaptureFilter ALL = new Constant(true);

  /**
   * Parses a filter expression as tcpdump receives it (its words joined by spaces).
   *
   * @throws FilterSyntaxException with tcpdump's message when tcpdump would refuse it, or marked
   *     {@linkplain FilterSyntaxException#notSimulated() not simulated} when netsim does not model it
   */
  static CaptureFilter parse(String expression) throws FilterSyntaxException {
    return new CaptureFilterParser(expression).parse();
  }

  /** Which end of a packet an address or port qualifier looks at. */
  enum Direction {
    SRC_OR_DST, SRC, DST, SRC_AND_DST;

    boolean test(boolean source, boolean destination) {
      return switch (this) {
        case SRC_OR_DST -> source || destination;
        case SRC -> source;
        case DST -> destination;
        case SRC_AND_DST -> source && destination;
      };
    }
  }

  /** Matches everything or nothing (the empty expression; {@code ip6}, which netsim never carries). */
  record Constant(boolean value) implements CaptureFilter {
    @Override
    public boolean matches(EthernetFrame frame) {
      return value;
    }
  }

  record And(CaptureFilter left, CaptureFilter right) implements CaptureFilter {
    public And {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public boolean matches(EthernetFrame frame) {
      return left.matches(frame) && right.matches(frame);
    }
  }

  record Or(CaptureFilter left, CaptureFilter right) implements CaptureFilter {
    public Or {
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public boolean matches(EthernetFrame frame) {
      return left.matches(frame) || right.matches(frame);
    }
  }

  record Not(CaptureFilter operand) implements CaptureFilter {
    public Not {
      Objects.requireNonNull(operand, "operand");
    }

    @Override
    public boolean matches(EthernetFrame frame) {
      return !operand.matches(frame);
    }
  }

  /** {@code ip}, {@code arp}: the frame's EtherType. */
  record EtherType(int type) implements CaptureFilter {
    @Override
    public boolean matches(EthernetFrame frame) {
      return frame.etherType() == type;
    }
  }

  /** {@code tcp}, {@code udp}, {@code icmp}: an IPv4 packet of that protocol (fragments included). */
  record IpProtocol(int protocol) implements CaptureFilter {
    @Override
    public boolean matches(EthernetFrame frame) {
      return frame.payload() instanceof Ipv4Packet ip && ip.protocol() == protocol;
    }
  }

  /**
   * {@code [ip|arp] [src|dst] host|net ADDRESS[/LEN]}: an IPv4 address (or an ARP sender/target address)
   * inside {@code address/mask}.
   */
  record Address(boolean ip, boolean arp, Direction direction, int address, int mask) implements CaptureFilter {
    @Override
    public boolean matches(EthernetFrame frame) {
      if (ip && frame.payload() instanceof Ipv4Packet packet) {
        return direction.test(inside(packet.src()), inside(packet.dst()));
      }
      if (arp && frame.payload() instanceof ArpPacket packet) {
        return direction.test(inside(packet.senderIp()), inside(packet.targetIp()));
      }
      return false;
    }

    private boolean inside(int candidate) {
      return (candidate & mask) == address;
    }
  }

  /** {@code [tcp|udp] [src|dst] port N} and {@code portrange N-M}: TCP or UDP ports, first fragments only. */
  record Port(boolean tcp, boolean udp, Direction direction, int low, int high) implements CaptureFilter {
    @Override
    public boolean matches(EthernetFrame frame) {
      if (!(frame.payload() instanceof Ipv4Packet packet) || packet.isLaterFragment()) {
        return false;
      }
      L4 l4 = packet.l4();
      if (tcp && l4 instanceof Tcp segment) {
        return direction.test(inRange(segment.srcPort()), inRange(segment.dstPort()));
      }
      if (udp && l4 instanceof Udp datagram) {
        return direction.test(inRange(datagram.srcPort()), inRange(datagram.dstPort()));
      }
      return false;
    }

    private boolean inRange(int port) {
      return port >= low && port <= high;
    }
  }

  /** {@code ether [src|dst] host MAC}. */
  record EtherHost(Direction direction, Mac mac) implements CaptureFilter {
    public EtherHost {
      Objects.requireNonNull(mac, "mac");
    }

    @Override
    public boolean matches(EthernetFrame frame) {
      return direction.test(frame.src().equals(mac), frame.dst().equals(mac));
    }
  }
}
