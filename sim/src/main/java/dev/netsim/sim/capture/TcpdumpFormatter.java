package dev.netsim.sim.capture;

import dev.netsim.core.packet.ArpPacket;
import dev.netsim.core.packet.EthernetFrame;
import dev.netsim.core.packet.Icmp;
import dev.netsim.core.packet.Ipv4Packet;
import dev.netsim.core.packet.L3;
import dev.netsim.core.packet.L4;
import dev.netsim.core.packet.OpaqueL4;
import dev.netsim.core.packet.Payload;
import dev.netsim.core.packet.Tcp;
import dev.netsim.core.packet.TcpOptions;
import dev.netsim.core.packet.Udp;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes captured frames as the lines tcpdump 4.99 prints without {@code -v}: one formatter per running
 * tcpdump, because tcpdump remembers state between packets (each TCP conversation's initial sequence
 * numbers for relative numbering, the previous packet's time for {@code -ttt}, the packet count for
 * {@code -#}).
 *
 * <p>Every format here was compared with the real tcpdump reading the same frames (see the tests).
 * Known differences: netsim does not emulate tcpdump's application-layer decoders other than HTTP
 * (TCP ports 80 and 8080); a UDP datagram to, say, port 53 or 123 prints as {@code UDP, length N} where
 * tcpdump would decode DNS or NTP; an ICMP router advertisement prints only its type name.
 */
public final class TcpdumpFormatter {
  private static final int HTTP_PORT = 80;
  private static final int HTTP_PORT_ALT = 8080;
  private static final Set<String> HTTP_METHODS = Set.of(
      "GET", "PUT", "COPY", "HEAD", "LOCK", "MOVE", "POLL", "POST", "BCOPY", "BMOVE", "MKCOL", "TRACE",
      "LABEL", "MERGE", "DELETE", "SEARCH", "UNLOCK", "REPORT", "UPDATE", "NOTIFY", "BDELETE", "CONNECT",
      "OPTIONS", "CHECKIN", "PROPFIND", "CHECKOUT", "CCM_POST", "SUBSCRIBE", "PROPPATCH", "BPROPFIND",
      "BPROPPATCH", "UNCHECKOUT", "MKACTIVITY", "MKWORKSPACE", "UNSUBSCRIBE", "RPC_CONNECT",
      "VERSION-CONTROL", "BASELINE-CONTROL");

  private final FormatOptions options;
  private final LinkType link;
  private final AddressNames names;
  /** tcpdump's tcp_seq_hash: initial sequence numbers per conversation, keyed in one collating order. */
  private final Map<Conversation, long[]> initialSequences = new HashMap<>();
  private long firstMicros = Long.MIN_VALUE;
  private long previousMicros = Long.MIN_VALUE;
  private long printed;

  public TcpdumpFormatter(FormatOptions options, LinkType link) {
    this.options = Objects.requireNonNull(options, "options");
    this.link = Objects.requireNonNull(link, "link");
    this.names = options.names();
  }

  /** The line for one captured frame, without the line terminator. */
  public String format(CapturedFrame captured) {
    printed++;
    StringBuilder line = new StringBuilder(128);
    if (options.numbered()) {
      line.append(String.format(Locale.ROOT, "%5d  ", printed));
    }
    timestamp(line, SimulatedWallClock.epochMicros(captured.nanos()));
    EthernetFrame frame = captured.frame();
    switch (link) {
      case ETHERNET -> {
        if (options.linkHeader()) {
          line.append(names.mac(frame.src())).append(" > ").append(names.mac(frame.dst())).append(", ");
          etherType(line, frame.payload(), frame.length());
        }
      }
      case LINUX_SLL -> {
        if (options.linkHeader()) {
          line.append(String.format(Locale.ROOT, "%3s ", captured.type().marker()));
          line.append(names.mac(frame.src())).append(' ');
          etherType(line, frame.payload(), l3Length(frame.payload()) + link.headerLength());
        }
      }
      case LINUX_SLL2 -> {
        line.append(String.format(Locale.ROOT, "%-5s %-3s ", captured.at().device(), captured.type().marker()));
        if (options.linkHeader()) {
          line.append("ifindex ").append(captured.at().ifindex()).append(' ');
          line.append(names.mac(frame.src())).append(' ');
          etherType(line, frame.payload(), l3Length(frame.payload()) + link.headerLength());
        }
      }
    }
    L3 l3 = frame.payload();
    if (l3 instanceof Ipv4Packet ip) {
      if (!options.linkHeader()) {
        line.append("IP ");
      }
      ipv4(line, ip);
    } else {
      if (!options.linkHeader()) {
        line.append("ARP, ");
      }
      arp(line, (ArpPacket) l3);
    }
    return line.toString();
  }

  private static int l3Length(L3 l3) {
    return l3 instanceof Ipv4Packet ip ? ip.totalLength() : ((ArpPacket) l3).length();
  }

  private static void etherType(StringBuilder line, L3 l3, int length) {
    String name = l3 instanceof Ipv4Packet ? "IPv4" : "ARP";
    line.append("ethertype ").append(name)
        .append(String.format(Locale.ROOT, " (0x%04x), length %d: ", l3.etherType(), length));
  }

  private void timestamp(StringBuilder line, long micros) {
    switch (options.timestamps()) {
      case NONE -> {
        return;
      }
      case TIME_OF_DAY -> timeOfDay(line, micros);
      case EPOCH -> line.append(Math.floorDiv(micros, 1_000_000L)).append('.')
          .append(String.format(Locale.ROOT, "%06d", Math.floorMod(micros, 1_000_000L)));
      case DATE_TIME -> {
        LocalDateTime date = SimulatedWallClock.dateTime(micros);
        line.append(String.format(Locale.ROOT, "%04d-%02d-%02d ",
            date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
        timeOfDay(line, micros);
      }
      case DELTA_PREVIOUS -> duration(line, previousMicros == Long.MIN_VALUE ? 0 : micros - previousMicros);
      case DELTA_FIRST -> duration(line, firstMicros == Long.MIN_VALUE ? 0 : micros - firstMicros);
    }
    line.append(' ');
    if (firstMicros == Long.MIN_VALUE) {
      firstMicros = micros;
    }
    previousMicros = micros;
  }

  private static void timeOfDay(StringBuilder line, long micros) {
    long secondOfDay = Math.floorMod(Math.floorDiv(micros, 1_000_000L), 86_400L);
    line.append(String.format(Locale.ROOT, "%02d:%02d:%02d.%06d",
        secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60, Math.floorMod(micros, 1_000_000L)));
  }

  /** A time difference, signed as tcpdump signs it: a space for positive ones. */
  private static void duration(StringBuilder line, long micros) {
    line.append(micros < 0 ? '-' : ' ');
    micros = Math.abs(micros);
    long seconds = micros / 1_000_000L;
    line.append(String.format(Locale.ROOT, "%02d:%02d:%02d.%06d",
        seconds / 3600, seconds / 60 % 60, seconds % 60, micros % 1_000_000L));
  }

  private void arp(StringBuilder line, ArpPacket arp) {
    if (arp.op() == ArpPacket.REQUEST) {
      line.append("Request who-has ").append(names.ipv4(arp.targetIp()));
      if (arp.targetMac().bits() != 0) {
        line.append(" (").append(names.mac(arp.targetMac())).append(')');
      }
      line.append(" tell ").append(names.ipv4(arp.senderIp()));
    } else {
      line.append("Reply ").append(names.ipv4(arp.senderIp())).append(" is-at ").append(names.mac(arp.senderMac()));
    }
    line.append(", length ").append(arp.length());
  }

  private void ipv4(StringBuilder line, Ipv4Packet ip) {
    String src = names.ipv4(ip.src());
    String dst = names.ipv4(ip.dst());
    if (ip.isLaterFragment()) {
      // Without its transport header, tcpdump can only name the protocol.
      line.append(src).append(" > ").append(dst).append(": ").append(protocolName(ip.protocol()));
      return;
    }
    L4 l4 = ip.l4();
    if (l4 instanceof Tcp tcp) {
      tcp(line, ip, tcp, src, dst);
    } else if (l4 instanceof Udp udp) {
      line.append(src).append('.').append(names.udpPort(udp.srcPort())).append(" > ")
          .append(dst).append('.').append(names.udpPort(udp.dstPort())).append(": UDP, length ")
          .append(udp.payload().length());
    } else if (l4 instanceof Icmp icmp) {
      line.append(src).append(" > ").append(dst).append(": ICMP ");
      icmp(line, icmp);
      line.append(", length ").append(icmp.length());
    } else {
      OpaqueL4 other = (OpaqueL4) l4;
      line.append(src).append(" > ").append(dst).append(":  ").append(protocolName(other.protocol()))
          .append(' ').append(other.length());
    }
  }

  private String protocolName(int protocol) {
    return IpProtocolNames.of(protocol, names.numeric());
  }

  private void icmp(StringBuilder line, Icmp icmp) {
    int type = icmp.type();
    int code = icmp.code();
    // The ICMP header's second word: id and seq for echo, the gateway for a redirect, the next-hop MTU
    // (low half) for "fragmentation needed", the pointer (first byte) for a parameter problem.
    int restOfHeader = icmp.id() << 16 | icmp.seq();
    switch (type) {
      case Icmp.ECHO_REQUEST, Icmp.ECHO_REPLY -> line.append("echo ")
          .append(type == Icmp.ECHO_REQUEST ? "request" : "reply")
          .append(", id ").append(icmp.id()).append(", seq ").append(icmp.seq());
      case Icmp.DEST_UNREACHABLE -> unreachable(line, icmp);
      case Icmp.REDIRECT -> {
        String target = names.ipv4(quotedDestination(icmp));
        String gateway = names.ipv4(restOfHeader);
        line.append(switch (code) {
          case 0 -> "redirect " + target + " to net " + gateway;
          case 1 -> "redirect " + target + " to host " + gateway;
          case 2 -> "redirect-tos " + target + " to net " + gateway;
          case 3 -> "redirect-tos " + target + " to host " + gateway;
          default -> "redirect-#" + code + " " + target + " to " + gateway;
        });
      }
      case Icmp.TIME_EXCEEDED -> line.append(switch (code) {
        case 0 -> "time exceeded in-transit";
        case 1 -> "ip reassembly time exceeded";
        default -> "time exceeded-#" + code;
      });
      case Icmp.PARAMETER_PROBLEM -> line.append(code != 0
          ? "parameter problem - code " + code
          : "parameter problem - octet " + (restOfHeader >>> 24));
      case 13 -> line.append("time stamp query id ").append(icmp.id()).append(" seq ").append(icmp.seq());
      case 14 -> {
        byte[] data = icmp.payload().bytes();
        line.append("time stamp reply id ").append(icmp.id()).append(" seq ").append(icmp.seq())
            .append(": org ").append(millisecondsOfDay(word(data, 0)))
            .append(", recv ").append(millisecondsOfDay(word(data, 4)))
            .append(", xmit ").append(millisecondsOfDay(word(data, 8)));
      }
      case 18 -> line.append(String.format(Locale.ROOT, "address mask is 0x%08x", word(icmp.payload().bytes(), 0)));
      default -> line.append(switch (type) {
        case 4 -> "source quench";
        case 10 -> "router solicitation";
        case 15 -> "information request";
        case 16 -> "information reply";
        case 17 -> "address mask request";
        default -> "type-#" + type;
      });
    }
  }

  private static long word(byte[] data, int offset) {
    long value = 0;
    for (int i = 0; i < 4; i++) {
      value = value << 8 | (offset + i < data.length ? data[offset + i] & 0xff : 0);
    }
    return value;
  }

  /** An ICMP timestamp (milliseconds since midnight UTC) as tcpdump prints it. */
  private static String millisecondsOfDay(long millis) {
    long seconds = millis / 1000;
    return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", seconds / 3600, seconds / 60 % 60, seconds % 60,
        millis % 1000);
  }

  private static int quotedDestination(Icmp icmp) {
    return icmp.quoted() == null ? 0 : icmp.quoted().dst();
  }

  private void unreachable(StringBuilder line, Icmp icmp) {
    String target = names.ipv4(quotedDestination(icmp));
    int code = icmp.code();
    switch (code) {
      case 0 -> line.append("net ").append(target).append(" unreachable");
      case 1 -> line.append("host ").append(target).append(" unreachable");
      case 2 -> line.append(target).append(" protocol ")
          .append(icmp.quoted() == null ? 0 : icmp.quoted().protocol()).append(" unreachable");
      case 3 -> portUnreachable(line, icmp.quoted(), target);
      case 4 -> {
        int mtu = icmp.seq();
        line.append(target).append(" unreachable - need to frag");
        if (mtu != 0) {
          line.append(" (mtu ").append(mtu).append(')');
        }
      }
      case 5 -> line.append(target).append(" unreachable - source route failed");
      case 6 -> line.append("net ").append(target).append(" unreachable - unknown");
      case 7 -> line.append("host ").append(target).append(" unreachable - unknown");
      case 8 -> line.append(target).append(" unreachable - source host isolated");
      case 9 -> line.append("net ").append(target).append(" unreachable - admin prohibited");
      case 10 -> line.append("host ").append(target).append(" unreachable - admin prohibited");
      case 11 -> line.append("net ").append(target).append(" unreachable - tos prohibited");
      case 12 -> line.append("host ").append(target).append(" unreachable - tos prohibited");
      case 13 -> line.append("host ").append(target).append(" unreachable - admin prohibited filter");
      case 14 -> line.append("host ").append(target).append(" unreachable - host precedence violation");
      case 15 -> line.append("host ").append(target).append(" unreachable - precedence cutoff");
      default -> line.append(target).append(" unreachable - #").append(code);
    }
  }

  private void portUnreachable(StringBuilder line, Ipv4Packet quoted, String target) {
    if (quoted == null) {
      line.append(target).append(" protocol 0 port 0 unreachable");
      return;
    }
    L4 l4 = quoted.l4();
    if (l4 instanceof Tcp tcp) {
      line.append(target).append(" tcp port ").append(names.tcpPort(tcp.dstPort())).append(" unreachable");
    } else if (l4 instanceof Udp udp) {
      line.append(target).append(" udp port ").append(names.udpPort(udp.dstPort())).append(" unreachable");
    } else {
      // tcpdump reads the bytes where a UDP header keeps its destination port.
      byte[] header = FrameEncoder.transportBytes(quoted);
      int port = header.length >= 4 ? (header[2] & 0xff) << 8 | (header[3] & 0xff) : 0;
      line.append(target).append(" protocol ").append(quoted.protocol()).append(" port ").append(port)
          .append(" unreachable");
    }
  }

  private void tcp(StringBuilder line, Ipv4Packet ip, Tcp tcp, String src, String dst) {
    line.append(src).append('.').append(names.tcpPort(tcp.srcPort())).append(" > ")
        .append(dst).append('.').append(names.tcpPort(tcp.dstPort())).append(": Flags [");
    flags(line, tcp.flags());
    line.append(']');
    long seq = tcp.seq() & 0xffff_ffffL;
    long ack = tcp.ack() & 0xffff_ffffL;
    if (!options.absoluteSequence() && tcp.has(Tcp.ACK)) {
      int sport = tcp.srcPort();
      int dport = tcp.dstPort();
      boolean reversed = sport > dport || (sport == dport && Integer.compareUnsigned(ip.src(), ip.dst()) > 0);
      Conversation key = reversed
          ? new Conversation(ip.dst(), ip.src(), dport << 16 | sport)
          : new Conversation(ip.src(), ip.dst(), sport << 16 | dport);
      long[] initial = initialSequences.get(key);
      if (initial == null || tcp.has(Tcp.SYN)) {
        // New conversation: remember its numbers and print these ones absolute.
        long thisSeq = seq;
        long thisAck = (ack - 1) & 0xffff_ffffL;
        initialSequences.put(key, reversed ? new long[] {thisAck, thisSeq} : new long[] {thisSeq, thisAck});
      } else if (reversed) {
        seq = (seq - initial[1]) & 0xffff_ffffL;
        ack = (ack - initial[0]) & 0xffff_ffffL;
      } else {
        seq = (seq - initial[0]) & 0xffff_ffffL;
        ack = (ack - initial[1]) & 0xffff_ffffL;
      }
    }
    int length = tcp.payload().length();
    if (length > 0 || (tcp.flags() & (Tcp.SYN | Tcp.FIN | Tcp.RST)) != 0) {
      line.append(", seq ").append(seq);
      if (length > 0) {
        line.append(':').append((seq + length) & 0xffff_ffffL);
      }
    }
    if (tcp.has(Tcp.ACK)) {
      line.append(", ack ").append(ack);
    }
    line.append(", win ").append(tcp.window());
    if (tcp.has(Tcp.URG)) {
      line.append(", urg 0");
    }
    options(line, tcp.options());
    line.append(", length ").append(length);
    if (length > 0 && (isHttpPort(tcp.srcPort()) || isHttpPort(tcp.dstPort()))) {
      line.append(": ");
      http(line, tcp.payload());
    }
  }

  private static boolean isHttpPort(int port) {
    return port == HTTP_PORT || port == HTTP_PORT_ALT;
  }

  private static void flags(StringBuilder line, int flags) {
    if (flags == 0) {
      line.append("none");
      return;
    }
    String[] letters = {"F", "S", "R", "P", ".", "U", "E", "W"};
    for (int bit = 0; bit < letters.length; bit++) {
      if ((flags & 1 << bit) != 0) {
        line.append(letters[bit]);
      }
    }
  }

  /** The options in the order Linux lays them out (see {@link FrameEncoder#tcpOptionKinds}). */
  private static void options(StringBuilder line, TcpOptions options) {
    int[] kinds = FrameEncoder.tcpOptionKinds(options);
    if (kinds.length == 0) {
      return;
    }
    line.append(", options [");
    for (int i = 0; i < kinds.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      switch (kinds[i]) {
        case FrameEncoder.OPT_NOP -> line.append("nop");
        case FrameEncoder.OPT_MSS -> line.append("mss ").append(options.mss());
        case FrameEncoder.OPT_WSCALE -> line.append("wscale ").append(options.windowScale());
        case FrameEncoder.OPT_SACK_PERMITTED -> line.append("sackOK");
        case FrameEncoder.OPT_TIMESTAMPS -> line.append("TS val ").append(options.tsVal() & 0xffff_ffffL)
            .append(" ecr ").append(options.tsEcr() & 0xffff_ffffL);
        default -> throw new IllegalStateException("option kind " + kinds[i]);
      }
    }
    line.append(']');
  }

  /** tcpdump's txtproto_print for HTTP: the protocol name, and the first line of a request or response. */
  private static void http(StringBuilder line, Payload payload) {
    byte[] data = payload.bytes();
    line.append("HTTP");
    int[] position = {0};
    String first = token(data, position);
    boolean request = first != null && HTTP_METHODS.contains(first.toUpperCase(Locale.ROOT));
    String second = first == null ? null : token(data, position);
    boolean response = second != null && second.length() == 3 && second.chars().allMatch(c -> c >= '0' && c <= '9');
    if (request || response) {
      firstTextLine(line, data);
    }
  }

  /** tcpdump's fetch_token: a printable token, then the blanks after it; null when there is none. */
  private static String token(byte[] data, int[] position) {
    int i = position[0];
    StringBuilder token = new StringBuilder();
    for (; i < data.length; i++) {
      int c = data[i] & 0xff;
      if (c >= 0x80) {
        return null;
      }
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        break;
      }
      if (c < 0x20 || c > 0x7e || token.length() + 2 > 129) {
        return null;
      }
      token.append((char) c);
    }
    if (token.length() == 0) {
      return null;
    }
    for (; i < data.length; i++) {
      int c = data[i] & 0xff;
      if (c == '\r' || c == '\n' || c < 0x20 || c > 0x7e || (c != ' ' && c != '\t')) {
        break;
      }
    }
    position[0] = i;
    return token.toString();
  }

  /**
   * tcpdump's print_txt_line with the ": " prefix: the line if it is printable text, else nothing. A line
   * that runs to the end of the segment is printed and then marked truncated, as tcpdump marks it.
   */
  private static void firstTextLine(StringBuilder line, byte[] data) {
    int i = 0;
    boolean ended = false;
    while (i < data.length) {
      int c = data[i] & 0xff;
      if (c == '\n') {
        ended = true;
        break;
      }
      if (c == '\r') {
        if (i + 1 < data.length && data[i + 1] == '\n') {
          ended = true;
          break;
        }
        return;
      }
      if ((c < 0x20 || c > 0x7e) && c != '\t') {
        return;
      }
      i++;
    }
    line.append(": ").append(new String(data, 0, i, StandardCharsets.ISO_8859_1));
    if (!ended) {
      line.append(" [|http]");
    }
  }

  /** One direction-independent TCP conversation, as tcpdump keys it. */
  private record Conversation(int src, int dst, int ports) {}
}
