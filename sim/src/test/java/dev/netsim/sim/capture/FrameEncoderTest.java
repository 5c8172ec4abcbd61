package dev.netsim.sim.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.core.packet.EthernetFrame;
import dev.netsim.core.packet.TcpOptions;
import java.io.DataInputStream;
import java.io.InputStream;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FrameEncoderTest {
  /**
   * Every frame of a real capture between two namespaces (ARP, ping, a TCP connection with an HTTP request,
   * a reset, UDP and ICMP port unreachable), decoded and encoded again, comes out byte for byte as Linux
   * sent it: lengths, IPv4 and ICMP checksums, TCP option layout. Except TCP and UDP checksums: Linux leaves
   * those to the (virtual) NIC, so a capture holds only the pseudo-header sum, while netsim writes the
   * checksum a real wire carries (which {@code tcpdump -vv} finds correct, see {@link PcapWriterTest}).
   */
  @Test
  void reencodingWhatLinuxSentGivesTheSameBytes() throws Exception {
    int frames = 0;
    try (InputStream in = FrameEncoderTest.class.getResourceAsStream("real-a0.pcap")) {
      DataInputStream data = new DataInputStream(in);
      data.readFully(new byte[24]);
      byte[] header = new byte[16];
      while (data.read(header) == 16) {
        int length = (header[8] & 0xff) | (header[9] & 0xff) << 8 | (header[10] & 0xff) << 16;
        byte[] wire = new byte[length];
        data.readFully(wire);
        EthernetFrame frame = FrameDecoder.ethernet(wire);

        assertThat(HexFormat.of().formatHex(withoutTransportChecksum(FrameEncoder.frameBytes(frame)))).as("%s", frame)
            .isEqualTo(HexFormat.of().formatHex(withoutTransportChecksum(wire)));
        frames++;
      }
    }
    assertThat(frames).isEqualTo(16);
  }

  /**
   * The frame with its TCP or UDP checksum zeroed (IPv4 without options); for an ICMP error, the quoted
   * packet's transport checksum and hence the ICMP checksum too, since Linux quotes what it received.
   */
  private static byte[] withoutTransportChecksum(byte[] frame) {
    byte[] copy = frame.clone();
    if (copy.length > 34 && copy[12] == 0x08 && copy[13] == 0x00) {
      zeroTransportChecksum(copy, 14);
      if (copy[23] == 1 && copy[34] == 3 && copy.length >= 34 + 8 + 20) {
        copy[36] = 0;
        copy[37] = 0;
        zeroTransportChecksum(copy, 42);
      }
    }
    return copy;
  }

  private static void zeroTransportChecksum(byte[] bytes, int ip) {
    int offset = switch (bytes[ip + 9]) {
      case 6 -> ip + 20 + 16;
      case 17 -> ip + 20 + 6;
      default -> -1;
    };
    if (offset > 0 && offset + 1 < bytes.length) {
      bytes[offset] = 0;
      bytes[offset + 1] = 0;
    }
  }

  @Test
  void tcpOptionsAreLaidOutAsLinuxWritesThem() {
    assertThat(FrameEncoder.tcpOptionKinds(new TcpOptions(1460, true, 1, 0, 10))).containsExactly(2, 4, 8, 1, 3);
    assertThat(FrameEncoder.tcpOptionKinds(new TcpOptions(-1, false, 1, 2, -1))).containsExactly(1, 1, 8);
    assertThat(FrameEncoder.tcpOptionKinds(new TcpOptions(1460, true, -1, -1, 7))).containsExactly(2, 1, 3, 1, 1, 4);
    assertThat(FrameEncoder.tcpOptionKinds(TcpOptions.NONE)).isEmpty();
  }
}
