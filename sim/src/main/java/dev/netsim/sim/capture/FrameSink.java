package dev.netsim.sim.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/** Where a capture puts the frames it keeps: tcpdump lines, a pcap file, or a list for the Java API. */
public interface FrameSink {
  void accept(CapturedFrame frame) throws IOException;

  /** Called once when the capture stops. */
  default void close() throws IOException {}

  /** tcpdump's lines on {@code out}, flushed per line as with {@code -l} (or a terminal). */
  static FrameSink lines(PrintStream out, FormatOptions options, LinkType link) {
    TcpdumpFormatter formatter = new TcpdumpFormatter(options, link);
    return frame -> {
      out.println(formatter.format(frame));
      out.flush();
    };
  }

  /** A pcap file on {@code out} (closed when the capture stops). */
  static FrameSink pcap(OutputStream out, LinkType link, int snapshotLength) throws IOException {
    PcapWriter writer = new PcapWriter(out, link, snapshotLength);
    return new FrameSink() {
      @Override
      public void accept(CapturedFrame frame) throws IOException {
        writer.write(frame);
      }

      @Override
      public void close() throws IOException {
        writer.close();
      }
    };
  }

  /** Adds each frame to {@code frames}. */
  static FrameSink collect(List<CapturedFrame> frames) {
    return frames::add;
  }
}
