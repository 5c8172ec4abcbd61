package dev.netsim.rules.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.core.value.Ipv4;
import dev.netsim.rules.cli.IptablesCommand;
import dev.netsim.rules.cli.ShellWords;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.ext.target.NatTarget;
import dev.netsim.rules.ext.target.NfqueueTarget;
import dev.netsim.rules.ext.target.RejectTarget;
import dev.netsim.rules.ext.target.TeeTarget;
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.TableName;
import dev.netsim.rules.state.IptablesState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * How each modelled match tests packets and what each target does to them, through the reference evaluator:
 * a rule {@code -A CHAIN <match> -j ACCEPT} in a chain whose policy is DROP accepts exactly the packets the
 * match matches. Matches netsim does not model come out undetermined.
 */
class ExtensionEvaluationTest {
  /** A TCP SYN from 10.0.0.1:40000 to 10.0.0.2:22, arriving on eth0 (INPUT). */
  private static PacketContext packet() {
    PacketContext packet = new PacketContext();
    packet.src = ip("10.0.0.1");
    packet.dst = ip("10.0.0.2");
    packet.protocol = 6;
    packet.srcPort = 40000;
    packet.dstPort = 22;
    packet.tcpFlags = 0x02;
    packet.length = 60;
    packet.ttl = 64;
    packet.inInterface = "eth0";
    return packet;
  }

  private static int ip(String text) {
    return Ipv4.parse(text).bits();
  }

  private static void run(IptablesState state, String command) {
    List<String> argv = new ArrayList<>(List.of("iptables"));
    argv.addAll(ShellWords.split(command));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(new IptablesCommand(state).run(argv, stream, stream)).as(command + ": " + err).isZero();
  }

  /** What {@code match} says about the packet set up by {@code setup}, at filter INPUT (or the given chain). */
  private static MatchResult check(String match, Consumer<PacketContext> setup) {
    return check("filter", Hook.INPUT, match, setup);
  }

  private static MatchResult check(String table, Hook hook, String match, Consumer<PacketContext> setup) {
    IptablesState state = new IptablesState();
    if (table.equals("filter")) {
      run(state, "-P " + hook.name() + " DROP");
    }
    run(state, "-t " + table + " -A " + hook.name() + " " + match + " -j ACCEPT");
    if (!table.equals("filter")) {
      run(state, "-t " + table + " -A " + hook.name() + " -j DROP");
    }
    PacketContext packet = packet();
    if (hook == Hook.OUTPUT || hook == Hook.POSTROUTING) {
      packet.inInterface = null;
      packet.outInterface = "eth1";
    } else if (hook == Hook.FORWARD) {
      packet.outInterface = "eth1";
    }
    setup.accept(packet);
    Verdict verdict = new ReferenceEvaluator(state).evaluate(TableName.byId(table), hook, packet, new Evaluation(),
        null);
    return switch (verdict) {
      case ACCEPT -> MatchResult.MATCH;
      case DROP -> MatchResult.NO_MATCH;
      case UNDETERMINED -> MatchResult.UNDETERMINED;
      default -> throw new AssertionError(verdict);
    };
  }

  private static final Consumer<PacketContext> AS_IS = packet -> { };

  @Test
  void header() {
    assertThat(check("-s 10.0.0.0/8", AS_IS)).isEqualTo(MatchResult.MATCH);
    assertThat(check("! -s 10.0.0.0/8", AS_IS)).isEqualTo(MatchResult.NO_MATCH);
    assertThat(check("-d 10.0.0.3", AS_IS)).isEqualTo(MatchResult.NO_MATCH);
    assertThat(check("-d 10.0.0.2/255.0.0.255", p -> p.dst = ip("10.9.9.2"))).isEqualTo(MatchResult.MATCH);
    assertThat(check("-i eth+", AS_IS)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-i eth", AS_IS)).isEqualTo(MatchResult.NO_MATCH);
    assertThat(check("! -i lo", AS_IS)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-p udp", AS_IS)).isEqualTo(MatchResult.NO_MATCH);
    assertThat(check("! -p udp", AS_IS)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-f", AS_IS)).isEqualTo(MatchResult.NO_MATCH);
    assertThat(check("-f", p -> p.laterFragment = true)).isEqualTo(MatchResult.MATCH);
    assertThat(check("filter", Hook.FORWARD, "-o eth1", AS_IS)).isEqualTo(MatchResult.MATCH);
  }

  @Test
  void tcpUdpIcmp() {
    assertThat(check("-p tcp --dport 22", AS_IS)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-p tcp --dport 1:21", AS_IS)).isEqualTo(MatchResult.NO_MATCH);
    assertThat(check("-p tcp ! --sport 1024:", AS_IS)).isEqualTo(MatchResult.NO_MATCH);
    assertThat(check("-p tcp --syn", AS_IS)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-p tcp --syn", p -> p.tcpFlags = 0x12)).isEqualTo(MatchResult.NO_MATCH);
    assertThat(check("-p tcp --tcp-flags ALL SYN,ACK", p -> p.tcpFlags = 0x12)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-p tcp ! --tcp-flags SYN,ACK ACK", AS_IS)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-p tcp --dport 22", p -> p.laterFragment = true)).isEqualTo(MatchResult.NO_MATCH);
    Consumer<PacketContext> dns = p -> {
      p.protocol = 17;
      p.dstPort = 53;
      p.tcpFlags = 0;
    };
    assertThat(check("-p udp --dport domain", dns)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-p udp --sport 53", dns)).isEqualTo(MatchResult.NO_MATCH);
    Consumer<PacketContext> ping = p -> {
      p.protocol = 1;
      p.srcPort = -1;
      p.dstPort = -1;
      p.icmpType = 8;
      p.icmpCode = 0;
    };
    assertThat(check("-p icmp --icmp-type echo-request", ping)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-p icmp --icmp-type any", ping)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-p icmp ! --icmp-type 8", ping)).isEqualTo(MatchResult.NO_MATCH);
    assertThat(check("-p icmp --icmp-type port-unreachable", p -> {
      ping.accept(p);
      p.icmpType = 3;
      p.icmpCode = 3;
    })).isEqualTo(MatchResult.MATCH);
    assertThat(check("-p icmp --icmp-type 3/1", p -> {
      ping.accept(p);
      p.icmpType = 3;
      p.icmpCode = 3;
    })).isEqualTo(MatchResult.NO_MATCH);
  }

  @Test
  void multiportIprangeMacCommentLength() {
    assertThat(check("-p tcp -m multiport --dports 80,22,443", AS_IS)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-p tcp -m multiport --dports 1:21,23", AS_IS)).isEqualTo(MatchResult.NO_MATCH);
    assertThat(check("-p tcp -m multiport ! --ports 22", AS_IS)).isEqualTo(MatchResult.NO_MATCH);
    assertThat(check("-p tcp -m multiport --ports 40000", AS_IS)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-m iprange --src-range 10.0.0.0-10.0.0.5", AS_IS)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-m iprange ! --dst-range 10.0.0.2-10.0.0.2", AS_IS)).isEqualTo(MatchResult.NO_MATCH);
    assertThat(check("-m mac --mac-source 02:00:00:00:00:01", p -> p.srcMac = 0x020000000001L))
        .isEqualTo(MatchResult.MATCH);
    assertThat(check("-m mac ! --mac-source 02:00:00:00:00:01", p -> p.srcMac = 0x020000000002L))
        .isEqualTo(MatchResult.MATCH);
    assertThat(check("-m comment --comment anything", AS_IS)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-m length --length 0:60", AS_IS)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-m length ! --length 60", AS_IS)).isEqualTo(MatchResult.NO_MATCH);
  }

  @Test
  void marksAndConntrack() {
    assertThat(check("-m mark --mark 0x4000/0x4000", p -> p.mark = 0x4001)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-m mark ! --mark 0x1", p -> p.mark = 0x1)).isEqualTo(MatchResult.NO_MATCH);
    TestConntrack established = new TestConntrack(CtState.ESTABLISHED);
    established.mark = 0x20;
    assertThat(check("-m connmark --mark 0x20/0xf0", p -> p.conntrack = established)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-m connmark --mark 0x20", AS_IS)).isEqualTo(MatchResult.NO_MATCH);
    assertThat(check("-m state --state ESTABLISHED,RELATED", p -> p.conntrack = established))
        .isEqualTo(MatchResult.MATCH);
    assertThat(check("-m conntrack --ctstate NEW", p -> p.conntrack = established)).isEqualTo(MatchResult.NO_MATCH);
    assertThat(check("-m conntrack --ctstate INVALID", AS_IS)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-m conntrack --ctstate UNTRACKED", p -> p.notrack = true)).isEqualTo(MatchResult.MATCH);
    TestConntrack dnat = new TestConntrack(CtState.NEW);
    dnat.natState = CtState.DNAT;
    dnat.origDst = ip("203.0.113.5");
    assertThat(check("-m conntrack --ctstate DNAT --ctorigdst 203.0.113.5", p -> p.conntrack = dnat))
        .isEqualTo(MatchResult.MATCH);
    assertThat(check("-m conntrack ! --ctstate DNAT", p -> p.conntrack = dnat)).isEqualTo(MatchResult.NO_MATCH);
    assertThat(check("-m conntrack --ctdir REPLY", p -> p.conntrack = dnat)).isEqualTo(MatchResult.NO_MATCH);
    dnat.status = CtState.STATUS_ASSURED | CtState.STATUS_CONFIRMED;
    assertThat(check("-m conntrack --ctstatus ASSURED", p -> p.conntrack = dnat)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-m conntrack --ctproto udp", p -> p.conntrack = dnat)).isEqualTo(MatchResult.NO_MATCH);
  }

  @Test
  void addrtypePhysdevPkttypeTtlTosDscpEcn() {
    AddressTypes local = (address, iface) -> address == ip("10.0.0.2") ? AddressTypes.LOCAL : AddressTypes.UNICAST;
    assertThat(check("-m addrtype --dst-type LOCAL", p -> p.addressTypes = local)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-m addrtype --src-type LOCAL", p -> p.addressTypes = local)).isEqualTo(MatchResult.NO_MATCH);
    assertThat(check("-m addrtype --dst-type LOCAL", AS_IS)).isEqualTo(MatchResult.UNDETERMINED);
    Consumer<PacketContext> bridged = p -> {
      p.bridged = true;
      p.physInInterface = "veth1";
      p.physOutInterface = "veth2";
    };
    assertThat(check("filter", Hook.FORWARD, "-m physdev --physdev-is-bridged", bridged)).isEqualTo(MatchResult.MATCH);
    assertThat(check("filter", Hook.FORWARD, "-m physdev --physdev-in veth+", bridged)).isEqualTo(MatchResult.MATCH);
    assertThat(check("filter", Hook.FORWARD, "-m physdev --physdev-is-bridged", AS_IS))
        .isEqualTo(MatchResult.NO_MATCH);
    assertThat(check("-m pkttype --pkt-type broadcast", p -> p.pktType = PacketContext.PACKET_BROADCAST))
        .isEqualTo(MatchResult.MATCH);
    assertThat(check("-m pkttype --pkt-type unicast", AS_IS)).isEqualTo(MatchResult.UNDETERMINED);
    assertThat(check("-m ttl --ttl-lt 65", AS_IS)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-m ttl ! --ttl-eq 64", AS_IS)).isEqualTo(MatchResult.NO_MATCH);
    assertThat(check("-m tos --tos Minimize-Delay", p -> p.tos = 0x10)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-m dscp --dscp-class EF", p -> p.tos = 46 << 2)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-p tcp -m ecn --ecn-tcp-cwr", p -> p.tcpFlags |= 0x80)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-m ecn --ecn-ip-ect 3", p -> p.tos = 1)).isEqualTo(MatchResult.NO_MATCH);
  }

  @Test
  void statefulMatchesKeepTheirStatePerRule() {
    IptablesState state = new IptablesState();
    run(state, "-P INPUT DROP");
    run(state, "-A INPUT -m limit --limit 2/sec --limit-burst 2 -j ACCEPT");
    ReferenceEvaluator evaluator = new ReferenceEvaluator(state);
    PacketContext packet = packet();
    Evaluation result = new Evaluation();
    List<Verdict> verdicts = new ArrayList<>();
    long[] times = {0, 1, 2, 500_000_000L, 500_000_001L, 1_500_000_000L};
    for (long time : times) {
      packet.nowNanos = time;
      verdicts.add(evaluator.evaluate(TableName.FILTER, Hook.INPUT, packet, result, null));
    }
    // burst of 2, then one token every 500 ms
    assertThat(verdicts).containsExactly(Verdict.ACCEPT, Verdict.ACCEPT, Verdict.DROP, Verdict.ACCEPT,
        Verdict.DROP, Verdict.ACCEPT);

    run(state, "-F INPUT");
    run(state, "-A INPUT -m statistic --mode nth --every 3 --packet 0 -j ACCEPT");
    run(state, "-A INPUT -m quota --quota 150 -j ACCEPT");
    verdicts.clear();
    for (int i = 0; i < 6; i++) {
      verdicts.add(evaluator.evaluate(TableName.FILTER, Hook.INPUT, packet, result, null));
    }
    // nth: every third packet; quota: 150 bytes of 60-byte packets for the others
    assertThat(verdicts).containsExactly(Verdict.ACCEPT, Verdict.ACCEPT, Verdict.ACCEPT, Verdict.ACCEPT,
        Verdict.DROP, Verdict.DROP);
  }

  @Test
  void timeUsesTheWallClock() {
    // 2026-11-28 is a Saturday
    long saturdayNoon = java.time.LocalDateTime.of(2026, 11, 28, 12, 0).toEpochSecond(java.time.ZoneOffset.UTC);
    assertThat(check("-m time --timestart 09:00 --timestop 17:00 --weekdays Sat",
        p -> p.wallClockSeconds = saturdayNoon)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-m time --weekdays Mon,Tue,Wed,Thu,Fri", p -> p.wallClockSeconds = saturdayNoon))
        .isEqualTo(MatchResult.NO_MATCH);
    assertThat(check("-m time --timestart 22:00 --timestop 06:00", p -> p.wallClockSeconds = saturdayNoon))
        .isEqualTo(MatchResult.NO_MATCH);
    assertThat(check("-m time --monthdays 28 --datestop 2026-11-28T11", p -> p.wallClockSeconds = saturdayNoon))
        .isEqualTo(MatchResult.NO_MATCH);
    assertThat(check("-m time --weekdays Sat", AS_IS)).isEqualTo(MatchResult.UNDETERMINED);
  }

  @Test
  void portsOfOtherProtocolsClusterPolicy() {
    assertThat(check("-p sctp -m sctp --dport 22", p -> p.protocol = 132)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-p sctp -m sctp --chunk-types any INIT", p -> p.protocol = 132))
        .isEqualTo(MatchResult.UNDETERMINED);
    assertThat(check("-p dccp -m dccp ! --sport 40000", p -> p.protocol = 33)).isEqualTo(MatchResult.NO_MATCH);
    TestConntrack entry = new TestConntrack(CtState.NEW);
    entry.origSrc = ip("10.0.0.1");
    int node = new dev.netsim.rules.ext.match.ClusterMatch(2, 1, 7, false).evaluate(withConntrack(entry), null)
        == MatchResult.MATCH ? 1 : 2;
    assertThat(check("mangle", Hook.PREROUTING,
        "-m cluster --cluster-total-nodes 2 --cluster-local-node " + node + " --cluster-hash-seed 7",
        p -> p.conntrack = entry)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-m policy --dir in --pol none", AS_IS)).isEqualTo(MatchResult.MATCH);
    assertThat(check("-m policy --dir in --pol ipsec", AS_IS)).isEqualTo(MatchResult.NO_MATCH);
  }

  private static PacketContext withConntrack(ConntrackView entry) {
    PacketContext packet = packet();
    packet.conntrack = entry;
    return packet;
  }

  @Test
  void unmodelledMatchesAreUndetermined() {
    for (String match : List.of("-m statistic --mode random --probability 0.5", "-m string --string foo --algo bm",
        "-m recent --name x --rcheck", "-m hashlimit --hashlimit-upto 5/s --hashlimit-name x",
        "-m connlimit --connlimit-above 5", "-m connbytes --connbytes 10 --connbytes-dir both --connbytes-mode bytes",
        "-m u32 --u32 0>>22&0x3C@0>>16=0x1", "-m cpu --cpu 0", "-m helper --helper ftp", "-m connlabel --label 1",
        "-p tcp -m tcpmss --mss 1400", "-m bpf --bytecode '1,6 0 0 65535'")) {
      assertThat(check(match, AS_IS)).as(match).isEqualTo(MatchResult.UNDETERMINED);
    }
    for (String match : List.of("-m owner --uid-owner 0", "-m cgroup --path user.slice")) {
      assertThat(check("filter", Hook.OUTPUT, match, AS_IS)).as(match).isEqualTo(MatchResult.UNDETERMINED);
    }
    IptablesState state = new IptablesState();
    state.ipsets().add("blocked");
    run(state, "-A INPUT -m set --match-set blocked src -j DROP");
    assertThat(new ReferenceEvaluator(state).evaluate(TableName.FILTER, Hook.INPUT, packet(), new Evaluation(), null))
        .isEqualTo(Verdict.UNDETERMINED);
  }

  /** The reasons the first rule of filter {@code hook} gives for not being modelled (matches, then target). */
  private static List<String> notModelled(Hook hook, String rule) {
    IptablesState state = new IptablesState();
    run(state, "-A " + hook.name() + " " + rule);
    dev.netsim.rules.model.RuleSpec spec = state.ruleset().table(TableName.FILTER).builtin(hook).rules().get(0).spec();
    List<String> reasons = new ArrayList<>();
    spec.matches().stream().map(dev.netsim.rules.ext.Match::notModelled).filter(java.util.Objects::nonNull)
        .forEach(reasons::add);
    if (spec.target().notModelled() != null) {
      reasons.add(spec.target().notModelled());
    }
    return reasons;
  }

  @Test
  void unmodelledMatchesAndTargetsSaySoBeforeAnyPacket() {
    for (String match : List.of("-m statistic --mode random --probability 0.5", "-m string --string foo --algo bm",
        "-m recent --name x --rcheck", "-m hashlimit --hashlimit-upto 5/s --hashlimit-name x",
        "-m connlimit --connlimit-above 5", "-m connbytes --connbytes 10 --connbytes-dir both --connbytes-mode bytes",
        "-m u32 --u32 0>>22&0x3C@0>>16=0x1", "-m cpu --cpu 0", "-m helper --helper ftp", "-m connlabel --label 1",
        "-p tcp -m tcpmss --mss 1400", "-m bpf --bytecode '1,6 0 0 65535'", "-p tcp --tcp-option 8",
        "-m socket")) {
      assertThat(check(match, AS_IS)).as(match).isEqualTo(MatchResult.UNDETERMINED);
      assertThat(notModelled(Hook.INPUT, match + " -j ACCEPT")).as(match).singleElement().asString()
          .startsWith("netsim does not");
    }
    assertThat(notModelled(Hook.OUTPUT, "-m owner --uid-owner 0 -j ACCEPT"))
        .containsExactly("netsim does not model the owners of sockets");
    assertThat(notModelled(Hook.INPUT, "-m string --string foo --algo bm -m cpu --cpu 1 -j ACCEPT"))
        .containsExactly("netsim does not carry payload bytes", "netsim does not model CPUs");
    assertThat(notModelled(Hook.INPUT, "-m socket -j ACCEPT")).containsExactly("netsim does not model -m socket");
    for (String modelled : List.of("-p tcp --dport 22 --tcp-flags SYN,ACK SYN", "-m statistic --mode nth --every 3 --packet 0",
        "-m conntrack --ctstate NEW", "-p tcp -m length --length 60", "-m addrtype --dst-type LOCAL",
        "-m comment --comment x")) {
      assertThat(notModelled(Hook.INPUT, modelled + " -j DROP")).as(modelled).isEmpty();
    }
  }

  /** Runs one rule with {@code target} at {@code table}/{@code hook}; returns the evaluation. */
  private static Evaluation apply(String table, Hook hook, String target, PacketContext packet) {
    IptablesState state = new IptablesState();
    run(state, "-t " + table + " -A " + hook.name() + " " + target);
    Evaluation result = new Evaluation();
    new ReferenceEvaluator(state).evaluate(TableName.byId(table), hook, packet, result, null);
    return result;
  }

  @Test
  void packetChangingTargets() {
    PacketContext packet = packet();
    packet.mark = 0xf0;
    apply("mangle", Hook.PREROUTING, "-j MARK --set-mark 0x5/0xf", packet);
    assertThat(packet.mark).isEqualTo(0xf5);
    apply("mangle", Hook.PREROUTING, "-j MARK --or-mark 0x100", packet);
    assertThat(packet.mark).isEqualTo(0x1f5);
    apply("mangle", Hook.PREROUTING, "-j MARK --and-mark 0xff", packet);
    assertThat(packet.mark).isEqualTo(0xf5);
    apply("mangle", Hook.PREROUTING, "-j MARK --xor-mark 0x5", packet);
    assertThat(packet.mark).isEqualTo(0xf0);

    TestConntrack entry = new TestConntrack(CtState.NEW);
    packet.conntrack = entry;
    apply("mangle", Hook.PREROUTING, "-j CONNMARK --save-mark", packet);
    assertThat(entry.mark).isEqualTo(0xf0);
    apply("mangle", Hook.PREROUTING, "-j CONNMARK --set-mark 0x3/0xf", packet);
    assertThat(entry.mark).isEqualTo(0xf3);
    packet.mark = 0;
    apply("mangle", Hook.PREROUTING, "-j CONNMARK --restore-mark --mask 0xf", packet);
    assertThat(packet.mark).isEqualTo(0x3);

    apply("raw", Hook.PREROUTING, "-j CT --notrack", packet);
    assertThat(packet.notrack).isTrue();
    PacketContext zoned = packet();
    apply("raw", Hook.PREROUTING, "-j CT --zone 7", zoned);
    assertThat(zoned.ctZone).isEqualTo(7);
    assertThat(zoned.notrack).isFalse();
    apply("raw", Hook.OUTPUT, "-j TRACE", zoned);
    assertThat(zoned.trace).isTrue();

    apply("mangle", Hook.PREROUTING, "-j TTL --ttl-dec 10", packet);
    assertThat(packet.ttl).isEqualTo(54);
    apply("mangle", Hook.PREROUTING, "-j TOS --set-tos Minimize-Delay", packet);
    assertThat(packet.tos).isEqualTo(0x10);
    apply("mangle", Hook.PREROUTING, "-j DSCP --set-dscp-class AF21", packet);
    assertThat(packet.tos >> 2).isEqualTo(18);
  }

  @Test
  void decidingTargets() {
    Evaluation reject = apply("filter", Hook.INPUT, "-j REJECT --reject-with icmp-host-prohibited", packet());
    assertThat(reject.verdict()).isEqualTo(Verdict.REJECT);
    assertThat(((RejectTarget) reject.target()).with().icmpCode()).isEqualTo(10);

    Evaluation queue = apply("filter", Hook.INPUT, "-j NFQUEUE --queue-num 3 --queue-bypass", packet());
    assertThat(queue.verdict()).isEqualTo(Verdict.QUEUE);
    assertThat(((NfqueueTarget) queue.target()).bypass()).isTrue();

    Evaluation snat = apply("nat", Hook.POSTROUTING, "-j SNAT --to-source 203.0.113.1-203.0.113.4 --random",
        packet());
    NatTarget source = (NatTarget) snat.target();
    assertThat(snat.verdict()).isEqualTo(Verdict.NAT);
    assertThat(source.kind()).isEqualTo(NatTarget.Kind.SNAT);
    assertThat(source.range().maxAddress()).isEqualTo(ip("203.0.113.4"));
    assertThat(source.random()).isTrue();
    NatTarget masquerade = (NatTarget) apply("nat", Hook.POSTROUTING, "-p tcp -j MASQUERADE --to-ports 1024-2048",
        packet()).target();
    assertThat(masquerade.kind()).isEqualTo(NatTarget.Kind.MASQUERADE);
    assertThat(masquerade.range().hasAddresses()).isFalse();
    assertThat(masquerade.range().maxPort()).isEqualTo(2048);
    NatTarget redirect = (NatTarget) apply("nat", Hook.PREROUTING, "-p tcp -j REDIRECT --to-ports 3128", packet())
        .target();
    assertThat(redirect.kind()).isEqualTo(NatTarget.Kind.REDIRECT);
    NatTarget netmap = (NatTarget) apply("nat", Hook.PREROUTING, "-j NETMAP --to 192.168.5.0/24", packet()).target();
    assertThat(netmap.kind()).isEqualTo(NatTarget.Kind.NETMAP);

    assertThat(apply("mangle", Hook.PREROUTING, "-p tcp -j TPROXY --on-port 3129 --tproxy-mark 0x1/0x1", packet())
        .verdict()).isEqualTo(Verdict.UNDETERMINED);
  }

  @Test
  void loggingAndCopyingTargetsReportThroughTheEffects() {
    PacketContext packet = packet();
    List<Target> logged = new ArrayList<>();
    List<Target> acted = new ArrayList<>();
    packet.effects = new PacketEffects() {
      @Override
      public void logged(Target target, PacketContext p) {
        logged.add(target);
      }

      @Override
      public void acted(Target target, PacketContext p) {
        acted.add(target);
      }
    };
    assertThat(apply("filter", Hook.INPUT, "-j NFLOG --nflog-group 5", packet).verdict()).isEqualTo(Verdict.ACCEPT);
    apply("mangle", Hook.PREROUTING, "-j TEE --gateway 10.0.0.9", packet);
    assertThat(logged).hasSize(1);
    assertThat(acted).singleElement().isInstanceOf(TeeTarget.class);
  }

  /** A conntrack entry for tests. */
  static final class TestConntrack implements ConntrackView {
    final int state;
    int natState;
    int status;
    int origSrc;
    int origDst;
    int mark;

    TestConntrack(int state) {
      this.state = state;
    }

    @Override
    public int state() {
      return state;
    }

    @Override
    public int natState() {
      return natState;
    }

    @Override
    public int status() {
      return status;
    }

    @Override
    public boolean isReply() {
      return false;
    }

    @Override
    public int protocol() {
      return 6;
    }

    @Override
    public int origSrc() {
      return origSrc;
    }

    @Override
    public int origDst() {
      return origDst;
    }

    @Override
    public int origSrcPort() {
      return 40000;
    }

    @Override
    public int origDstPort() {
      return 22;
    }

    @Override
    public int replySrc() {
      return origDst;
    }

    @Override
    public int replyDst() {
      return origSrc;
    }

    @Override
    public int replySrcPort() {
      return 22;
    }

    @Override
    public int replyDstPort() {
      return 40000;
    }

    @Override
    public long expiresInSeconds() {
      return 120;
    }

    @Override
    public int mark() {
      return mark;
    }

    @Override
    public void setMark(int newMark) {
      mark = newMark;
    }
  }
}
