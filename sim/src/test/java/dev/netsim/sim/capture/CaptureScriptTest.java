package dev.netsim.sim.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.sim.World;
import dev.netsim.sim.shell.FilePolicy;
import dev.netsim.sim.shell.RunOptions;
import dev.netsim.sim.shell.ScriptRunner;
import dev.netsim.sim.shell.ToolRegistry;
import dev.netsim.sim.tools.SimulatedHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tcpdump in scripts, on the packet engine: the seed's bridge (RED and BLUE on br0) watched while RED pings
 * BLUE. Expected lines are the real tcpdump's on the same setup (examples/conformance/37-tcpdump-bridge.sh has
 * the kernel's transcript); timestamps are compared without their value, MACs by position.
 */
class CaptureScriptTest {
  private static final ToolRegistry TOOLS = ToolRegistry.standard();
  private static final String SEED_BRIDGE = String.join("\n",
      "ip netns add RED", "ip netns add BLUE",
      "ip link add reth0 netns RED type veth peer name reth1",
      "ip link add beth0 netns BLUE type veth peer name beth1",
      "ip netns exec RED ip addr add 11.11.11.2/24 dev reth0",
      "ip netns exec BLUE ip addr add 11.11.11.3/24 dev beth0",
      "ip netns exec RED ip link set reth0 up", "ip netns exec BLUE ip link set beth0 up",
      "ip link add br0 type bridge", "ip link set reth1 master br0", "ip link set beth1 master br0",
      "ip link set reth1 up", "ip link set beth1 up", "ip link set br0 up");

  @TempDir
  Path work;

  private final World world = new World();

  private String run(String script) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new ScriptRunner(TOOLS).run(script + "\n", "test", null, new SimulatedHost(world),
        RunOptions.defaults().withEcho(true).withFiles(FilePolicy.in(work)), out, out);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The transcript with tcpdump's timestamps blanked. */
  private static List<String> lines(String transcript) {
    return Arrays.stream(transcript.split("\n"))
        .map(line -> line.replaceFirst("^\\d\\d:\\d\\d:\\d\\d\\.\\d{6} ", "TIME "))
        .map(line -> line.replaceAll("time=[0-9.]+ ms", "time=T ms"))
        .collect(Collectors.toList());
  }

  private String mac(String netns, String device) {
    return world.namespace(netns).link(device).mac().toString();
  }

  @Test
  void aCaptureOnTheBridgeInterleavesWithPingAndSeesThePingForwardDrops() {
    run(SEED_BRIDGE);
    List<String> transcript = lines(run(String.join("\n",
        "tcpdump -i br0 -n -l &",
        "ip netns exec RED ping -c 1 -W 1 11.11.11.3",
        "iptables -P FORWARD DROP",
        "ip netns exec RED ping -c 1 -W 1 11.11.11.3",
        "kill %1",
        "wait %1",
        "echo $?")));

    String blue = mac("BLUE", "beth0");
    assertThat(transcript).containsExactly(
        "$ tcpdump -i br0 -n -l &",
        "tcpdump: verbose output suppressed, use -v[v]... for full protocol decode",
        "listening on br0, link-type EN10MB (Ethernet), snapshot length 262144 bytes",
        "$ ip netns exec RED ping -c 1 -W 1 11.11.11.3",
        "PING 11.11.11.3 (11.11.11.3) 56(84) bytes of data.",
        "TIME ARP, Request who-has 11.11.11.3 tell 11.11.11.2, length 28",
        "TIME ARP, Reply 11.11.11.3 is-at " + blue + ", length 28",
        "TIME IP 11.11.11.2 > 11.11.11.3: ICMP echo request, id 2817, seq 1, length 64",
        "TIME IP 11.11.11.3 > 11.11.11.2: ICMP echo reply, id 2817, seq 1, length 64",
        "64 bytes from 11.11.11.3: icmp_seq=1 ttl=64 time=T ms",
        "",
        "--- 11.11.11.3 ping statistics ---",
        "1 packets transmitted, 1 received, 0% packet loss, time 0ms",
        transcript.get(13),
        "$ iptables -P FORWARD DROP",
        "$ ip netns exec RED ping -c 1 -W 1 11.11.11.3",
        "PING 11.11.11.3 (11.11.11.3) 56(84) bytes of data.",
        "TIME IP 11.11.11.2 > 11.11.11.3: ICMP echo request, id 2818, seq 1, length 64",
        "",
        "--- 11.11.11.3 ping statistics ---",
        "1 packets transmitted, 0 received, 100% packet loss, time 0ms",
        "",
        "[exit 1]",
        "$ kill %1",
        "",
        "5 packets captured",
        "5 packets received by filter",
        "0 packets dropped by kernel",
        "$ wait %1",
        "$ echo $?",
        "0");
    assertThat(transcript.get(13)).startsWith("rtt min/avg/max/mdev = ");
  }

  @Test
  void anyInANamespaceShowsDirectionsAndTheCountEndsTheCapture() {
    run(SEED_BRIDGE);
    List<String> transcript = lines(run(String.join("\n",
        "ip netns exec RED ip link set lo up",
        "nsenter --net=/var/run/netns/RED",
        "tcpdump -i any -n -l -c 3 &",
        "ping -c 2 -q 11.11.11.3 > /dev/null",
        "ping -c 1 -q 127.0.0.1 > /dev/null",
        "jobs",
        "exit")));

    assertThat(transcript).containsSubsequence(
        "listening on any, link-type LINUX_SLL2 (Linux cooked v2), snapshot length 262144 bytes",
        "TIME reth0 Out ARP, Request who-has 11.11.11.3 tell 11.11.11.2, length 28",
        "TIME reth0 In  ARP, Reply 11.11.11.3 is-at " + mac("BLUE", "beth0") + ", length 28",
        "TIME reth0 Out IP 11.11.11.2 > 11.11.11.3: ICMP echo request, id 2817, seq 1, length 64",
        "3 packets captured",
        "3 packets received by filter",
        "0 packets dropped by kernel");
    assertThat(transcript).noneMatch(line -> line.contains("echo reply"));
  }

  @Test
  void captureOnLoopbackKeepsOnlyTheIncomingCopies() {
    List<String> transcript = lines(run(String.join("\n",
        "ip link set lo up",
        "tcpdump -i lo -n -l icmp &",
        "ping -c 1 127.0.0.1 > /dev/null",
        "kill %1")));

    assertThat(transcript).containsSubsequence(
        "TIME IP 127.0.0.1 > 127.0.0.1: ICMP echo request, id 2817, seq 1, length 64",
        "TIME IP 127.0.0.1 > 127.0.0.1: ICMP echo reply, id 2817, seq 1, length 64",
        "",
        "2 packets captured",
        "4 packets received by filter");
  }

  @Test
  void badDevicesFiltersAndFilesGetTcpdumpsMessages() {
    run(SEED_BRIDGE);
    assertThat(lines(run(String.join("\n",
        "tcpdump -i nosuch -n",
        "tcpdump -i br0 -n 'tcp port'",
        "tcpdump -r missing.pcap")))).containsExactly(
        "$ tcpdump -i nosuch -n",
        "tcpdump: nosuch: No such device exists",
        "(No such device exists)",
        "[exit 1]",
        "$ tcpdump -i br0 -n 'tcp port'",
        "tcpdump: can't parse filter expression: syntax error",
        "[exit 1]",
        "$ tcpdump -r missing.pcap",
        "tcpdump: missing.pcap: No such file or directory",
        "[exit 1]");
  }

  @Test
  void aPcapWrittenByAScriptReadsBackWithTheRealTcpdumpAndNetsims() throws Exception {
    run(SEED_BRIDGE);
    run(String.join("\n",
        "tcpdump -i beth1 -w beth1.pcap &",
        "ip netns exec RED ping -c 2 11.11.11.3",
        "kill %1"));
    Path file = work.resolve("beth1.pcap");

    List<String> netsim = lines(run("tcpdump -r beth1.pcap -n -e"));
    List<String> real = RealTcpdump.read(file, "-n", "-e").stream()
        .map(line -> line.replaceFirst("^\\d\\d:\\d\\d:\\d\\d\\.\\d{6} ", "TIME ")).toList();
    assertThat(real).hasSize(6);
    assertThat(netsim).containsExactlyElementsOf(concat(List.of("$ tcpdump -r beth1.pcap -n -e",
        "reading from file beth1.pcap, link-type EN10MB (Ethernet), snapshot length 262144"), real));
    assertThat(real.get(2)).isEqualTo("TIME " + mac("RED", "reth0") + " > " + mac("BLUE", "beth0")
        + ", ethertype IPv4 (0x0800), length 98: 11.11.11.2 > 11.11.11.3: ICMP echo request, id 2817, seq 1, length 64");
    // With -vv tcpdump checks the IPv4 header and ICMP checksums and says so when one is wrong.
    assertThat(RealTcpdump.read(file, "-n", "-vv")).noneMatch(line -> line.contains("bad cksum")
        || line.contains("wrong icmp cksum"));
    try (InputStream in = Files.newInputStream(file)) {
      PcapReader reader = new PcapReader(in, "", index -> null);
      List<CapturedFrame> frames = new ArrayList<>();
      for (CapturedFrame frame = reader.next(); frame != null; frame = reader.next()) {
        frames.add(frame);
      }
      assertThat(frames).hasSize(6);
      assertThat(frames.get(2).frame().src().toString()).isEqualTo(mac("RED", "reth0"));
    }
  }

  @Test
  void theJavaApiRecordsEveryInterfaceToItsOwnPcap() throws IOException {
    run(SEED_BRIDGE);
    run("iptables -P FORWARD DROP");
    PcapRecording recording = world.kernel().captures().recordPcaps(world.topology(), work.resolve("pcaps"));
    run("ip netns exec RED ping -c 1 -W 1 11.11.11.3");
    recording.stop();

    assertThat(recording.files().keySet()).contains("RED/reth0", "BLUE/beth0", "host/reth1", "host/beth1",
        "host/br0", "host/lo");
    assertThat(recording.file("RED", "reth0")).hasFileName("RED-reth0.pcap");
    List<String> red = RealTcpdump.read(recording.file("RED", "reth0"), "-n");
    assertThat(red).hasSize(3);
    assertThat(red.get(2)).endsWith("IP 11.11.11.2 > 11.11.11.3: ICMP echo request, id 2817, seq 1, length 64");
    // Forward dropped the request: BLUE only saw the ARP exchange.
    assertThat(RealTcpdump.read(recording.file("BLUE", "beth0"), "-n"))
        .hasSize(2).allMatch(line -> line.contains(" ARP, "));
    // A recording does not make br0 promiscuous: the unicast echo request is not for it.
    assertThat(RealTcpdump.read(recording.file("", "br0"), "-n"))
        .hasSize(1).allMatch(line -> line.contains("ARP, Request"));
    assertThat(world.kernel().captures().running()).isEmpty();
  }

  @Test
  void withoutAnInterfaceTcpdumpTakesLibpcapsFirstDevice() {
    run(SEED_BRIDGE);
    run("ip link add eth7 type veth peer name eth3");
    run("ip link set eth7 up");
    // eth7 is up without carrier (its peer is down), so it comes after the running devices: br0 ends in 0.
    assertThat(lines(run("tcpdump -n &\nkill %1"))).contains(
        "listening on br0, link-type EN10MB (Ethernet), snapshot length 262144 bytes");
    run("ip link set br0 down");
    assertThat(lines(run("tcpdump -n &\nkill %1"))).contains(
        "listening on reth1, link-type EN10MB (Ethernet), snapshot length 262144 bytes");
  }

  @Test
  void ipNetnsExecInTheBackgroundKeepsTheCaptureRunning() {
    run(SEED_BRIDGE);
    List<String> transcript = lines(run(String.join("\n",
        "ip netns exec BLUE tcpdump -i beth0 -n -l icmp &",
        "ip netns exec RED ping -c 1 11.11.11.3 > /dev/null",
        "jobs",
        "kill %1")));

    assertThat(transcript).containsExactly(
        "$ ip netns exec BLUE tcpdump -i beth0 -n -l icmp &",
        "tcpdump: verbose output suppressed, use -v[v]... for full protocol decode",
        "listening on beth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes",
        "$ ip netns exec RED ping -c 1 11.11.11.3 > /dev/null",
        "TIME IP 11.11.11.2 > 11.11.11.3: ICMP echo request, id 2817, seq 1, length 64",
        "TIME IP 11.11.11.3 > 11.11.11.2: ICMP echo reply, id 2817, seq 1, length 64",
        "$ jobs",
        "[1]+  Running                 ip netns exec BLUE tcpdump -i beth0 -n -l icmp &",
        "$ kill %1",
        "",
        "2 packets captured",
        "2 packets received by filter",
        "0 packets dropped by kernel");
  }

  @Test
  void sigkillEndsACaptureWithoutItsStatistics() {
    List<String> transcript = lines(run(String.join("\n",
        "ip link set lo up",
        "tcpdump -i lo -n -l icmp &",
        "ping -c 1 127.0.0.1 > /dev/null",
        "kill -9 %1",
        "wait %1")));

    assertThat(transcript).containsSubsequence(
        "TIME IP 127.0.0.1 > 127.0.0.1: ICMP echo reply, id 2817, seq 1, length 64",
        "$ kill -9 %1",
        "$ wait %1",
        "[exit 137]");
    assertThat(transcript).noneMatch(line -> line.contains("packets captured"));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
