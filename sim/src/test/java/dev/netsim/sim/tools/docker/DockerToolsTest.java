package dev.netsim.sim.tools.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.sim.World;
import dev.netsim.sim.shell.FilePolicy;
import dev.netsim.sim.shell.RunOptions;
import dev.netsim.sim.shell.RunResult;
import dev.netsim.sim.shell.ScriptRunner;
import dev.netsim.sim.shell.ToolRegistry;
import dev.netsim.sim.tools.SimulatedHost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docker-host preset and the docker CLI: exact output, and what containers do to the host's rules. */
class DockerToolsTest {
  private static final ToolRegistry TOOLS = ToolRegistry.standard();

  private static final String PRESET_RULES = """
      *filter
      :INPUT ACCEPT [0:0]
      :FORWARD DROP [0:0]
      :OUTPUT ACCEPT [0:0]
      :DOCKER - [0:0]
      :DOCKER-ISOLATION-STAGE-1 - [0:0]
      :DOCKER-ISOLATION-STAGE-2 - [0:0]
      :DOCKER-USER - [0:0]
      -A FORWARD -j DOCKER-USER
      -A FORWARD -j DOCKER-ISOLATION-STAGE-1
      -A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
      -A FORWARD -o docker0 -j DOCKER
      -A FORWARD -i docker0 ! -o docker0 -j ACCEPT
      -A FORWARD -i docker0 -o docker0 -j ACCEPT
      -A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2
      -A DOCKER-ISOLATION-STAGE-1 -j RETURN
      -A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
      -A DOCKER-ISOLATION-STAGE-2 -j RETURN
      -A DOCKER-USER -j RETURN
      COMMIT
      *nat
      :PREROUTING ACCEPT [0:0]
      :INPUT ACCEPT [0:0]
      :OUTPUT ACCEPT [0:0]
      :POSTROUTING ACCEPT [0:0]
      :DOCKER - [0:0]
      -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
      -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
      -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
      -A DOCKER -i docker0 -j RETURN
      COMMIT
      """;

  @TempDir
  Path work;

  private RunResult lastResult;

  /** The {@code --echo} transcript of {@code script} on a fresh world with {@code preset} (or none). */
  private String run(String preset, World world, String script) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    RunOptions options = RunOptions.defaults().withEcho(true).withPreset(preset).withFiles(FilePolicy.in(work));
    lastResult = new ScriptRunner(TOOLS).run(script, "test.sh", null, new SimulatedHost(world), options, out, out);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private String run(String script) {
    return run("docker-host", new World(), script);
  }

  /** iptables-save without its timestamped comment lines. */
  private static String rules(String transcript) {
    return transcript.lines().filter(line -> !line.startsWith("#") && !line.startsWith("$"))
        .map(line -> line + "\n").reduce("", String::concat);
  }

  @Test
  void thePresetHoldsDockersRulesLoadedThroughIptables() {
    assertThat(rules(run("iptables-save\n"))).isEqualTo(PRESET_RULES);
  }

  @Test
  void dockerIsTheSamePresetAsDockerHost() {
    assertThat(rules(run("docker", new World(), "iptables-save\n"))).isEqualTo(PRESET_RULES);
  }

  @Test
  void thePresetsInterfacesRoutesAndForwarding() {
    assertThat(run("ip -br addr\nip route\nip netns list\ncat /proc/sys/net/ipv4/ip_forward\n")).isEqualTo("""
        $ ip -br addr
        lo               UNKNOWN        127.0.0.1/8 ::1/128\s
        eth0             UP             10.0.2.15/24 fe80::a00:27ff:fe4f:a86e/64\s
        eth1             UP             192.168.50.10/24 fe80::a00:27ff:feb5:129c/64\s
        docker0          DOWN           172.17.0.1/16\s
        $ ip route
        default via 10.0.2.2 dev eth0\s
        10.0.2.0/24 dev eth0 proto kernel scope link src 10.0.2.15\s
        172.17.0.0/16 dev docker0 proto kernel scope link src 172.17.0.1 linkdown\s
        192.168.50.0/24 dev eth1 proto kernel scope link src 192.168.50.10\s
        $ ip netns list
        $ cat /proc/sys/net/ipv4/ip_forward
        1
        """);
    // The outside PC and the internet are other machines: the host lists only its own namespace.
    assertThat(run("lsns -t net\n").lines()).hasSize(3).last().asString().endsWith("/sbin/init");
  }

  @Test
  void theInternetAnswersPublicAddressesButRoutesNothingBackToPrivateSources() {
    String transcript = run("""
        ping -c 1 -W 1 8.8.8.8
        ping -c 1 -W 1 1.1.1.1
        ip netns exec pc ping -c 1 -W 1 192.168.50.10
        iptables -t nat -D POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
        docker run --rm busybox ping -c 1 -W 1 8.8.8.8
        """);
    assertThat(transcript).contains("64 bytes from 8.8.8.8: icmp_seq=1 ttl=64")
        .contains("64 bytes from 1.1.1.1: icmp_seq=1 ttl=64")
        .contains("64 bytes from 192.168.50.10: icmp_seq=1 ttl=64")
        .endsWith("1 packets transmitted, 0 received, 100% packet loss, time 0ms\n\n[exit 1]\n");
  }

  @Test
  void theInternetAcceptsTcpOnDnsAndHttpsPortsAndRefusesOthers() {
    assertThat(run("""
        nc -z -v -w 1 8.8.8.8 443
        nc -z -v -w 1 1.1.1.1 53
        nc -z -v -w 1 8.8.8.8 80
        """)).isEqualTo("""
        $ nc -z -v -w 1 8.8.8.8 443
        Connection to 8.8.8.8 443 port [tcp/https] succeeded!
        $ nc -z -v -w 1 1.1.1.1 53
        Connection to 1.1.1.1 53 port [tcp/domain] succeeded!
        $ nc -z -v -w 1 8.8.8.8 80
        nc: connect to 8.8.8.8 port 80 (tcp) failed: Connection refused
        [exit 1]
        """);
  }

  @Test
  void thePublicBlocksLeaveOutPrivateAndSpecialRanges() {
    assertThat(DockerHostPreset.publicBlocks()).extracting(Object::toString)
        .contains("8.0.0.0/7", "1.0.0.0/8")
        .doesNotContain("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")
        .noneMatch(block -> block.startsWith("127.") || block.startsWith("11."));
  }

  @Test
  void networkLsListsTheThreeBuiltInNetworks() {
    assertThat(run("docker network ls\ndocker info | grep Network\n")).isEqualTo("""
        $ docker network ls
        NETWORK ID     NAME      DRIVER    SCOPE
        4bab106e9b34   bridge    bridge    local
        5accd5297b03   host      host      local
        cc1c7fc0365d   none      null      local
        $ docker info | grep Network
          Network: bridge host ipvlan macvlan null overlay
        """);
  }

  @Test
  void publishedPortsAddDockersThreeRulesAndStoppingRemovesThem() {
    String transcript = run("""
        docker run -d --name=web1 -p 10001:80 --rm nginx:alpine
        docker run -d --name=web2 -p 10002:80 --rm nginx:alpine
        iptables -t nat -S
        iptables -S DOCKER
        docker stop web1 web2
        iptables-save
        """);
    assertThat(transcript).contains("""
        $ iptables -t nat -S
        -P PREROUTING ACCEPT
        -P INPUT ACCEPT
        -P OUTPUT ACCEPT
        -P POSTROUTING ACCEPT
        -N DOCKER
        -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
        -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
        -A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
        -A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE
        -A POSTROUTING -s 172.17.0.3/32 -d 172.17.0.3/32 -p tcp -m tcp --dport 80 -j MASQUERADE
        -A DOCKER -i docker0 -j RETURN
        -A DOCKER ! -i docker0 -p tcp -m tcp --dport 10001 -j DNAT --to-destination 172.17.0.2:80
        -A DOCKER ! -i docker0 -p tcp -m tcp --dport 10002 -j DNAT --to-destination 172.17.0.3:80
        $ iptables -S DOCKER
        -N DOCKER
        -A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
        -A DOCKER -d 172.17.0.3/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT
        $ docker stop web1 web2
        web1
        web2
        """);
    assertThat(rules(transcript.substring(transcript.indexOf("$ iptables-save")))).isEqualTo(PRESET_RULES);
  }

  @Test
  void aPublishedPortIsReachableFromTheOutsidePcAndGoneAfterStop() {
    String transcript = run("""
        docker run -d --name=web1 -p 10001:80 --rm nginx:alpine
        ip netns exec pc nc -z -v -w 1 192.168.50.10 10001
        docker stop web1
        ip netns exec pc nc -z -v -w 1 192.168.50.10 10001
        """);
    assertThat(transcript).contains("Connection to 192.168.50.10 10001 port [tcp/*] succeeded!\n$ docker stop web1\nweb1\n")
        .endsWith("$ ip netns exec pc nc -z -v -w 1 192.168.50.10 10001\n"
            + "nc: connect to 192.168.50.10 port 10001 (tcp) failed: Connection refused\n[exit 1]\n");
  }

  @Test
  void psPrintsTheTableDocker24To26Prints() {
    String transcript = run("""
        docker run -d --name=web1 -p 10001:80 --rm nginx:alpine
        sleep 65
        docker run -d --name=PINK -it busybox
        sleep 3
        docker ps
        docker ps -a -q
        """);
    assertThat(transcript.substring(transcript.indexOf("$ docker ps\n"))).isEqualTo("""
        $ docker ps
        CONTAINER ID   IMAGE          COMMAND                  CREATED              STATUS              PORTS                                     NAMES
        b016205b2666   busybox        "sh"                     3 seconds ago        Up 3 seconds                                                  PINK
        18732709c2e2   nginx:alpine   "/docker-entrypoint.…"   About a minute ago   Up About a minute   0.0.0.0:10001->80/tcp, :::10001->80/tcp   web1
        $ docker ps -a -q
        b016205b2666
        18732709c2e2
        """);
  }

  @Test
  void addressesAreHandedOutInOrderFrom172_17_0_2AndReused() {
    String transcript = run("""
        docker run -d --name a -it busybox
        docker run -d --name b -it busybox
        docker run -d --name c -it busybox
        docker rm -f b
        docker run -d --name d -it busybox
        docker exec a ip -br addr show eth0
        docker exec c ip -br addr show eth0
        docker exec d ip -br addr show eth0
        docker inspect d
        """);
    assertThat(transcript).contains("eth0@if5         UP             172.17.0.2/16")
        .contains("172.17.0.4/16").contains("$ docker exec d ip -br addr show eth0\neth0@if")
        .contains("\"IPAddress\": \"172.17.0.3\"", "\"MacAddress\": \"02:42:ac:11:00:03\"");
  }

  @Test
  void aSecondNginxOnTheHostNetworkCannotBindPort80AndExitsOne() {
    String transcript = run("""
        docker run --rm -d --network host --name my_nginx nginx
        docker run -d --network host --name my_nginx_2 nginx
        sleep 3
        docker ps -a
        docker container stop my_nginx
        docker ps -a
        """);
    assertThat(transcript.substring(transcript.indexOf("$ docker ps -a\n"))).isEqualTo("""
        $ docker ps -a
        CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS                     PORTS     NAMES
        c820c83da88f   nginx     "/docker-entrypoint.…"   3 seconds ago   Exited (1) 3 seconds ago             my_nginx_2
        c7041edd14e3   nginx     "/docker-entrypoint.…"   3 seconds ago   Up 3 seconds                         my_nginx
        $ docker container stop my_nginx
        my_nginx
        $ docker ps -a
        CONTAINER ID   IMAGE     COMMAND                  CREATED         STATUS                     PORTS     NAMES
        c820c83da88f   nginx     "/docker-entrypoint.…"   3 seconds ago   Exited (1) 3 seconds ago             my_nginx_2
        """);
  }

  @Test
  void runItStartsAShellInTheContainerUntilExitThenRemovesIt() {
    String transcript = run("""
        docker run -it --name=PINK --rm busybox
        ip -br addr show eth0
        ip route
        ping -c 1 -W 1 172.17.0.1
        exit
        ip -br addr show eth0
        docker ps -a
        ip -br link show master docker0
        """);
    assertThat(transcript).contains("""
        $ ip -br addr show eth0
        eth0@if5         UP             172.17.0.2/16 fe80::42:acff:fe11:2/64\s
        $ ip route
        default via 172.17.0.1 dev eth0\s
        172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2\s
        """).contains("1 packets transmitted, 1 received")
        .endsWith("""
        $ exit
        $ ip -br addr show eth0
        eth0             UP             10.0.2.15/24 fe80::a00:27ff:fe4f:a86e/64\s
        $ docker ps -a
        CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES
        $ ip -br link show master docker0
        """);
  }

  @Test
  void stoppingAShellContainerWaitsTenSecondsAndKillsIt() {
    String transcript = run("""
        docker run -dit --name PINK busybox
        docker stop PINK
        docker ps -a
        """);
    assertThat(transcript).endsWith("Exited (137) Less than a second ago             PINK\n")
        .contains("10 seconds ago");
  }

  @Test
  void mistakesGetDockersMessagesAndStatuses() {
    assertThat(run("""
        docker stop nosuch
        docker run nosuch
        docker run
        docker exec nosuch ip a
        docker inspect nosuch
        docker run -d --name x -p 10001:80 nginx
        docker run -d --name y -p 10001:80 nginx
        docker rm x
        """)).isEqualTo("""
        $ docker stop nosuch
        Error response from daemon: No such container: nosuch
        [exit 1]
        $ docker run nosuch
        Unable to find image 'nosuch:latest' locally
        docker: Error response from daemon: pull access denied for nosuch, repository does not exist or may require 'docker login': denied: requested access to the resource is denied.
        See 'docker run --help'.
        [exit 125]
        $ docker run
        docker: 'docker run' requires at least 1 argument.

        Usage:  docker run [OPTIONS] IMAGE [COMMAND] [ARG...]

        See 'docker run --help' for more information
        [exit 125]
        $ docker exec nosuch ip a
        Error response from daemon: No such container: nosuch
        [exit 1]
        $ docker inspect nosuch
        []
        Error: No such object: nosuch
        [exit 1]
        $ docker run -d --name x -p 10001:80 nginx
        %s
        $ docker run -d --name y -p 10001:80 nginx
        docker: Error response from daemon: driver failed programming external connectivity on endpoint y (%s): Bind for 0.0.0.0:10001 failed: port is already allocated.
        [exit 125]
        $ docker rm x
        Error response from daemon: cannot remove container "/x": container is running: stop the container before removing or force remove
        [exit 1]
        """.formatted(DockerDaemon.hex("container 0 x nginx:latest"),
            DockerDaemon.hex("endpoint " + DockerDaemon.hex("container 1 y nginx:latest"))));
  }

  @Test
  void eachWorldHasItsOwnDaemon() {
    run("docker run -d --name web1 nginx\n");
    assertThat(run("docker ps -a -q\n")).isEqualTo("$ docker ps -a -q\n");
  }

  @Test
  void systemctlRestartsDockerAndLeavesOtherUnitsNotSimulated() {
    assertThat(run("""
        docker run -d --name web1 --rm nginx
        systemctl restart docker
        docker ps -q
        systemctl is-active docker
        systemctl status sshd
        """)).isEqualTo("""
        $ docker run -d --name web1 --rm nginx
        %s
        $ systemctl restart docker
        $ docker ps -q
        $ systemctl is-active docker
        active
        $ systemctl status sshd
        netsim: not simulated: systemctl status sshd
        [exit 127]
        """.formatted(DockerDaemon.hex("container 0 web1 nginx:latest")));
  }

  @Test
  void runWithACommandRunsItInTheContainerAndRemovesIt() {
    assertThat(run("""
        docker run --rm busybox echo hi
        docker run --network none --rm busybox ip -br a
        docker run --rm busybox ip route
        docker ps -a -q
        """)).isEqualTo("""
        $ docker run --rm busybox echo hi
        hi
        $ docker run --network none --rm busybox ip -br a
        lo               UNKNOWN        127.0.0.1/8 ::1/128\s
        $ docker run --rm busybox ip route
        default via 172.17.0.1 dev eth0\s
        172.17.0.0/16 dev eth0 proto kernel scope link src 172.17.0.2\s
        $ docker ps -a -q
        """);
  }

  @Test
  void execItOpensAShellThatLeavesTheContainerRunning() {
    String transcript = run("""
        docker run -dit --name PINK busybox
        docker exec -it PINK sh
        ip -br addr show eth0
        exit
        docker ps -q
        docker exec -it PINK sh | cat
        """);
    assertThat(transcript).contains("$ ip -br addr show eth0\neth0@if5         UP             172.17.0.2/16")
        .endsWith("$ exit\n$ docker ps -q\n" + DockerDaemon.hex("container 0 PINK busybox:latest").substring(0, 12)
            + "\n$ docker exec -it PINK sh | cat\nthe input device is not a TTY\n");
  }

  @Test
  void stopAndStartRemoveAndRestoreTheContainersNetwork() {
    String transcript = run("""
        docker run -d --name w -p 8080:80 nginx:alpine
        docker stop w
        ip -br link show master docker0
        iptables -t nat -S DOCKER
        docker start w
        iptables -t nat -S DOCKER
        docker ps --all
        """);
    assertThat(transcript).contains("""
        $ docker stop w
        w
        $ ip -br link show master docker0
        $ iptables -t nat -S DOCKER
        -N DOCKER
        -A DOCKER -i docker0 -j RETURN
        $ docker start w
        w
        $ iptables -t nat -S DOCKER
        -N DOCKER
        -A DOCKER -i docker0 -j RETURN
        -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
        """).contains("Up Less than a second   0.0.0.0:8080->80/tcp, :::8080->80/tcp   w\n");
  }

  @Test
  void networkInspectListsRunningContainersAndRejectsUnknownNetworks() {
    String transcript = run("""
        docker run -d --name w nginx:alpine
        docker inspect --type network bridge | grep -A6 '"Containers"'
        docker network inspect nosuch
        docker run --network nosuch busybox
        """);
    assertThat(transcript).isEqualTo("""
        $ docker run -d --name w nginx:alpine
        %1$s
        $ docker inspect --type network bridge | grep -A6 '"Containers"'
                "Containers": {
                    "%1$s": {
                        "Name": "w",
                        "EndpointID": "%2$s",
                        "MacAddress": "02:42:ac:11:00:02",
                        "IPv4Address": "172.17.0.2/16",
                        "IPv6Address": ""
        $ docker network inspect nosuch
        []
        Error response from daemon: network nosuch not found
        [exit 1]
        $ docker run --network nosuch busybox
        docker: Error response from daemon: network nosuch not found.
        See 'docker run --help'.
        [exit 125]
        """.formatted(DockerDaemon.hex("container 0 w nginx:alpine"),
            DockerDaemon.hex("endpoint " + DockerDaemon.hex("container 0 w nginx:alpine") + " 5000000000")));
  }

  @Test
  void publishOptionsNetsimDoesNotModelAreNotSimulatedAndMalformedOnesRejected() {
    assertThat(run("""
        docker run -p 99999:80 nginx
        docker run -p abc nginx
        docker run -d -p 80 nginx
        docker run -d -p 127.0.0.1:8080:80 nginx
        docker ps -a -q
        """)).isEqualTo("""
        $ docker run -p 99999:80 nginx
        docker: invalid hostPort: 99999.
        See 'docker run --help'.
        [exit 125]
        $ docker run -p abc nginx
        docker: invalid containerPort: abc.
        See 'docker run --help'.
        [exit 125]
        $ docker run -d -p 80 nginx
        netsim: not simulated: docker run -d -p 80 nginx
        [exit 127]
        $ docker run -d -p 127.0.0.1:8080:80 nginx
        netsim: not simulated: docker run -d -p 127.0.0.1:8080:80 nginx
        [exit 127]
        $ docker ps -a -q
        """);
  }

  @Test
  void strictStopsAtADockerFormNetsimDoesNotModel() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    RunOptions options = RunOptions.defaults().withEcho(true).withStrict(true).withPreset("docker-host")
        .withFiles(FilePolicy.in(work));
    RunResult result = new ScriptRunner(TOOLS).run("docker run nginx\necho after\n", "test.sh", null,
        new SimulatedHost(new World()), options, out, out);
    assertThat(result.status()).isEqualTo(127);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
        "$ docker run nginx\nnetsim: not simulated: docker run nginx (it would never end; use -d)\n[exit 127]\n");
  }

  @Test
  void dockerProxyServesLoopbackAndHairpinConnectionsTheRulesLeaveOut() {
    String transcript = run("""
        docker run -d --name=web1 -p 10001:80 --rm nginx:alpine
        ss -tnlp
        curl -s localhost:10001 | grep -o '<title>.*</title>'
        docker run --rm busybox nc -z -v -w 1 10.0.2.15 10001
        docker stop web1
        ss -tnlp
        curl -s localhost:10001
        """);
    assertThat(transcript.substring(transcript.indexOf("$ ss -tnlp"))).isEqualTo("""
        $ ss -tnlp
        State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess
        LISTEN 0      4096         0.0.0.0:10001      0.0.0.0:*    users:(("docker-proxy",pid=2817,fd=4))
        $ curl -s localhost:10001 | grep -o '<title>.*</title>'
        <title>Welcome to nginx!</title>
        $ docker run --rm busybox nc -z -v -w 1 10.0.2.15 10001
        Connection to 10.0.2.15 10001 port [tcp/*] succeeded!
        $ docker stop web1
        web1
        $ ss -tnlp
        State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess
        $ curl -s localhost:10001
        [exit 7]
        """);
  }

  @Test
  void aPublishedPortTakenOnTheHostFailsTheStartAndAddsNoRules() {
    String transcript = run("""
        docker run -d --network host --name h nginx
        docker run -d -p 80:80 --name clash nginx
        docker ps -a
        iptables -t nat -S DOCKER
        """);
    assertThat(transcript).contains("""
        docker: Error response from daemon: driver failed programming external connectivity on endpoint clash (%s): \
        Error starting userland proxy: listen tcp4 0.0.0.0:80: bind: address already in use.
        [exit 125]
        """.formatted(DockerDaemon.hex("endpoint " + DockerDaemon.hex("container 1 clash nginx:latest"))))
        .containsPattern("   Created +clash\n")
        .endsWith("$ iptables -t nat -S DOCKER\n-N DOCKER\n-A DOCKER -i docker0 -j RETURN\n");
  }

  @Test
  void aScriptHeaderSelectsThePreset() {
    String transcript = run(null, new World(), "#!/bin/bash\n# netsim: --preset docker-host\niptables -S DOCKER-USER\n");
    assertThat(transcript).isEqualTo("$ iptables -S DOCKER-USER\n-N DOCKER-USER\n-A DOCKER-USER -j RETURN\n");
  }

  @Test
  void aScriptHeaderNamingAnUnknownPresetRunsNothing() {
    run(null, new World(), "# netsim: --preset nosuch\necho ran\n");
    assertThat(lastResult.status()).isEqualTo(2);
    assertThat(lastResult.diagnostic()).isEqualTo("test.sh: line 1: unknown preset `nosuch'; known: docker, docker-host");
  }
}
