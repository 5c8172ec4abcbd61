package dev.netsim.sim.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netsim.core.packet.EthernetFrame;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Filters against libpcap's: the sample frames go into a pcap file, the real {@code tcpdump -n -r FILE EXPR}
 * selects some, and netsim's filter must select exactly those (compared as printed lines).
 */
class CaptureFilterTest {
  @TempDir
  static Path dir;
  static Path file;
  static final List<CapturedFrame> FRAMES = SampleFrames.onBridge();

  @BeforeAll
  static void writeSample() throws IOException {
    file = dir.resolve("sample.pcap");
    try (OutputStream out = Files.newOutputStream(file); PcapWriter writer = new PcapWriter(out, LinkType.ETHERNET)) {
      for (CapturedFrame frame : FRAMES) {
        writer.write(frame);
      }
    }
  }

  private static List<String> selected(CaptureFilter filter) {
    TcpdumpFormatter formatter = new TcpdumpFormatter(FormatOptions.NUMERIC, LinkType.ETHERNET);
    List<String> lines = new ArrayList<>();
    for (CapturedFrame frame : FRAMES) {
      if (filter.matches(frame.frame())) {
        lines.add(formatter.format(frame));
      }
    }
    return lines;
  }

  @ParameterizedTest
  @ValueSource(strings = {"icmp", "arp", "ip", "tcp", "udp", "rarp", "ip6", "icmp6", "port 80", "src port 80",
      "dst port 80", "tcp port 80", "udp port 9999", "port http", "port http-alt", "port domain", "port 80 or 443",
      "port 0x50", "tcp src port 443", "host 11.11.11.3", "src host 11.11.11.3", "dst host 11.11.11.3",
      "host 192.0.2.1", "arp host 192.0.2.1", "ip host 192.0.2.1", "net 192.0.2.0/24", "net 198.51.100",
      "host 11.11.11", "src net 11.11.11.0/24 and icmp", "net 192.0.2.0 mask 255.255.255.0", "not icmp",
      "! arp && ! icmp", "icmp or arp", "tcp and (port 80 or port 8080)", "host 11.11.11.2 and not 11.11.11.3",
      "tcp or udp and port 9999", "not tcp port 80", "portrange 440-450", "portrange 9999-22",
      "src or dst host 11.11.11.2", "src and dst host 127.0.0.1", "host localhost", "src 192.0.2.2",
      "ether host 3a:24:c4:9d:fe:78", "ether src 06:cb:6f:9b:d8:27", "ether dst ff:ff:ff:ff:ff:ff",
      "host 192.0.2.2 and (198.51.100.2 or 192.0.2.1)", "not not icmp", "icmp and not (host 192.0.2.1 or arp)",
      "udp port 53 || tcp port 53", "host 11.11.11.2 or host 11.11.11.3 and tcp", ""})
  void selectsWhatLibpcapSelects(String expression) throws FilterSyntaxException {
    List<String> real = expression.isEmpty() ? RealTcpdump.read(file, "-n") : RealTcpdump.read(file, "-n", expression);

    assertThat(selected(CaptureFilter.parse(expression))).containsExactlyElementsOf(real);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // Each message is the one the real tcpdump 4.99.3 printed after "tcpdump: " for the expression.
      "foo|can't parse filter expression: syntax error",
      "port|can't parse filter expression: syntax error",
      "ICMP|can't parse filter expression: syntax error",
      "1.2.3.4|can't parse filter expression: syntax error",
      "80|can't parse filter expression: syntax error",
      "src port 80 and|can't parse filter expression: syntax error",
      "icmp and (host 1.2.3.4|can't parse filter expression: syntax error",
      "icmp )|can't parse filter expression: syntax error",
      "not|can't parse filter expression: syntax error",
      "src|can't parse filter expression: syntax error",
      "dst host|can't parse filter expression: syntax error",
      "host 1.2.3.4 port 80|can't parse filter expression: syntax error",
      "icmp and and|can't parse filter expression: syntax error",
      "port -1|can't parse filter expression: syntax error",
      "net 10/8|can't parse filter expression: syntax error",
      "tcp port nosuchsvc|unknown port 'nosuchsvc'",
      "host 1.2.3.4.5|unknown host '1.2.3.4.5'",
      "host nosuchhost.invalid|unknown host 'nosuchhost.invalid'",
      "host 999.1.1.1|invalid IPv4 address '999.1.1.1'",
      "net 10.0.0.1/8|non-network bits set in \"10.0.0.1/8\"",
      "dst net 1.2.3.4 mask 255.255.0.0|non-network bits set in \"1.2.3.4 mask 255.255.0.0\"",
      "net 10.0.0.0/33|mask length must be <= 32",
      "port 70000|illegal port number 70000 > 65535",
      "arp port 80|illegal qualifier of 'port'",
      "icmp port 80|illegal qualifier of 'port'",
      "ip port 22|illegal qualifier of 'port'",
      "net nosuchnet|unknown network 'nosuchnet'",
      "ether host nosuch|unknown ether host 'nosuch'",
      "host 00:11:22:33:44:55|ethernet address used in non-ether expression",
      "host 10.0.0.0/8|Mask syntax for networks only",
      "udp port http-alt|port 'http-alt' is tcp",
      "icmp host 1.2.3.4|'icmp' modifier applied to host",
      "tcp src 1.2.3.4|'tcp' modifier applied to host",
      "ether host 1.2.3.4|illegal link layer address"})
  void refusesWhatTcpdumpRefusesInItsWords(String expression, String message) {
    assertThatThrownBy(() -> CaptureFilter.parse(expression))
        .isInstanceOfSatisfying(FilterSyntaxException.class, e -> assertThat(e.notSimulated()).isFalse())
        .hasMessage(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tcp[13] = 2", "icmp[icmptype] == icmp-echo", "greater 100", "vlan", "ip proto 47",
      "tcp[tcpflags] & tcp-syn != 0"})
  void saysWhatItDoesNotSimulate(String expression) {
    assertThatThrownBy(() -> CaptureFilter.parse(expression))
        .isInstanceOfSatisfying(FilterSyntaxException.class, e -> assertThat(e.notSimulated()).isTrue())
        .hasMessage("tcpdump filter expression '" + expression + "'");
  }

  @Test
  void andAndOrGroupFromTheLeftWithEqualPrecedence() throws FilterSyntaxException {
    EthernetFrame arp = FRAMES.get(0).frame();

    // (arp or icmp) and tcp: never; arp or (icmp and tcp) would keep the ARP frame.
    assertThat(CaptureFilter.parse("arp or icmp and tcp").matches(arp)).isFalse();
    assertThat(CaptureFilter.parse("arp or (icmp and tcp)").matches(arp)).isTrue();
  }
}
