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
import dev.netsim.core.value.Mac;
import java.util.Arrays;

/**
 * Reads frame bytes back into netsim's packet model: the inverse of {@link FrameEncoder} for what netsim
 * writes (IPv4 with TCP, UDP, ICMP or another protocol; ARP). Payloads that are all zeros come back as
 * length-only payloads, which is how netsim holds contents it does not know; TCP options other than MSS,
 * SACK-permitted, timestamps and window scale are dropped.
 */
public final class FrameDecoder {
  private FrameDecoder() {}

  /** Thrown for bytes that are not a frame netsim models (IPv6, a truncated header, ...). */
  public static final class UnsupportedFrameException extends Exception {
    private static final long serialVersionUID = 1L;

    UnsupportedFrameException(String message) {
      super(message);
    }
  }

  /** An Ethernet frame. */
  public static EthernetFrame ethernet(byte[] bytes) throws UnsupportedFrameException {
    if (bytes.length < EthernetFrame.HEADER_LENGTH) {
      throw new UnsupportedFrameException("frame shorter than an Ethernet header");
    }
    Mac dst = mac(bytes, 0);
    Mac src = mac(bytes, 6);
    int etherType = u16(bytes, 12);
    return new EthernetFrame(src, dst, l3(etherType, Arrays.copyOfRange(bytes, 14, bytes.length)));
  }

  /** The network-layer packet that follows a link-layer header of {@code etherType}. */
  public static L3 l3(int etherType, byte[] bytes) throws UnsupportedFrameException {
    if (etherType == EthernetFrame.ETHERTYPE_IPV4) {
      return ipv4(bytes, false);
    }
    if (etherType == EthernetFrame.ETHERTYPE_ARP) {
      return arp(bytes);
    }
    throw new UnsupportedFrameException(String.format("ethertype 0x%04x", etherType));
  }

  static Mac mac(byte[] bytes, int offset) {
    long bits = 0;
    for (int i = 0; i < 6; i++) {
      bits = bits << 8 | (bytes[offset + i] & 0xff);
    }
    return new Mac(bits);
  }

  private static int u16(byte[] bytes, int offset) {
    return (bytes[offset] & 0xff) << 8 | (bytes[offset + 1] & 0xff);
  }

  private static int i32(byte[] bytes, int offset) {
    return u16(bytes, offset) << 16 | u16(bytes, offset + 2);
  }

  private static ArpPacket arp(byte[] bytes) throws UnsupportedFrameException {
    if (bytes.length < 28 || u16(bytes, 0) != 1 || u16(bytes, 2) != EthernetFrame.ETHERTYPE_IPV4
        || (u16(bytes, 6) != ArpPacket.REQUEST && u16(bytes, 6) != ArpPacket.REPLY)) {
      throw new UnsupportedFrameException("ARP other than IPv4 over Ethernet requests and replies");
    }
    return new ArpPacket(u16(bytes, 6), mac(bytes, 8), i32(bytes, 14), mac(bytes, 18), i32(bytes, 24));
  }

  /** An IPv4 packet; a quoted one (inside an ICMP error) may be cut short. */
  private static Ipv4Packet ipv4(byte[] bytes, boolean quoted) throws UnsupportedFrameException {
    if (bytes.length < 20 || (bytes[0] & 0xf0) != 0x40) {
      throw new UnsupportedFrameException("not an IPv4 packet");
    }
    int headerLength = (bytes[0] & 0x0f) * 4;
    int totalLength = u16(bytes, 2);
    if (headerLength < 20 || totalLength < headerLength || (!quoted && totalLength > bytes.length)) {
      throw new UnsupportedFrameException("bad IPv4 lengths");
    }
    int flagsAndOffset = u16(bytes, 6);
    int protocol = bytes[9] & 0xff;
    byte[] body = Arrays.copyOfRange(bytes, headerLength, Math.min(totalLength, bytes.length));
    L4 l4 = l4(protocol, body, totalLength - headerLength);
    return new Ipv4Packet(i32(bytes, 12), i32(bytes, 16), bytes[8] & 0xff, bytes[1] & 0xff, u16(bytes, 4),
        (flagsAndOffset & 0x4000) != 0, (flagsAndOffset & 0x2000) != 0, flagsAndOffset & 0x1fff, l4);
  }

  /** A transport of {@code length} bytes of which {@code bytes} were kept. */
  private static L4 l4(int protocol, byte[] bytes, int length) throws UnsupportedFrameException {
    switch (protocol) {
      case 6: {
        if (bytes.length < 20) {
          throw new UnsupportedFrameException("truncated TCP header");
        }
        int headerLength = (bytes[12] & 0xf0) >>> 2;
        if (headerLength < 20 || headerLength > bytes.length) {
          throw new UnsupportedFrameException("bad TCP header length");
        }
        return new Tcp(u16(bytes, 0), u16(bytes, 2), i32(bytes, 4) & 0xffff_ffffL, i32(bytes, 8) & 0xffff_ffffL,
            bytes[13] & 0xff, u16(bytes, 14), tcpOptions(bytes, headerLength),
            payload(bytes, headerLength, length - headerLength));
      }
      case 17:
        if (bytes.length < 8) {
          throw new UnsupportedFrameException("truncated UDP header");
        }
        return new Udp(u16(bytes, 0), u16(bytes, 2), payload(bytes, 8, length - 8));
      case 1: {
        if (bytes.length < 8) {
          throw new UnsupportedFrameException("truncated ICMP header");
        }
        int type = bytes[0] & 0xff;
        int code = bytes[1] & 0xff;
        if (Icmp.isErrorType(type) && bytes.length >= 28) {
          Ipv4Packet offending = ipv4(Arrays.copyOfRange(bytes, 8, bytes.length), true);
          return new Icmp(type, code, u16(bytes, 4), u16(bytes, 6), Payload.EMPTY, offending);
        }
        return new Icmp(type, code, u16(bytes, 4), u16(bytes, 6), payload(bytes, 8, length - 8), null);
      }
      default:
        return new OpaqueL4(protocol, payload(bytes, 0, length));
    }
  }

  private static TcpOptions tcpOptions(byte[] bytes, int headerLength) {
    int mss = -1;
    boolean sack = false;
    long tsVal = -1;
    long tsEcr = -1;
    int scale = -1;
    int i = 20;
    while (i < headerLength) {
      int kind = bytes[i] & 0xff;
      if (kind == 0) {
        break;
      }
      if (kind == 1) {
        i++;
        continue;
      }
      int length = i + 1 < headerLength ? bytes[i + 1] & 0xff : 0;
      if (length < 2 || i + length > headerLength) {
        break;
      }
      switch (kind) {
        case 2 -> mss = length == 4 ? u16(bytes, i + 2) : mss;
        case 3 -> scale = length == 3 ? bytes[i + 2] & 0xff : scale;
        case 4 -> sack = true;
        case 8 -> {
          if (length == 10) {
            tsVal = i32(bytes, i + 2) & 0xffff_ffffL;
            tsEcr = i32(bytes, i + 6) & 0xffff_ffffL;
          }
        }
        default -> { }
      }
      i += length;
    }
    return new TcpOptions(mss, sack, tsVal, tsEcr, scale);
  }

  /** {@code length} bytes from {@code offset}; zeros, or bytes cut off by a quote, are kept as a length. */
  private static Payload payload(byte[] bytes, int offset, int length) {
    if (length <= 0) {
      return Payload.EMPTY;
    }
    if (offset + length > bytes.length) {
      return Payload.ofLength(length);
    }
    byte[] contents = Arrays.copyOfRange(bytes, offset, offset + length);
    for (byte b : contents) {
      if (b != 0) {
        return Payload.of(contents);
      }
    }
    return Payload.ofLength(length);
  }
}
