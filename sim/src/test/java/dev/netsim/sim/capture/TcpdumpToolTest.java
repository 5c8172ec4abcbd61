package dev.netsim.sim.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.sim.shell.BackgroundJob;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The tcpdump tool on the seed's bridge. Expected lines and messages are those of the real tcpdump on the same
 * setup (a ktrans run: br0 with reth1/beth1, RED and BLUE, FORWARD policy DROP); timestamps are compared
 * without their value, since netsim's clock is virtual.
 */
class TcpdumpToolTest {
  private final SeedBridge seed = new SeedBridge();
  private final TcpdumpTool tcpdump = new TcpdumpTool(call -> seed);

  private static final String VERBOSE = "tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n";

  private static List<String> withoutTimes(String output) {
    return Arrays.stream(output.split("\n", -1))
        .map(line -> line.replaceFirst("^\\d\\d:\\d\\d:\\d\\d\\.\\d{6} ", ""))
        .collect(Collectors.toList());
  }

  @Test
  void anyShowsTheArpExchangeAndTheEchoRequestThatForwardDrops() {
    FakeInvocation any = new FakeInvocation("", "tcpdump", "-l", "-i", "any");
    BackgroundJob job = tcpdump.start(any);
    seed.arpExchange();
    seed.pingDroppedInForward(22683, 1);

    assertThat(job.running()).isTrue();
    assertThat(job.stop()).isZero();
    assertThat(job.running()).isFalse();
    assertThat(withoutTimes(any.stdout())).containsExactly(
        "reth1 B   ARP, Request who-has 11.11.11.3 tell 11.11.11.2, length 28",
        "beth1 Out ARP, Request who-has 11.11.11.3 tell 11.11.11.2, length 28",
        "br0   B   ARP, Request who-has 11.11.11.3 tell 11.11.11.2, length 28",
        "beth1 P   ARP, Reply 11.11.11.3 is-at f2:5e:f8:8b:9c:3e (oui Unknown), length 28",
        "reth1 Out ARP, Reply 11.11.11.3 is-at f2:5e:f8:8b:9c:3e (oui Unknown), length 28",
        "reth1 P   IP 11.11.11.2 > 11.11.11.3: ICMP echo request, id 22683, seq 1, length 64",
        "",
        "");
    assertThat(any.stderr()).isEqualTo("tcpdump: data link type LINUX_SLL2\n" + VERBOSE
        + "listening on any, link-type LINUX_SLL2 (Linux cooked v2), snapshot length 262144 bytes\n"
        + "6 packets captured\n6 packets received by filter\n0 packets dropped by kernel\n");
  }

  @Test
  void aCaptureOnTheBridgeMakesItPromiscuousSoItSeesTheDroppedPings() {
    FakeInvocation br0 = new FakeInvocation("", "tcpdump", "-l", "-i", "br0");
    FakeInvocation br0e = new FakeInvocation("", "tcpdump", "-l", "-e", "-i", "br0");
    FakeInvocation beth0 = new FakeInvocation("BLUE", "tcpdump", "-l", "-i", "beth0");
    List<BackgroundJob> jobs = List.of(tcpdump.start(br0), tcpdump.start(br0e), tcpdump.start(beth0));
    seed.pingDroppedInForward(22740, 1);
    seed.pingDroppedInForward(22740, 2);
    jobs.forEach(BackgroundJob::stop);

    assertThat(withoutTimes(br0.stdout())).containsExactly(
        "IP 11.11.11.2 > 11.11.11.3: ICMP echo request, id 22740, seq 1, length 64",
        "IP 11.11.11.2 > 11.11.11.3: ICMP echo request, id 22740, seq 2, length 64",
        "",
        "");
    assertThat(withoutTimes(br0e.stdout())).startsWith(
        "8a:e5:9b:c5:d2:c5 (oui Unknown) > f2:5e:f8:8b:9c:3e (oui Unknown), ethertype IPv4 (0x0800), length 98: "
            + "11.11.11.2 > 11.11.11.3: ICMP echo request, id 22740, seq 1, length 64");
    assertThat(br0.stderr()).isEqualTo(VERBOSE
        + "listening on br0, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n"
        + "2 packets captured\n2 packets received by filter\n0 packets dropped by kernel\n");
    assertThat(beth0.stdout()).isEqualTo("\n");
    assertThat(beth0.stderr()).isEqualTo(VERBOSE
        + "listening on beth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes\n"
        + "0 packets captured\n0 packets received by filter\n0 packets dropped by kernel\n");
  }

  @Test
  void countEndsTheCaptureWithoutTheBlankLine() {
    FakeInvocation call = new FakeInvocation("", "tcpdump", "-l", "-n", "-i", "br0", "-c", "1", "icmp");
    BackgroundJob job = tcpdump.start(call);
    seed.arpExchange();
    seed.pingDroppedInForward(7, 1);
    seed.pingDroppedInForward(7, 2);

    assertThat(job.running()).isFalse();
    assertThat(job.exitStatus()).isZero();
    assertThat(withoutTimes(call.stdout()))
        .containsExactly("IP 11.11.11.2 > 11.11.11.3: ICMP echo request, id 7, seq 1, length 64", "");
    assertThat(call.stderr()).endsWith("bytes\n1 packet captured\n1 packet received by filter\n"
        + "0 packets dropped by kernel\n");
  }

  @Test
  void writesAPcapFileThatTcpdumpReadsBack() {
    FakeInvocation write = new FakeInvocation("", "tcpdump", "-i", "any", "-w", "/tmp/seed.pcap", "icmp or arp");
    BackgroundJob job = tcpdump.start(write);
    seed.arpExchange();
    job.stop();
    FakeInvocation read = new FakeInvocation("", "tcpdump", "-n", "-r", "/tmp/seed.pcap");

    assertThat(write.stdout()).isEmpty();
    assertThat(write.stderr()).isEqualTo("tcpdump: data link type LINUX_SLL2\n"
        + "tcpdump: listening on any, link-type LINUX_SLL2 (Linux cooked v2), snapshot length 262144 bytes\n"
        + "5 packets captured\n5 packets received by filter\n0 packets dropped by kernel\n");
    assertThat(tcpdump.run(read)).isZero();
    assertThat(withoutTimes(read.stdout())).containsExactly(
        "reth1 B   ARP, Request who-has 11.11.11.3 tell 11.11.11.2, length 28",
        "beth1 Out ARP, Request who-has 11.11.11.3 tell 11.11.11.2, length 28",
        "br0   B   ARP, Request who-has 11.11.11.3 tell 11.11.11.2, length 28",
        "beth1 P   ARP, Reply 11.11.11.3 is-at f2:5e:f8:8b:9c:3e, length 28",
        "reth1 Out ARP, Reply 11.11.11.3 is-at f2:5e:f8:8b:9c:3e, length 28",
        "");
    assertThat(read.stderr()).isEqualTo("reading from file /tmp/seed.pcap, link-type LINUX_SLL2 (Linux cooked v2), "
        + "snapshot length 262144\nWarning: interface names might be incorrect\n");
  }

  @Test
  void filtersOnDirectionAndCountsWhatLibpcapDiscards() {
    FakeInvocation out = new FakeInvocation("RED", "tcpdump", "-l", "-n", "-i", "reth0", "-Q", "out");
    BackgroundJob job = tcpdump.start(out);
    seed.arpExchange();
    job.stop();

    assertThat(withoutTimes(out.stdout()))
        .containsExactly("ARP, Request who-has 11.11.11.3 tell 11.11.11.2, length 28", "", "");
    assertThat(out.stderr()).contains("1 packet captured\n2 packets received by filter\n");
  }

  @Test
  void withoutAnInterfaceTcpdumpTakesTheFirstOneUp() {
    FakeInvocation call = new FakeInvocation("BLUE", "tcpdump", "-n");
    tcpdump.start(call).stop();

    assertThat(call.stderr()).contains("listening on beth0, link-type EN10MB (Ethernet)");
  }

  @Test
  void withNoInterfaceUpTcpdumpFallsBackToCookedAny() {
    FakeInvocation call = new FakeInvocation("EMPTY", "tcpdump", "-n");
    tcpdump.start(call).stop();

    // As the real tcpdump printed in a namespace with only lo.
    assertThat(call.stderr()).isEqualTo(VERBOSE
        + "listening on any, link-type LINUX_SLL (Linux cooked v1), snapshot length 262144 bytes\n"
        + "0 packets captured\n0 packets received by filter\n0 packets dropped by kernel\n");
    assertThat(call.stdout()).isEqualTo("\n");
  }

  @Test
  void aForegroundCaptureStopsWhenTheHostStopsWaiting() {
    FakeInvocation call = new FakeInvocation("", "tcpdump", "-i", "br0");

    assertThat(tcpdump.run(call)).isZero();
    assertThat(call.stderr()).endsWith("0 packets captured\n0 packets received by filter\n0 packets dropped by kernel\n");
    assertThat(seed.captures.running()).isEmpty();
  }

  @Test
  void errorsUseTcpdumpsWordsAndStatus() {
    FakeInvocation noDevice = new FakeInvocation("", "tcpdump", "-i", "nosuch");
    FakeInvocation badFilter = new FakeInvocation("", "tcpdump", "-i", "br0", "port");
    FakeInvocation badFile = new FakeInvocation("", "tcpdump", "-i", "br0", "-w", "/nonexistent/x.pcap");
    FakeInvocation missingFile = new FakeInvocation("", "tcpdump", "-r", "/nonexistent.pcap");
    FakeInvocation unmodelled = new FakeInvocation("", "tcpdump", "-i", "br0", "tcp[13] = 2");
    FakeInvocation verbose = new FakeInvocation("", "tcpdump", "-v", "-i", "br0");

    assertThat(tcpdump.start(noDevice).exitStatus()).isEqualTo(1);
    assertThat(noDevice.stderr()).isEqualTo("tcpdump: nosuch: No such device exists\n(No such device exists)\n");
    assertThat(tcpdump.start(badFilter).exitStatus()).isEqualTo(1);
    assertThat(badFilter.stderr()).isEqualTo("tcpdump: can't parse filter expression: syntax error\n");
    assertThat(tcpdump.start(badFile).exitStatus()).isEqualTo(1);
    assertThat(badFile.stderr()).isEqualTo("tcpdump: /nonexistent/x.pcap: No such file or directory\n");
    assertThat(tcpdump.run(missingFile)).isEqualTo(1);
    assertThat(missingFile.stderr()).isEqualTo("tcpdump: /nonexistent.pcap: No such file or directory\n");
    assertThat(tcpdump.start(unmodelled).exitStatus()).isEqualTo(127);
    assertThat(unmodelled.stderr()).isEqualTo("netsim: not simulated: tcpdump filter expression 'tcp[13] = 2'\n");
    assertThat(tcpdump.start(verbose).exitStatus()).isEqualTo(127);
    assertThat(verbose.stderr()).isEqualTo("netsim: not simulated: tcpdump -v -i br0\n");
    assertThat(seed.captures.running()).isEmpty();
  }

  @Test
  void versionGoesToStandardOutput() {
    FakeInvocation call = new FakeInvocation("", "tcpdump", "--version");

    assertThat(tcpdump.run(call)).isZero();
    assertThat(call.stdout()).isEqualTo("tcpdump version 4.99.3\nlibpcap version 1.10.3 (with TPACKET_V3)\n"
        + "OpenSSL 3.0.19 27 Jan 2026\n");
  }
}
