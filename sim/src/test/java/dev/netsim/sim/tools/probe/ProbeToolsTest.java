package dev.netsim.sim.tools.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.sim.World;
import dev.netsim.sim.programs.HttpServer;
import dev.netsim.sim.shell.RunOptions;
import dev.netsim.sim.shell.ScriptRunner;
import dev.netsim.sim.shell.ToolRegistry;
import dev.netsim.sim.stack.SocketError;
import dev.netsim.sim.tools.SimulatedHost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * nc, curl, ss and conntrack as scripts see them: exact transcripts (as {@code netsim run --echo} prints
 * them), each expected text taken from the same commands run on Linux (Debian 12's netcat-openbsd 1.219,
 * curl 7.88.1, iproute2 6.1, conntrack-tools 1.4.7) with kernel-transcript. The conformance suite's scripts
 * 36-38 check the same tools against recordings; these tests pin single behaviours.
 */
class ProbeToolsTest {
  private static final ToolRegistry TOOLS = ToolRegistry.standard();
  private static final String PAIR = String.join("\n", "ip netns add C", "ip netns add S",
      "ip link add c0 netns C type veth peer name s0 netns S",
      "ip netns exec C ip addr add 192.0.2.1/24 dev c0", "ip netns exec S ip addr add 192.0.2.2/24 dev s0",
      "ip netns exec C ip link set c0 up", "ip netns exec S ip link set s0 up", "ip netns exec S ip link set lo up");

  private final World world = new World();

  /** Runs {@code setup} quietly, then {@code lines}; returns the transcript of {@code lines}. */
  private String run(String setup, String... lines) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    ScriptRunner runner = new ScriptRunner(TOOLS);
    SimulatedHost host = new SimulatedHost(world);
    runner.run(setup + "\n", "setup", null, host, RunOptions.defaults(), sink, sink);
    runner.run(String.join("\n", lines) + "\n", "test", null, host, RunOptions.defaults().withEcho(true), out, out);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void ncReportsEachOutcomeOfAConnectInTheRealWords() {
    assertThat(run(PAIR,
        "ip netns exec S nc -l -p 8080 &",
        "ip netns exec C nc -z -v -w 1 192.0.2.2 8080",
        "wait %1",
        "ip netns exec C nc -z -v -w 1 192.0.2.2 22 24",
        "ip netns exec C nc -z -w 1 192.0.2.2 22",
        "ip netns exec C nc -z -v -w 1 192.0.2.9 80",
        "ip netns exec C nc -z -v -w 1 10.9.9.9 80",
        "ip netns exec C nc -z -v -w 1 nosuchhost 80"))
        .isEqualTo("""
            $ ip netns exec S nc -l -p 8080 &
            $ ip netns exec C nc -z -v -w 1 192.0.2.2 8080
            Connection to 192.0.2.2 8080 port [tcp/http-alt] succeeded!
            $ wait %1
            $ ip netns exec C nc -z -v -w 1 192.0.2.2 22 24
            nc: connect to 192.0.2.2 port 22 (tcp) failed: Connection refused
            nc: connect to 192.0.2.2 port 24 (tcp) failed: Connection refused
            [exit 1]
            $ ip netns exec C nc -z -w 1 192.0.2.2 22
            [exit 1]
            $ ip netns exec C nc -z -v -w 1 192.0.2.9 80
            nc: connect to 192.0.2.9 port 80 (tcp) timed out: Operation now in progress
            [exit 1]
            $ ip netns exec C nc -z -v -w 1 10.9.9.9 80
            nc: connect to 10.9.9.9 port 80 (tcp) failed: Network is unreachable
            [exit 1]
            $ ip netns exec C nc -z -v -w 1 nosuchhost 80
            nc: getaddrinfo for host "nosuchhost" port 80: Temporary failure in name resolution
            [exit 1]
            """);
  }

  @Test
  void ncSendsItsInputAndQuitsOrHalfClosesAsAsked() {
    // On Linux (kernel-transcript, the listeners writing to files) the same lines print the same replies,
    // the listeners receive hi and hi2, and both end with their connection, leaving no socket in S.
    assertThat(run(PAIR,
        "ip netns exec S nc -l -p 80 <<< 'reply' > /dev/null &",
        "echo hi | ip netns exec C nc -q 1 192.0.2.2 80",
        "ip netns exec S nc -l -p 81 <<< 'reply2' &",
        "echo hi2 | ip netns exec C nc -N 192.0.2.2 81",
        "ip netns exec S ss -tan"))
        .isEqualTo("""
            $ ip netns exec S nc -l -p 80 <<< 'reply' > /dev/null &
            $ echo hi | ip netns exec C nc -q 1 192.0.2.2 80
            reply
            $ ip netns exec S nc -l -p 81 <<< 'reply2' &
            $ echo hi2 | ip netns exec C nc -N 192.0.2.2 81
            hi2
            reply2
            $ ip netns exec S ss -tan
            State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
            """);
  }

  @Test
  void ncUsageErrors() {
    assertThat(run(PAIR, "nc -z -v 192.0.2.2 99999", "nc -z -v 127.0.0.1 5-", "nc -z -v 127.0.0.1 a-b",
        "nc -z -v 127.0.0.1 0-5", "nc -z -v 192.0.2.2", "nc -l", "nc -x"))
        .isEqualTo("""
            $ nc -z -v 192.0.2.2 99999
            nc: port number too large: 99999
            [exit 1]
            $ nc -z -v 127.0.0.1 5-
            nc: port number invalid:\s
            [exit 1]
            $ nc -z -v 127.0.0.1 a-b
            nc: port number invalid: a-b
            [exit 1]
            $ nc -z -v 127.0.0.1 0-5
            nc: port number too small: 0
            [exit 1]
            $ nc -z -v 192.0.2.2
            nc: missing port number
            [exit 1]
            $ nc -l
            nc: missing port number
            [exit 1]
            $ nc -x
            nc: option requires an argument -- 'x'
            usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]
            \t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]
            \t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]
            \t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]
            \t  [destination] [port]
            [exit 1]
            """);
  }

  @Test
  void udpScanWritesThreeDatagramsOrStopsAtTheFirstRefusal() {
    String transcript = run(PAIR + "\nip netns exec S iptables -t raw -A PREROUTING -p udp -j ACCEPT",
        "ip netns exec S nc -u -l -p 5353 > /dev/null &",
        "ip netns exec C nc -u -z -v -w 1 192.0.2.2 5353",
        "ip netns exec S iptables -t raw -nvxL PREROUTING",
        "ip netns exec C nc -u -z -v -w 1 192.0.2.2 5354",
        "ip netns exec S iptables -t raw -nvxL PREROUTING");
    assertThat(transcript).contains("""
        $ ip netns exec C nc -u -z -v -w 1 192.0.2.2 5353
        Connection to 192.0.2.2 5353 port [udp/mdns] succeeded!
        $ ip netns exec S iptables -t raw -nvxL PREROUTING
        Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)
            pkts      bytes target     prot opt in     out     source               destination        \s
               3       87 ACCEPT     17   --  *      *       0.0.0.0/0            0.0.0.0/0          \s
        $ ip netns exec C nc -u -z -v -w 1 192.0.2.2 5354
        [exit 1]
        $ ip netns exec S iptables -t raw -nvxL PREROUTING
        Chain PREROUTING (policy ACCEPT 0 packets, 0 bytes)
            pkts      bytes target     prot opt in     out     source               destination        \s
               4      116 ACCEPT     17   --  *      *       0.0.0.0/0            0.0.0.0/0          \s
        """);
  }

  @Test
  void ssSizesEachColumnToItsWidestCell() {
    assertThat(run(PAIR, "ip netns exec S ss -tnl", "ip netns exec S nc -l -p 8080 &",
        "ip netns exec S nc -u -l -p 5353 &", "ip netns exec S ss -tnl", "ip netns exec S ss -tunl"))
        .isEqualTo("""
            $ ip netns exec S ss -tnl
            State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
            $ ip netns exec S nc -l -p 8080 &
            $ ip netns exec S nc -u -l -p 5353 &
            $ ip netns exec S ss -tnl
            State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
            LISTEN 0      1            0.0.0.0:8080      0.0.0.0:*         \s
            $ ip netns exec S ss -tunl
            Netid State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
            udp   UNCONN 0      0            0.0.0.0:5353      0.0.0.0:*         \s
            tcp   LISTEN 0      1            0.0.0.0:8080      0.0.0.0:*         \s
            """);
  }

  @Test
  void ssProcessesShowTheOwnersOfTcpAndUdpSockets() {
    String transcript = run(PAIR, "ip netns exec S nc -l -p 8080 &", "ip netns exec S nc -u -l -p 5353 &",
        "ip netns exec S ss -tlp", "ip netns exec S ss -tulp").replaceAll("pid=[0-9]{4}", "pid=NNNN");
    // As ss 6.1 prints them: the last row's process cell does not widen the Process column (ss measures a
    // cell only when it moves on to the next), so one row leaves the header unpadded and two rows do not.
    assertThat(transcript).endsWith("""
        $ ip netns exec S ss -tlp
        State  Recv-Q Send-Q Local Address:Port     Peer Address:PortProcess
        LISTEN 0      1            0.0.0.0:http-alt      0.0.0.0:*    users:(("nc",pid=NNNN,fd=3))
        $ ip netns exec S ss -tulp
        Netid State  Recv-Q Send-Q Local Address:Port     Peer Address:PortProcess                     \s
        udp   UNCONN 0      0            0.0.0.0:mdns          0.0.0.0:*    users:(("nc",pid=NNNN,fd=3))
        tcp   LISTEN 0      1            0.0.0.0:http-alt      0.0.0.0:*    users:(("nc",pid=NNNN,fd=3))
        """);
  }

  @Test
  void conntrackListsCountsDeletesAndFlushes() {
    String transcript = run(PAIR + "\nip netns exec C iptables -A OUTPUT -m conntrack --ctstate NEW",
        "ip netns exec C conntrack -C",
        "ip netns exec C nc -z 192.0.2.2 80",
        "ip netns exec C conntrack -L",
        "ip netns exec S nc -l -p 80 &",
        "ip netns exec C nc -z 192.0.2.2 80",
        "ip netns exec C conntrack -L -p tcp --dport 80 -s 192.0.2.1 -d 192.0.2.2",
        "ip netns exec C conntrack -L -p udp",
        "ip netns exec C conntrack -C",
        "ip netns exec C conntrack -L --src-nat",
        "ip netns exec C conntrack -D -p udp",
        "ip netns exec C conntrack -F",
        "ip netns exec C conntrack -L expect");
    // A connection refused by a reset leaves no entry: conntrack kills it when the only reply is a RST.
    assertThat(transcript.replaceAll("sport=([0-9]{5})", "sport=P").replaceAll("dport=([0-9]{5})", "dport=P"))
        .isEqualTo("""
            $ ip netns exec C conntrack -C
            0
            $ ip netns exec C nc -z 192.0.2.2 80
            [exit 1]
            $ ip netns exec C conntrack -L
            conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.
            $ ip netns exec S nc -l -p 80 &
            $ ip netns exec C nc -z 192.0.2.2 80
            $ ip netns exec C conntrack -L -p tcp --dport 80 -s 192.0.2.1 -d 192.0.2.2
            tcp      6 119 TIME_WAIT src=192.0.2.1 dst=192.0.2.2 sport=P dport=80 src=192.0.2.2 dst=192.0.2.1 sport=80 dport=P [ASSURED] mark=0 use=1
            conntrack v1.4.7 (conntrack-tools): 1 flow entries have been shown.
            $ ip netns exec C conntrack -L -p udp
            conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.
            $ ip netns exec C conntrack -C
            1
            $ ip netns exec C conntrack -L --src-nat
            conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.
            $ ip netns exec C conntrack -D -p udp
            conntrack v1.4.7 (conntrack-tools): 0 flow entries have been deleted.
            [exit 1]
            $ ip netns exec C conntrack -F
            conntrack v1.4.7 (conntrack-tools): connection tracking table has been emptied.
            $ ip netns exec C conntrack -L expect
            conntrack v1.4.7 (conntrack-tools): 0 expectations have been shown.
            """);
  }

  @Test
  void conntrackUsageErrorsExitTwo() {
    assertThat(run(PAIR, "conntrack -L --dport 80", "conntrack -L -p foo", "conntrack -L -F", "conntrack -C -p tcp",
        "conntrack -L -s"))
        .isEqualTo("""
            $ conntrack -L --dport 80
            conntrack v1.4.7 (conntrack-tools): unknown option `--dport'
            Try `conntrack -h' or 'conntrack --help' for more information.
            [exit 2]
            $ conntrack -L -p foo
            conntrack v1.4.7 (conntrack-tools): `foo' unsupported protocol
            Try `conntrack -h' or 'conntrack --help' for more information.
            [exit 2]
            $ conntrack -L -F
            conntrack v1.4.7 (conntrack-tools): Invalid commands combination
            Try `conntrack -h' or 'conntrack --help' for more information.
            [exit 2]
            $ conntrack -C -p tcp
            conntrack v1.4.7 (conntrack-tools): Illegal option `--protonum' with this command
            Try `conntrack -h' or 'conntrack --help' for more information.
            [exit 2]
            $ conntrack -L -s
            conntrack v1.4.7 (conntrack-tools): option `-s' requires an argument
            Try `conntrack -h' or 'conntrack --help' for more information.
            [exit 2]
            """);
  }

  @Test
  void curlFetchesTheNginxPageFromAnHttpServer() throws SocketError {
    run(PAIR, "true");
    HttpServer.start(world.kernel().host("S"), 80, "nginx", HttpServer.NGINX_WELCOME_PAGE);
    assertThat(run("true", "ip netns exec C curl -s http://192.0.2.2/ | grep -o '<title>.*</title>'",
        "ip netns exec S curl -s -I localhost", "ip netns exec C curl -s -o /dev/null 192.0.2.2:80/nope"))
        .isEqualTo("""
            $ ip netns exec C curl -s http://192.0.2.2/ | grep -o '<title>.*</title>'
            <title>Welcome to nginx!</title>
            $ ip netns exec S curl -s -I localhost
            HTTP/1.1 200 OK\r
            Server: nginx\r
            Date: Sun, 01 Sep 2024 09:00:00 GMT\r
            Content-Type: text/html\r
            Content-Length: 615\r
            Connection: keep-alive\r
            Accept-Ranges: bytes\r
            \r
            $ ip netns exec C curl -s -o /dev/null 192.0.2.2:80/nope
            """);
  }

  @Test
  void curlGivesUpAtItsTimeLimitWhenTheServerNeverAnswers() {
    assertThat(run(PAIR, "ip netns exec S nc -k -l -p 80 > /dev/null &", "ip netns exec S curl -sS -m 2 localhost",
        "ip netns exec S curl -m 1.5 localhost"))
        .isEqualTo("""
            $ ip netns exec S nc -k -l -p 80 > /dev/null &
            $ ip netns exec S curl -sS -m 2 localhost
            curl: (28) Operation timed out after 2000 milliseconds with 0 bytes received
            [exit 28]
            $ ip netns exec S curl -m 1.5 localhost
              % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current
                                             Dload  Upload   Total   Spent    Left  Speed
            \r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\
            \r  0     0    0     0    0     0      0      0 --:--:--  0:00:01 --:--:--     0\
            \r  0     0    0     0    0     0      0      0 --:--:--  0:00:01 --:--:--     0
            curl: (28) Operation timed out after 1500 milliseconds with 0 bytes received
            [exit 28]
            """);
  }

  @Test
  void curlErrorsAndTheProgressMeter() {
    assertThat(run(PAIR, "ip netns exec C curl http://192.0.2.2:81/x", "ip netns exec C curl -sS -m 1 http://192.0.2.9/",
        "ip netns exec C curl -s nosuch.invalid", "ip netns exec C curl -s -m abc http://192.0.2.2/"))
        .isEqualTo("""
            $ ip netns exec C curl http://192.0.2.2:81/x
              % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current
                                             Dload  Upload   Total   Spent    Left  Speed
            \r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\
            \r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0
            curl: (7) Failed to connect to 192.0.2.2 port 81 after 0 ms: Couldn't connect to server
            [exit 7]
            $ ip netns exec C curl -sS -m 1 http://192.0.2.9/
            curl: (28) Connection timed out after 1000 milliseconds
            [exit 28]
            $ ip netns exec C curl -s nosuch.invalid
            [exit 6]
            $ ip netns exec C curl -s -m abc http://192.0.2.2/
            curl: option -m: expected a proper numerical parameter
            curl: try 'curl --help' or 'curl --manual' for more information
            [exit 2]
            """);
  }
}
