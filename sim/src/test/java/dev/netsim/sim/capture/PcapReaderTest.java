package dev.netsim.sim.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Files the real tcpdump wrote (a ping, an HTTP request to port 8080, a refused connection and a UDP datagram
 * to a closed port between two namespaces) read by netsim, printed like the real {@code tcpdump -r} printed
 * them (kept next to them).
 */
class PcapReaderTest {
  private static List<String> readAndFormat(String name, FormatOptions options) throws Exception {
    try (InputStream in = PcapReaderTest.class.getResourceAsStream(name)) {
      PcapReader reader = new PcapReader(in, "A", index -> null);
      TcpdumpFormatter formatter = new TcpdumpFormatter(options, reader.link());
      List<String> lines = new ArrayList<>();
      for (CapturedFrame frame = reader.next(); frame != null; frame = reader.next()) {
        lines.add(formatter.format(frame));
      }
      return lines;
    }
  }

  private static List<String> expected(String name) throws IOException {
    try (InputStream in = PcapReaderTest.class.getResourceAsStream(name)) {
      return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    }
  }

  @Test
  void readsAnEthernetCaptureOfTheRealTcpdump() throws Exception {
    assertThat(readAndFormat("real-a0.pcap", FormatOptions.NUMERIC)).containsExactlyElementsOf(expected("real-a0.txt"));
  }

  @Test
  void readsACookedCaptureOfTheRealTcpdump() throws Exception {
    assertThat(readAndFormat("real-any.pcap", FormatOptions.NUMERIC.withLinkHeader(true)))
        .containsExactlyElementsOf(expected("real-any.txt"));
  }

  @Test
  void writtenFramesReadBackUnchanged() throws Exception {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    List<CapturedFrame> frames = SampleFrames.onBridge();
    try (PcapWriter writer = new PcapWriter(file, LinkType.ETHERNET)) {
      for (CapturedFrame frame : frames) {
        writer.write(frame);
      }
    }
    PcapReader reader = new PcapReader(new ByteArrayInputStream(file.toByteArray()), "", index -> null);
    for (CapturedFrame frame : frames) {
      CapturedFrame back = reader.next();
      assertThat(back.frame()).isEqualTo(frame.frame());
      assertThat(back.nanos()).isEqualTo(frame.nanos() / 1000 * 1000);
    }
    assertThat(reader.next()).isNull();
  }

  @Test
  void refusesWhatLibpcapRefusesInItsWords() {
    // `tcpdump -r /etc/hostname` (3 bytes) and `tcpdump -r /dev/null` on the real machine.
    assertThatThrownBy(() -> new PcapReader(new ByteArrayInputStream("vm\n".getBytes(StandardCharsets.US_ASCII)),
        "", index -> null)).hasMessage("truncated dump file; tried to read 4 file header bytes, only got 3");
    assertThatThrownBy(() -> new PcapReader(new ByteArrayInputStream(new byte[0]), "", index -> null))
        .hasMessage("truncated dump file; tried to read 4 file header bytes, only got 0");
  }
}
