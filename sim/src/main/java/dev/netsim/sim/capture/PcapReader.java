package dev.netsim.sim.capture;

import dev.netsim.core.packet.EthernetFrame;
import dev.netsim.core.value.Mac;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Reads classic pcap files (either byte order, microsecond timestamps) with Ethernet or Linux cooked
 * headers, as {@code tcpdump -r} does, back into captured frames. Cooked records name their interface by
 * index; {@code interfaceNames} turns it into a name ({@code ?} when there is none, as tcpdump prints).
 */
public final class PcapReader {
  /** A file tcpdump itself would refuse, with libpcap's message. */
  public static final class BadFileException extends Exception {
    private static final long serialVersionUID = 1L;

    BadFileException(String message) {
      super(message);
    }
  }

  /** libpcap's largest record (MAXIMUM_SNAPLEN): a longer captured length is a damaged file. */
  static final int MAX_SNAPLEN = 262144;

  private final DataInputStream in;
  private final ByteOrder order;
  private final LinkType link;
  private final int snapshotLength;
  private final String netns;
  private final IntFunction<String> interfaceNames;

  /** Reads the file header. */
  public PcapReader(InputStream in, String netns, IntFunction<String> interfaceNames)
      throws IOException, BadFileException {
    this.in = new DataInputStream(in);
    this.netns = netns;
    this.interfaceNames = interfaceNames;
    byte[] header = readUpTo(24);
    if (header.length < 4) {
      throw new BadFileException("truncated dump file; tried to read 4 file header bytes, only got "
          + header.length);
    }
    int magic = ByteBuffer.wrap(header, 0, 4).order(ByteOrder.BIG_ENDIAN).getInt();
    if (magic == 0xa1b2c3d4) {
      order = ByteOrder.BIG_ENDIAN;
    } else if (magic == 0xd4c3b2a1) {
      order = ByteOrder.LITTLE_ENDIAN;
    } else {
      throw new BadFileException("unknown file format");
    }
    if (header.length < 24) {
      throw new BadFileException("truncated dump file; tried to read 24 file header bytes, only got "
          + header.length);
    }
    ByteBuffer fields = ByteBuffer.wrap(header).order(order);
    int major = Short.toUnsignedInt(fields.getShort(4));
    int minor = Short.toUnsignedInt(fields.getShort(6));
    if (major < 2) {
      throw new BadFileException("archaic pcap savefile format");
    }
    if (major != 2 || minor > 4) {
      throw new BadFileException("unsupported pcap savefile version " + major + "." + minor);
    }
    snapshotLength = fields.getInt(16);
    try {
      link = LinkType.ofCode(fields.getInt(20));
    } catch (IllegalArgumentException e) {
      throw new BadFileException("unsupported link type " + fields.getInt(20));
    }
  }

  public LinkType link() {
    return link;
  }

  public int snapshotLength() {
    return snapshotLength;
  }

  private byte[] readUpTo(int count) throws IOException {
    byte[] bytes = new byte[count];
    int read = 0;
    while (read < count) {
      int n = in.read(bytes, read, count - read);
      if (n < 0) {
        break;
      }
      read += n;
    }
    return read == count ? bytes : Arrays.copyOf(bytes, read);
  }

  /**
   * The next frame, or null at the end of the file.
   *
   * @throws FrameDecoder.UnsupportedFrameException for a record netsim cannot represent (the reader stays
   *     usable: the next call reads the next record)
   */
  public CapturedFrame next() throws IOException, BadFileException, FrameDecoder.UnsupportedFrameException {
    byte[] header = readUpTo(16);
    if (header.length == 0) {
      return null;
    }
    if (header.length < 16) {
      throw new BadFileException("truncated dump file; tried to read 16 header bytes, only got " + header.length);
    }
    ByteBuffer fields = ByteBuffer.wrap(header).order(order);
    long seconds = Integer.toUnsignedLong(fields.getInt(0));
    long micros = Integer.toUnsignedLong(fields.getInt(4));
    long captured = Integer.toUnsignedLong(fields.getInt(8));
    if (captured > MAX_SNAPLEN) {
      // a damaged or hostile length: refused before anything is allocated for it, as libpcap does
      throw new BadFileException("invalid packet capture length " + captured + ", bigger than "
          + (snapshotLength <= 0 || captured > Integer.toUnsignedLong(snapshotLength)
              ? "snaplen of " + snapshotLength : "maximum of " + MAX_SNAPLEN));
    }
    byte[] data = readUpTo((int) captured);
    if (data.length < captured) {
      throw new BadFileException("truncated dump file; tried to read " + captured + " captured bytes, only got "
          + data.length);
    }
    long nanos = (seconds - SimulatedWallClock.EPOCH_SECONDS) * 1_000_000_000L + micros * 1000L;
    return switch (link) {
      case ETHERNET -> {
        // On an Ethernet capture the interface is the one tcpdump was reading; its address is unknown.
        TapPoint at = new TapPoint(netns, "?", 1, Mac.ZERO, false);
        yield CapturedFrame.received(at, FrameDecoder.ethernet(data), nanos);
      }
      case LINUX_SLL2 -> {
        requireCookedHeader(data, 20);
        yield cooked(data, 20, u16(data, 0), fields(data).getInt(4), u16(data, 8), data[10] & 0xff, 12, nanos);
      }
      case LINUX_SLL -> {
        requireCookedHeader(data, 16);
        yield cooked(data, 16, u16(data, 14), 1, u16(data, 2), u16(data, 0), 6, nanos);
      }
    };
  }

  private static ByteBuffer fields(byte[] data) {
    return ByteBuffer.wrap(data).order(ByteOrder.BIG_ENDIAN);
  }

  private static int u16(byte[] data, int offset) {
    return (data[offset] & 0xff) << 8 | (data[offset + 1] & 0xff);
  }

  /** The cooked header's fields are read before anything else: the record must hold them. */
  private static void requireCookedHeader(byte[] data, int headerLength) throws FrameDecoder.UnsupportedFrameException {
    if (data.length < headerLength) {
      throw new FrameDecoder.UnsupportedFrameException("truncated cooked header");
    }
  }

  private CapturedFrame cooked(byte[] data, int headerLength, int protocol, int ifindex, int hardwareType,
      int packetType, int addressOffset, long nanos) throws FrameDecoder.UnsupportedFrameException {
    String name = interfaceNames.apply(ifindex);
    TapPoint at = new TapPoint(netns, name == null ? "?" : name, Math.max(ifindex, 1), Mac.ZERO,
        hardwareType == 772);
    Mac source = FrameDecoder.mac(data, addressOffset);
    EthernetFrame frame = new EthernetFrame(source, Mac.ZERO,
        FrameDecoder.l3(protocol, Arrays.copyOfRange(data, headerLength, data.length)));
    PacketType type = PacketType.ofCode(packetType);
    return new CapturedFrame(at, type, frame, nanos);
  }
}
