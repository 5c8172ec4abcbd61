package dev.netsim.sim.conform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormaliserTest {
  private static List<String> lines(String transcript) {
    return List.of(Normaliser.normalise(Transcript.parse(transcript)).render().split("\n"));
  }

  @Test
  void aBuiltinsErrorLosesTheHarnessScriptsNameAsAnInteractiveBashShowsIt() {
    assertThat(lines("""
        $ wait %1
        /tmp/netsim-kernel-harness6249894826815935102.sh: line 37: wait: %1: no such job
        [exit 127]
        """)).containsExactly("$ wait %1", "bash: wait: %1: no such job", "[exit 127]");
  }

  @Test
  void ssRowsOfOneProtocolAreComparedInAnyOrderButTheProtocolsKeepTheirs() {
    String kernel = """
        $ ss -tunl
        Netid State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
        udp   UNCONN 0      0            0.0.0.0:5353      0.0.0.0:*
        tcp   LISTEN 0      1            0.0.0.0:7000      0.0.0.0:*
        tcp   LISTEN 0      1            0.0.0.0:8080      0.0.0.0:*
        """;
    String netsim = """
        $ ss -tunl
        Netid State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
        udp   UNCONN 0      0            0.0.0.0:5353      0.0.0.0:*
        tcp   LISTEN 0      1            0.0.0.0:8080      0.0.0.0:*
        tcp   LISTEN 0      1            0.0.0.0:7000      0.0.0.0:*
        """;
    assertThat(lines(netsim)).isEqualTo(lines(kernel));
    assertThat(lines(netsim).get(2)).startsWith("udp");
  }

  @Test
  void pingTimesAreRemoved() {
    assertThat(lines("""
        $ ping -c 2 -i 0.2 -W 1 192.0.2.2
        64 bytes from 192.0.2.2: icmp_seq=1 ttl=64 time=0.041 ms
        2 packets transmitted, 2 received, 0% packet loss, time 202ms
        rtt min/avg/max/mdev = 0.041/0.048/0.055/0.007 ms
        """)).containsExactly("$ ping -c 2 -i 0.2 -W 1 192.0.2.2",
        "64 bytes from 192.0.2.2: icmp_seq=1 ttl=64 time=<rtt> ms",
        "2 packets transmitted, 2 received, 0% packet loss, time <N>ms",
        "rtt min/avg/max/mdev = <rtt> ms");
  }

  @Test
  void tcpdumpTimestampsAndEchoIdsBecomePlaceholdersButTheSameIdTwiceIsStillChecked() {
    assertThat(lines("""
        $ ip netns exec RED ping -c 1 -W 1 11.11.11.3 > /dev/null; sleep 1.5
        02:05:21.481462 ARP, Request who-has 11.11.11.3 tell 11.11.11.2, length 28
        02:05:21.481485 IP 11.11.11.2 > 11.11.11.3: ICMP echo request, id 32, seq 1, length 64
        02:05:21.481519 reth1 Out IP 11.11.11.3 > 11.11.11.2: ICMP echo reply, id 32, seq 1, length 64
        02:05:22.993524 IP 11.11.11.2 > 11.11.11.3: ICMP echo request, id 35, seq 1, length 64
        """)).containsExactly("$ ip netns exec RED ping -c 1 -W 1 11.11.11.3 > /dev/null; sleep 1.5",
        "<time> ARP, Request who-has 11.11.11.3 tell 11.11.11.2, length 28",
        "<time> IP 11.11.11.2 > 11.11.11.3: ICMP echo request, id <id1>, seq 1, length 64",
        "<time> reth1 Out IP 11.11.11.3 > 11.11.11.2: ICMP echo reply, id <id1>, seq 1, length 64",
        "<time> IP 11.11.11.2 > 11.11.11.3: ICMP echo request, id <id2>, seq 1, length 64");
  }

  @Test
  void conntrackTimeoutsIdsAndChosenPortsBecomePlaceholdersButNamedPortsStay() {
    assertThat(lines("""
        $ ip netns exec S nc -l -p 8080 &
        $ ip netns exec S conntrack -L
        tcp      6 119 TIME_WAIT src=192.0.2.1 dst=192.0.2.2 sport=53636 dport=8080 src=192.0.2.2 dst=192.0.2.1 sport=8080 dport=53636 [ASSURED] mark=0 use=1
        icmp     1 29 src=192.0.2.2 dst=192.0.2.1 type=8 code=0 id=20 src=192.0.2.1 dst=192.0.2.2 type=0 code=0 id=20 mark=0 use=1
        """)).containsExactly("$ ip netns exec S nc -l -p 8080 &", "$ ip netns exec S conntrack -L",
        "icmp     1 <timeout> src=192.0.2.2 dst=192.0.2.1 type=8 code=0 id=<id1> src=192.0.2.1 dst=192.0.2.2 type=0 code=0 id=<id1> mark=0 use=1",
        "tcp      6 <timeout> TIME_WAIT src=192.0.2.1 dst=192.0.2.2 sport=<port1> dport=8080 src=192.0.2.2 dst=192.0.2.1 sport=8080 dport=<port1> [ASSURED] mark=0 use=1");
  }

  @Test
  void conntrackOrderDoesNotMatterButTheSameIdTwiceIsStillChecked() {
    String a = """
        $ conntrack -L --src-nat
        icmp     1 29 src=11.11.11.2 dst=203.0.113.8 type=8 code=0 id=48 src=203.0.113.8 dst=198.51.100.10 type=0 code=0 id=48 mark=0 use=1
        icmp     1 29 src=11.11.11.3 dst=203.0.113.8 type=8 code=0 id=52 src=203.0.113.8 dst=198.51.100.10 type=0 code=0 id=52 mark=0 use=1
        """;
    String swapped = """
        $ conntrack -L --src-nat
        icmp     1 28 src=11.11.11.3 dst=203.0.113.8 type=8 code=0 id=7 src=203.0.113.8 dst=198.51.100.10 type=0 code=0 id=7 mark=0 use=1
        icmp     1 29 src=11.11.11.2 dst=203.0.113.8 type=8 code=0 id=9 src=203.0.113.8 dst=198.51.100.10 type=0 code=0 id=9 mark=0 use=1
        """;
    String broken = swapped.replace("id=7 mark", "id=8 mark");
    assertThat(lines(swapped)).isEqualTo(lines(a));
    assertThat(lines(broken)).isNotEqualTo(lines(a));
  }

  @Test
  void macsBecomePlaceholdersInOrderOfFirstAppearanceIncludingBridgeIdsAndLinkLocalAddresses() {
    assertThat(lines("""
        $ ip link show master br0
        3: reth1@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br0 state UP mode DEFAULT group default qlen 1000
            link/ether 26:67:18:c3:de:0d brd ff:ff:ff:ff:ff:ff link-netns RED
        $ brctl show br0
        bridge name	bridge id		STP enabled	interfaces
        br0		8000.266718c3de0d	no		reth1
        $ ip -br addr
        reth1@if2        UP             fe80::2467:18ff:fec3:de0d/64\s
        dummyveth@peer0  UP             192.0.2.10/24 fe80::b0a0:eaff:fea0:41d3/64\s
        $ ip link set eth9 address 02:00:00:00:00:09
        $ ip link show eth9
            link/ether 02:00:00:00:00:09 brd ff:ff:ff:ff:ff:ff
        """)).containsExactly("$ ip link show master br0",
        "<idx>: reth1@if<idx>: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br0 state UP mode DEFAULT group default qlen 1000",
        "    link/ether <mac1> brd ff:ff:ff:ff:ff:ff link-netns RED",
        "$ brctl show br0", "bridge name\tbridge id\t\tSTP enabled\tinterfaces", "br0\t\t8000.<mac1>\tno\t\treth1",
        "$ ip -br addr",
        "reth1@if<idx>        UP             fe80::<mac1>/64 ",
        "dummyveth@peer0  UP             192.0.2.10/24 fe80::<mac2>/64 ",
        "$ ip link set eth9 address 02:00:00:00:00:09", "$ ip link show eth9",
        "    link/ether 02:00:00:00:00:09 brd ff:ff:ff:ff:ff:ff");
  }

  @Test
  void multicastAndAllZeroMacsAndEmptyBridgeIdsStay() {
    assertThat(lines("""
        $ bridge fdb show
        33:33:00:00:00:01 dev br0 self permanent
        br0		8000.000000000000	no
        """)).containsExactly("$ bridge fdb show", "33:33:00:00:00:01 dev br0 self permanent",
        "br0\t\t8000.000000000000\tno");
  }

  @Test
  void saveDatesAgeingTimersAndSsPidsAreRemoved() {
    assertThat(lines("""
        $ iptables-save
        # Generated by iptables-save v1.8.9 (nf_tables) on Sat Nov 28 17:46:32 2026
        # Completed on Sat Nov 28 17:46:32 2026
        $ brctl showmacs br0
          1	26:67:18:c3:de:0d	yes		   0.00
          2	8e:66:4c:ce:78:92	no		   1.27
        $ ss -tnlp
        LISTEN 0      1            0.0.0.0:8080      0.0.0.0:*    users:(("nc",pid=4711,fd=3))
        """)).containsExactly("$ iptables-save",
        "# Generated by iptables-save v1.8.9 (nf_tables) on <date>", "# Completed on <date>",
        "$ brctl showmacs br0", "  1\t<mac1>\tyes\t\t   0.00", "  2\t<mac2>\tno\t\t   <age>",
        "$ ss -tnlp", "LISTEN 0      1            0.0.0.0:<port1>      0.0.0.0:*    users:((\"nc\",pid=<pid>,fd=3))");
  }

  @Test
  void neighbourOrderDoesNotMatter() {
    assertThat(lines("""
        $ ip neigh
        192.0.2.99 dev a0 FAILED 
        192.0.2.98 dev a0 FAILED 
        """)).isEqualTo(lines("""
        $ ip neigh
        192.0.2.98 dev a0 FAILED 
        192.0.2.99 dev a0 FAILED 
        """));
  }

  @Test
  void exitStatusesAndOrdinaryOutputAreKept() {
    String text = """
        $ ip link add v0 type veth peer name v2
        RTNETLINK answers: File exists
        [exit 2]
        """;
    assertThat(Normaliser.normalise(Transcript.parse(text)).render()).isEqualTo(text);
  }
}
