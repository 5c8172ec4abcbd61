package dev.netsim.sim.capture;

import dev.netsim.core.packet.EthernetFrame;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Writes the classic pcap file format (as libpcap's {@code pcap_dump} does on a little-endian host): a
 * 24-byte file header (magic {@code a1b2c3d4}, version 2.4, snapshot length 262144, the link type), then per
 * frame a 16-byte record header (seconds and microseconds of the simulated wall clock, captured and
 * original length) and the frame's bytes from {@link FrameEncoder}. Captures on {@code any} get Linux cooked
 * headers (v2, or v1 for tcpdump's fallback), as tcpdump writes them.
 */
public final class PcapWriter implements AutoCloseable {
  /** tcpdump's default snapshot length. */
  public static final int SNAPSHOT_LENGTH = 262_144;
  private static final int MAGIC = 0xa1b2c3d4;
  private static final short ARPHRD_ETHER = 1;
  private static final short ARPHRD_LOOPBACK = 772;

  private final OutputStream out;
  private final LinkType link;
  private final int snapshotLength;

  /** Starts a file on {@code out} (writing its header at once). */
  public PcapWriter(OutputStream out, LinkType link, int snapshotLength) throws IOException {
    this.out = Objects.requireNonNull(out, "out");
    this.link = Objects.requireNonNull(link, "link");
    if (snapshotLength <= 0) {
      throw new IllegalArgumentException("snapshot length must be positive: " + snapshotLength);
    }
    this.snapshotLength = snapshotLength;
    ByteBuffer header = little(24);
    header.putInt(MAGIC).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0)
        .putInt(snapshotLength).putInt(link.code());
    out.write(header.array());
  }

  public PcapWriter(OutputStream out, LinkType link) throws IOException {
    this(out, link, SNAPSHOT_LENGTH);
  }

  public LinkType link() {
    return link;
  }

  /** Appends one frame. */
  public void write(CapturedFrame captured) throws IOException {
    byte[] packet = switch (link) {
      case ETHERNET -> FrameEncoder.frameBytes(captured.frame());
      case LINUX_SLL -> cooked(captured, cookedV1Header(captured));
      case LINUX_SLL2 -> cooked(captured, cookedV2Header(captured));
    };
    long micros = SimulatedWallClock.epochMicros(captured.nanos());
    int captureLength = Math.min(packet.length, snapshotLength);
    ByteBuffer record = little(16);
    record.putInt((int) Math.floorDiv(micros, 1_000_000L)).putInt((int) Math.floorMod(micros, 1_000_000L))
        .putInt(captureLength).putInt(packet.length);
    out.write(record.array());
    out.write(packet, 0, captureLength);
  }

  private static byte[] cooked(CapturedFrame captured, ByteBuffer header) {
    byte[] l3 = FrameEncoder.l3Bytes(captured.frame());
    byte[] packet = new byte[header.capacity() + l3.length];
    System.arraycopy(header.array(), 0, packet, 0, header.capacity());
    System.arraycopy(l3, 0, packet, header.capacity(), l3.length);
    return packet;
  }

  /** LINUX_SLL2: protocol, reserved, ifindex, ARPHRD type, packet type, address length, address (8). */
  private static ByteBuffer cookedV2Header(CapturedFrame captured) {
    ByteBuffer header = ByteBuffer.allocate(20);
    EthernetFrame frame = captured.frame();
    header.putShort((short) frame.etherType()).putShort((short) 0).putInt(captured.at().ifindex())
        .putShort(captured.at().loopback() ? ARPHRD_LOOPBACK : ARPHRD_ETHER)
        .put((byte) captured.type().code()).put((byte) 6);
    putAddress(header, frame);
    return header;
  }

  /** LINUX_SLL: packet type, ARPHRD type, address length, address (8), protocol. */
  private static ByteBuffer cookedV1Header(CapturedFrame captured) {
    ByteBuffer header = ByteBuffer.allocate(16);
    EthernetFrame frame = captured.frame();
    header.putShort((short) captured.type().code())
        .putShort(captured.at().loopback() ? ARPHRD_LOOPBACK : ARPHRD_ETHER).putShort((short) 6);
    putAddress(header, frame);
    header.putShort((short) frame.etherType());
    return header;
  }

  /** The source MAC address, padded to the header's 8 address bytes. */
  private static void putAddress(ByteBuffer header, EthernetFrame frame) {
    for (int i = 0; i < 6; i++) {
      header.put((byte) frame.src().octet(i));
    }
    header.putShort((short) 0);
  }

  private static ByteBuffer little(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
