package dev.netsim.sim.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TcpdumpCommandTest {
  private static TcpdumpCommand parse(String line) throws TcpdumpCommand.Refusal {
    return TcpdumpCommand.parse(List.of(line.split(" ")));
  }

  @Test
  void readsTheSeedsCommandLines() throws TcpdumpCommand.Refusal {
    TcpdumpCommand bridge = parse("tcpdump -l -i br0");
    TcpdumpCommand any = parse("tcpdump -i any icmp -n");

    assertThat(bridge.device()).isEqualTo("br0");
    assertThat(bridge.format()).isEqualTo(FormatOptions.NUMERIC.withNames(AddressNames.NAMED));
    assertThat(bridge.expression()).isEmpty();
    assertThat(any.device()).isEqualTo("any");
    assertThat(any.format().names()).isEqualTo(AddressNames.NUMERIC);
    assertThat(any.expression()).isEqualTo("icmp");
  }

  @Test
  void bundledAndAttachedOptionsAsGetoptReadsThem() throws TcpdumpCommand.Refusal {
    TcpdumpCommand command = parse("tcpdump -nnei br0 -c5 -ttt tcp port 80 -S -- -p");

    assertThat(command.device()).isEqualTo("br0");
    assertThat(command.count()).isEqualTo(5);
    assertThat(command.format()).isEqualTo(new FormatOptions(AddressNames.NUMERIC, true, true,
        TimestampStyle.DELTA_PREVIOUS, false));
    assertThat(command.promiscuous()).isTrue();
    assertThat(command.expression()).isEqualTo("tcp port 80 -p");
  }

  @Test
  void readsTheRemainingOptions() throws TcpdumpCommand.Refusal {
    TcpdumpCommand command = parse("tcpdump -p -Q in -s 0 -w out.pcap --number --immediate-mode -U -B 4096");

    assertThat(command.promiscuous()).isFalse();
    assertThat(command.direction()).isEqualTo(CaptureDirection.IN);
    assertThat(command.effectiveSnapshotLength()).isEqualTo(262144);
    assertThat(command.writeFile()).isEqualTo("out.pcap");
    assertThat(command.format().numbered()).isTrue();
    assertThat(command.action()).isEqualTo(TcpdumpCommand.Action.CAPTURE);
    assertThat(parse("tcpdump -h").action()).isEqualTo(TcpdumpCommand.Action.HELP);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      // What the real tcpdump 4.99.3 wrote to stderr (first line) for each command line; all exit 1.
      "tcpdump -c abc -i lo|tcpdump: invalid packet count abc",
      "tcpdump -c -5 -i lo|tcpdump: invalid packet count -5",
      "tcpdump -i lo -Q in -c 0|tcpdump: invalid packet count 0",
      "tcpdump -Q foo -i lo|tcpdump: unknown capture direction `foo'",
      "tcpdump -s abc -i lo|tcpdump: invalid snaplen abc (must be >= 0 and <= 262144)",
      "tcpdump -ttttttt -i lo|tcpdump: only -t, -tt, -ttt, -tttt and -ttttt are supported",
      "tcpdump -k|tcpdump: invalid option -- 'k'",
      "tcpdump -i|tcpdump: option requires an argument -- 'i'",
      "tcpdump --foo|tcpdump: unrecognized option '--foo'"})
  void refusesInTcpdumpsWords(String line, String firstLine) {
    assertThatThrownBy(() -> parse(line))
        .isInstanceOfSatisfying(TcpdumpCommand.Refusal.class, refusal -> {
          assertThat(refusal.status()).isEqualTo(1);
          assertThat(refusal.text()).startsWith(firstLine + "\n");
        });
  }

  @Test
  void usageErrorsAddTheVersionAndUsageText() {
    assertThatThrownBy(() -> parse("tcpdump -k")).hasMessage("tcpdump: invalid option -- 'k'\n"
        + "tcpdump version 4.99.3\nlibpcap version 1.10.3 (with TPACKET_V3)\nOpenSSL 3.0.19 27 Jan 2026\n"
        + "Usage: tcpdump [-AbdDefhHIJKlLnNOpqStuUvxX#] [ -B size ] [ -c count ] [--count]\n"
        + "\t\t[ -C file_size ] [ -E algo:secret ] [ -F file ] [ -G seconds ]\n"
        + "\t\t[ -i interface ] [ --immediate-mode ] [ -j tstamptype ]\n"
        + "\t\t[ -M secret ] [ --number ] [ --print ] [ -Q in|out|inout ]\n"
        + "\t\t[ -r file ] [ -s snaplen ] [ -T type ] [ --version ]\n"
        + "\t\t[ -V file ] [ -w file ] [ -W filecount ] [ -y datalinktype ]\n"
        + "\t\t[ --time-stamp-precision precision ] [ --micro ] [ --nano ]\n"
        + "\t\t[ -z postrotate-command ] [ -Z user ] [ expression ]\n");
  }

  @Test
  void validOptionsNetsimDoesNotModelAreSaidToBeNotSimulated() {
    for (String line : List.of("tcpdump -vv -i br0", "tcpdump -X -i br0", "tcpdump -D", "tcpdump -A",
        "tcpdump -C 10 -w x", "tcpdump --count -i br0")) {
      assertThatThrownBy(() -> parse(line)).isInstanceOfSatisfying(TcpdumpCommand.Refusal.class, refusal -> {
        assertThat(refusal.status()).isEqualTo(127);
        assertThat(refusal.text()).isEqualTo("netsim: not simulated: " + line + "\n");
      });
    }
  }
}
