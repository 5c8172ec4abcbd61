package dev.netsim.sim.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapWriterTest {
  @TempDir
  Path dir;

  @Test
  void fileHeaderIsTheOneLibpcapWrites() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new PcapWriter(bytes, LinkType.LINUX_SLL2).flush();

    // The first 24 bytes of a file written by the real `tcpdump -i any -w` on this machine.
    assertThat(HexFormat.of().formatHex(bytes.toByteArray()))
        .isEqualTo("d4c3b2a1" + "02000400" + "00000000" + "00000000" + "00000400" + "14010000");
  }

  @Test
  void cookedV2RecordCarriesIndexTypeAndSourceAddress() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PcapWriter writer = new PcapWriter(bytes, LinkType.LINUX_SLL2);
    TapPoint a0 = TapPoint.ethernet("A", "a0", 2, SampleFrames.RED);
    writer.write(CapturedFrame.transmitted(a0, SampleFrames.all().get(0), 2_500_000_000L));
    byte[] file = bytes.toByteArray();

    String record = HexFormat.of().formatHex(file, 24, 24 + 16 + 20);
    long seconds = SimulatedWallClock.EPOCH_SECONDS + 2;
    String secondsLittle = HexFormat.of().formatHex(new byte[] {
        (byte) seconds, (byte) (seconds >>> 8), (byte) (seconds >>> 16), (byte) (seconds >>> 24)});
    // Record header (500000 us, 48 bytes captured of 48), then as the real tcpdump wrote for an outgoing ARP
    // request on ifindex 2: protocol 0806, reserved, ifindex, ARPHRD_ETHER, OUTGOING, 6, the MAC padded to 8.
    assertThat(record).isEqualTo(secondsLittle + "20a10700" + "30000000" + "30000000"
        + "0806" + "0000" + "00000002" + "0001" + "04" + "06" + "3a24c49dfe78" + "0000");
    assertThat(file).hasSize(24 + 16 + 48);
  }

  @Test
  void theRealTcpdumpReadsTheFilesAndFindsEveryChecksumCorrect() throws IOException {
    Path file = dir.resolve("sample.pcap");
    try (OutputStream out = Files.newOutputStream(file); PcapWriter writer = new PcapWriter(out, LinkType.ETHERNET)) {
      for (CapturedFrame frame : SampleFrames.onBridge()) {
        writer.write(frame);
      }
    }

    assertThat(RealTcpdump.stderr(file, "-n"))
        .isEqualTo("reading from file " + file + ", link-type EN10MB (Ethernet), snapshot length 262144\n");
    List<String> verbose = RealTcpdump.read(file, "-n", "-vv");
    assertThat(verbose).hasSizeGreaterThan(SampleFrames.onBridge().size());
    assertThat(verbose).noneMatch(line -> line.contains("incorrect") || line.contains("bad cksum")
        || line.contains("wrong icmp cksum") || line.contains("bad udp cksum") || line.contains("bad length"));
    assertThat(verbose).filteredOn(line -> line.contains("cksum") && line.contains("(correct)")).hasSizeGreaterThan(20);
  }

  @Test
  void cookedFilesAreAnnouncedAsTcpdumpAnnouncesThem() throws IOException {
    Path file = dir.resolve("any.pcap");
    try (OutputStream out = Files.newOutputStream(file); PcapWriter writer = new PcapWriter(out, LinkType.LINUX_SLL2)) {
      writer.write(CapturedFrame.received(TapPoint.loopback("", 1), SampleFrames.all().get(3), 0));
    }

    assertThat(RealTcpdump.stderr(file, "-n")).isEqualTo("reading from file " + file
        + ", link-type LINUX_SLL2 (Linux cooked v2), snapshot length 262144\n"
        + "Warning: interface names might be incorrect\n");
  }

  @Test
  void snapshotLengthTruncatesRecords() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PcapWriter writer = new PcapWriter(bytes, LinkType.ETHERNET, 60);
    writer.write(CapturedFrame.received(SampleFrames.BR0, SampleFrames.all().get(3), 0));

    assertThat(bytes.toByteArray()).hasSize(24 + 16 + 60);
    assertThatThrownBy(() -> new PcapWriter(bytes, LinkType.ETHERNET, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("snapshot length");
  }
}
