package dev.netsim.sim.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * netsim's tcpdump lines against the real tcpdump's: the sample frames are written to a pcap file, read back
 * with {@code tcpdump -r} under each option set, and every line must be identical.
 */
class TcpdumpFormatterTest {
  @TempDir
  Path dir;

  private Path write(LinkType link, List<CapturedFrame> frames) throws IOException {
    Path file = dir.resolve(link + ".pcap");
    try (OutputStream out = Files.newOutputStream(file); PcapWriter writer = new PcapWriter(out, link)) {
      for (CapturedFrame frame : frames) {
        writer.write(frame);
      }
    }
    return file;
  }

  private static FormatOptions options(String flags) {
    FormatOptions options = FormatOptions.NUMERIC.withNames(AddressNames.NAMED);
    int tees = 0;
    for (String flag : flags.split(" ")) {
      switch (flag) {
        case "" -> { }
        case "-n" -> options = options.withNames(AddressNames.NUMERIC);
        case "-e" -> options = options.withLinkHeader(true);
        case "-S" -> options = options.withAbsoluteSequence(true);
        case "-#" -> options = options.withNumbered(true);
        default -> tees = flag.length() - 1;
      }
    }
    return tees > 0 ? options.withTimestamps(TimestampStyle.ofFlagCount(tees)) : options;
  }

  private static List<String> format(LinkType link, String flags, List<CapturedFrame> frames) {
    TcpdumpFormatter formatter = new TcpdumpFormatter(options(flags), link);
    List<String> lines = new ArrayList<>();
    for (CapturedFrame frame : frames) {
      lines.add(formatter.format(frame));
    }
    return lines;
  }

  private static String[] args(String flags) {
    return flags.isEmpty() ? new String[0] : flags.split(" ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-n", "", "-n -e", "-e", "-n -S", "-n -t", "-n -tt", "-n -ttt", "-n -tttt", "-n -ttttt",
      "-n -#", "-S -e -tttt -#"})
  void ethernetLinesMatchTheRealTcpdump(String flags) throws IOException {
    List<CapturedFrame> frames = SampleFrames.onBridge();
    Path file = write(LinkType.ETHERNET, frames);

    assertThat(format(LinkType.ETHERNET, flags, frames))
        .containsExactlyElementsOf(RealTcpdump.read(file, args(flags)));
  }

  /** Cooked captures name interfaces by index: 1 is lo everywhere, 4000+ exist nowhere and print as "?". */
  private static List<CapturedFrame> cooked() {
    TapPoint lo = TapPoint.loopback("", 1);
    TapPoint unknown = TapPoint.ethernet("", "?", 4001, SampleFrames.BR0.mac());
    TapPoint unknownToo = TapPoint.ethernet("", "?", 4002, SampleFrames.BLUE);
    List<CapturedFrame> frames = new ArrayList<>();
    long nanos = 5_000_000_000L;
    for (CapturedFrame frame : SampleFrames.onBridge()) {
      boolean loopback = frame.frame().src().bits() == 0;
      TapPoint at = loopback ? lo : frames.size() % 2 == 0 ? unknown : unknownToo;
      frames.add(frames.size() % 3 == 0 && !loopback
          ? CapturedFrame.transmitted(at, frame.frame(), nanos)
          : CapturedFrame.received(at, frame.frame(), nanos));
      nanos += 777_777L;
    }
    return frames;
  }

  @ParameterizedTest
  @ValueSource(strings = {"-n", "-n -e", "-e", "-n -tttt -#"})
  void cookedV2LinesMatchTheRealTcpdump(String flags) throws IOException {
    List<CapturedFrame> frames = cooked();
    Path file = write(LinkType.LINUX_SLL2, frames);

    assertThat(format(LinkType.LINUX_SLL2, flags, frames))
        .containsExactlyElementsOf(RealTcpdump.read(file, args(flags)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-n", "-n -e", "-e"})
  void cookedV1LinesMatchTheRealTcpdump(String flags) throws IOException {
    List<CapturedFrame> frames = cooked();
    Path file = write(LinkType.LINUX_SLL, frames);

    assertThat(format(LinkType.LINUX_SLL, flags, frames))
        .containsExactlyElementsOf(RealTcpdump.read(file, args(flags)));
  }

  @Test
  void linesSeenOnTheKernelAreReproduced() {
    // Lines copied from real captures (tcpdump -n on the seed's bridge between two namespaces, and on a
    // client behind a router with REJECT rules); the sample frames repeat those packets.
    List<CapturedFrame> frames = SampleFrames.onBridge();
    List<String> lines = format(LinkType.ETHERNET, "-n -t", frames);

    assertThat(lines).contains(
        "ARP, Request who-has 11.11.11.3 tell 11.11.11.2, length 28",
        "ARP, Reply 11.11.11.3 is-at 06:cb:6f:9b:d8:27, length 28",
        "IP 11.11.11.2 > 11.11.11.3: ICMP echo request, id 21612, seq 1, length 64",
        "IP 11.11.11.3 > 11.11.11.2: ICMP echo reply, id 21612, seq 1, length 64",
        "IP 11.11.11.2.56522 > 11.11.11.3.80: Flags [S], seq 189787867, win 64240, "
            + "options [mss 1460,sackOK,TS val 3623917187 ecr 0,nop,wscale 10], length 0",
        "IP 11.11.11.2.56522 > 11.11.11.3.80: Flags [.], ack 1, win 63, "
            + "options [nop,nop,TS val 3623917188 ecr 303644495], length 0",
        "IP 11.11.11.3.9999 > 11.11.11.2.35822: Flags [R.], seq 0, ack 3078109652, win 0, length 0",
        "IP 11.11.11.2.36787 > 11.11.11.3.9999: UDP, length 6",
        "IP 11.11.11.3 > 11.11.11.2: ICMP 11.11.11.3 udp port 9999 unreachable, length 42",
        "IP 192.0.2.1 > 192.0.2.2: ICMP 198.51.100.2 tcp port 81 unreachable, length 68");
    assertThat(lines.stream().filter(line -> line.contains("HTTP: GET / HTTP/1.1"))).hasSize(1);
  }
}
