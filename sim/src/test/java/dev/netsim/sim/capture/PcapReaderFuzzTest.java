package dev.netsim.sim.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@code tcpdump -r} on damaged files: the real captures of {@link PcapReaderTest} cut short and with bytes
 * flipped, and random bytes behind a valid header (a fixed seed and number of cases). Reading ends with
 * frames, libpcap's error for a bad file, or a frame netsim cannot represent — never another exception, and
 * never an allocation sized by a damaged length field.
 */
class PcapReaderFuzzTest {
  private static final long SEED = 0x7063617066L;

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = PcapReaderFuzzTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  /** Reads every record of {@code file}; returns how reading ended. */
  private static String readAll(byte[] file) {
    try {
      PcapReader reader = new PcapReader(new ByteArrayInputStream(file), "", index -> null);
      while (true) {
        try {
          if (reader.next() == null) {
            return "end";
          }
        } catch (FrameDecoder.UnsupportedFrameException e) {
          // the reader stays usable: go on with the next record
        }
      }
    } catch (PcapReader.BadFileException e) {
      return "bad file: " + e.getMessage();
    } catch (IOException e) {
      return "read error: " + e.getMessage();
    }
  }

  @Test
  void damagedCapturesEndCleanly() throws IOException {
    Random random = new Random(SEED);
    for (String name : new String[] {"real-a0.pcap", "real-any.pcap"}) {
      byte[] original = resource(name);
      for (int i = 0; i < 3000; i++) {
        byte[] file = original.clone();
        int flips = random.nextInt(8);
        for (int f = 0; f < flips; f++) {
          file[24 + random.nextInt(file.length - 24)] = (byte) random.nextInt(256);
        }
        if (random.nextBoolean()) {
          file = java.util.Arrays.copyOf(file, random.nextInt(file.length + 1));
        }
        byte[] input = file;
        try {
          assertThat(readAll(input)).isNotNull();
        } catch (RuntimeException | OutOfMemoryError e) {
          throw new AssertionError(name + " case " + i + " threw " + e, e);
        }
      }
    }
  }

  @Test
  void randomRecordsBehindAValidHeaderEndCleanly() throws IOException {
    byte[] header = java.util.Arrays.copyOf(resource("real-a0.pcap"), 24);
    Random random = new Random(SEED);
    for (int i = 0; i < 3000; i++) {
      byte[] body = new byte[random.nextInt(400)];
      random.nextBytes(body);
      byte[] file = new byte[24 + body.length];
      System.arraycopy(header, 0, file, 0, 24);
      System.arraycopy(body, 0, file, 24, body.length);
      try {
        assertThat(readAll(file)).isNotNull();
      } catch (RuntimeException | OutOfMemoryError e) {
        throw new AssertionError("case " + i + " threw " + e, e);
      }
    }
  }

  private static byte[] oneRecord(int version, int snapshot, long capturedLength, int dataBytes) {
    ByteBuffer file = ByteBuffer.allocate(24 + 16 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    file.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) version).putInt(0).putInt(0).putInt(snapshot)
        .putInt(1);
    file.putInt(1).putInt(0).putInt((int) capturedLength).putInt(60);
    return file.array();
  }

  /** libpcap's words, as the real {@code tcpdump -r} printed them for these files. */
  @Test
  void refusesDamagedLengthsAndVersionsInLibpcapsWords() {
    assertThat(readAll(oneRecord(4, 262144, 0x7fffffffL, 60)))
        .isEqualTo("bad file: invalid packet capture length 2147483647, bigger than snaplen of 262144");
    assertThat(readAll(oneRecord(4, 262144, 0xffffffffL, 60)))
        .isEqualTo("bad file: invalid packet capture length 4294967295, bigger than snaplen of 262144");
    assertThat(readAll(oneRecord(4, 262144, 60, 10)))
        .isEqualTo("bad file: truncated dump file; tried to read 60 captured bytes, only got 10");
    assertThatThrownBy(() -> new PcapReader(new ByteArrayInputStream(oneRecord(9, 262144, 60, 60)), "", i -> null))
        .hasMessage("unsupported pcap savefile version 2.9");
  }
}
