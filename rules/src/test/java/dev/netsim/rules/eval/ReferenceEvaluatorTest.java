package dev.netsim.rules.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.core.value.Ipv4;
import dev.netsim.rules.cli.IptablesCommand;
import dev.netsim.rules.cli.IptablesRestore;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.ext.match.OwnerMatch;
import dev.netsim.rules.ext.target.LogTarget;
import dev.netsim.rules.ext.target.NatTarget;
import dev.netsim.rules.ext.target.RejectTarget;
import dev.netsim.rules.model.Hook;
import dev.netsim.rules.model.Policy;
import dev.netsim.rules.model.Rule;
import dev.netsim.rules.model.TableName;
import dev.netsim.rules.state.IptablesState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceEvaluatorTest {
  private final IptablesState state = new IptablesState();
  private final ReferenceEvaluator evaluator = new ReferenceEvaluator(state);
  private final Evaluation result = new Evaluation();
  private final List<EvalStep> steps = new ArrayList<>();

  private void restore(String rules) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
    int status = new IptablesRestore(state, IptablesRestore.NO_FILES).run(List.of("iptables-restore"), rules, stream, stream);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(status).isZero();
  }

  private void iptables(String... words) {
    List<String> argv = new ArrayList<>(List.of("iptables"));
    argv.addAll(List.of(words));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(new IptablesCommand(state).run(argv, stream, stream)).as(err.toString(StandardCharsets.UTF_8))
        .isZero();
  }

  private static PacketContext tcp(String src, String dst, int dport, String in, String out) {
    PacketContext packet = new PacketContext();
    packet.src = Ipv4.parse(src).bits();
    packet.dst = Ipv4.parse(dst).bits();
    packet.protocol = 6;
    packet.srcPort = 40000;
    packet.dstPort = dport;
    packet.tcpFlags = 0x02;
    packet.length = 60;
    packet.ttl = 64;
    packet.inInterface = in;
    packet.outInterface = out;
    return packet;
  }

  private Verdict filter(Hook hook, PacketContext packet) {
    steps.clear();
    return evaluator.evaluate(TableName.FILTER, hook, packet, result, steps::add);
  }

  private long packets(String chain, int number) {
    Rule rule = state.ruleset().table(TableName.FILTER).chain(chain).rules().get(number - 1);
    return state.counters().packets(rule.id());
  }

  private long bytes(String chain, int number) {
    Rule rule = state.ruleset().table(TableName.FILTER).chain(chain).rules().get(number - 1);
    return state.counters().bytes(rule.id());
  }

  @Test
  void aTableNothingCreatedAcceptsWithoutCounting() {
    Verdict verdict = filter(Hook.INPUT, tcp("10.0.0.1", "10.0.0.2", 22, "eth0", null));
    assertThat(verdict).isEqualTo(Verdict.ACCEPT);
    assertThat(result.decidedByPolicy()).isTrue();
    assertThat(steps).containsExactly(new EvalStep.ChainAbsent(TableName.FILTER, Hook.INPUT));
  }

  @Test
  void jumpsReturnsAndPoliciesMoveCountersAsTheKernelDoes() {
    restore("""
        *filter
        :INPUT DROP [0:0]
        :FORWARD ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        :SERVICES - [0:0]
        -A INPUT -i lo -j ACCEPT
        -A INPUT -p tcp -j SERVICES
        -A INPUT -s 10.0.0.0/8 -j ACCEPT
        -A SERVICES -p tcp --dport 22 -j ACCEPT
        -A SERVICES -s 10.9.0.0/16 -j RETURN
        -A SERVICES -p tcp --dport 80 -j ACCEPT
        COMMIT
        """);
    // port 22: INPUT 2 jumps, SERVICES 1 accepts
    assertThat(filter(Hook.INPUT, tcp("192.0.2.1", "10.0.0.2", 22, "eth0", null))).isEqualTo(Verdict.ACCEPT);
    assertThat(result.chain()).isEqualTo("SERVICES");
    assertThat(result.ruleNumber()).isEqualTo(1);
    // from 10.9/16 port 80: RETURN before the port 80 rule, then INPUT 3 accepts
    assertThat(filter(Hook.INPUT, tcp("10.9.1.1", "10.0.0.2", 80, "eth0", null))).isEqualTo(Verdict.ACCEPT);
    assertThat(result.chain()).isEqualTo("INPUT");
    assertThat(result.ruleNumber()).isEqualTo(3);
    assertThat(steps).contains(new EvalStep.Returned("SERVICES", 2, "INPUT"));
    // port 443 from outside: falls off SERVICES (returns) and INPUT: policy DROP
    assertThat(filter(Hook.INPUT, tcp("192.0.2.1", "10.0.0.2", 443, "eth0", null))).isEqualTo(Verdict.DROP);
    assertThat(result.decidedByPolicy()).isTrue();
    assertThat(result.policy()).isEqualTo(Policy.DROP);
    assertThat(steps).contains(new EvalStep.Returned("SERVICES", 0, "INPUT"),
        new EvalStep.PolicyApplied("INPUT", Policy.DROP));

    assertThat(packets("INPUT", 1)).isZero();
    assertThat(packets("INPUT", 2)).isEqualTo(3);
    assertThat(bytes("INPUT", 2)).isEqualTo(180);
    assertThat(packets("INPUT", 3)).isEqualTo(1);
    assertThat(packets("SERVICES", 1)).isEqualTo(1);
    assertThat(packets("SERVICES", 2)).isEqualTo(1);
    assertThat(packets("SERVICES", 3)).isZero();
    // the policy was set by the restore's ":INPUT DROP" line, so it counts
    assertThat(state.counters().policyPackets(TableName.FILTER, Hook.INPUT)).isEqualTo(1);
    assertThat(state.counters().policyBytes(TableName.FILTER, Hook.INPUT)).isEqualTo(60);
  }

  @Test
  void aPolicyNobodySetDoesNotCount() {
    iptables("-A", "OUTPUT", "-p", "udp", "-j", "DROP");
    assertThat(filter(Hook.OUTPUT, tcp("10.0.0.1", "10.0.0.2", 22, null, "eth0"))).isEqualTo(Verdict.ACCEPT);
    assertThat(state.counters().policyPackets(TableName.FILTER, Hook.OUTPUT)).isZero();
    iptables("-P", "OUTPUT", "ACCEPT");
    filter(Hook.OUTPUT, tcp("10.0.0.1", "10.0.0.2", 22, null, "eth0"));
    assertThat(state.counters().policyPackets(TableName.FILTER, Hook.OUTPUT)).isEqualTo(1);
  }

  @Test
  void gotoReturnsToTheCallerOfTheChainThatWent() {
    restore("""
        *filter
        :INPUT ACCEPT [0:0]
        :A - [0:0]
        :B - [0:0]
        -A INPUT -j A
        -A INPUT -j DROP
        -A A -g B
        -A A -j REJECT
        -A B -p udp -j ACCEPT
        COMMIT
        """);
    // B falls through: back to INPUT (not A), whose next rule drops
    assertThat(filter(Hook.INPUT, tcp("10.0.0.1", "10.0.0.2", 22, "eth0", null))).isEqualTo(Verdict.DROP);
    assertThat(result.chain()).isEqualTo("INPUT");
    assertThat(result.ruleNumber()).isEqualTo(2);
    assertThat(steps).contains(new EvalStep.Returned("B", 0, "INPUT"));
  }

  @Test
  void returnInABuiltinChainAppliesThePolicy() {
    restore("""
        *filter
        :FORWARD DROP [0:0]
        -A FORWARD -i eth0 -j RETURN
        -A FORWARD -j ACCEPT
        COMMIT
        """);
    assertThat(filter(Hook.FORWARD, tcp("10.0.0.1", "10.1.0.2", 22, "eth0", "eth1"))).isEqualTo(Verdict.DROP);
    assertThat(steps).contains(new EvalStep.Returned("FORWARD", 1, null),
        new EvalStep.PolicyApplied("FORWARD", Policy.DROP));
    assertThat(filter(Hook.FORWARD, tcp("10.0.0.1", "10.1.0.2", 22, "eth2", "eth1"))).isEqualTo(Verdict.ACCEPT);
  }

  @Test
  void nonTerminalTargetsActAndContinue() {
    restore("""
        *mangle
        :PREROUTING ACCEPT [0:0]
        -A PREROUTING -p tcp --dport 22 -j MARK --set-mark 0x5
        -A PREROUTING -m mark --mark 0x5 -j LOG --log-prefix "ssh "
        -A PREROUTING -m mark --mark 0x5 -j TRACE
        COMMIT
        """);
    PacketContext packet = tcp("10.0.0.1", "10.0.0.2", 22, "eth0", null);
    List<Target> logged = new ArrayList<>();
    packet.effects = (target, p) -> logged.add(target);
    Verdict verdict = evaluator.evaluate(TableName.MANGLE, Hook.PREROUTING, packet, result, null);
    assertThat(verdict).isEqualTo(Verdict.ACCEPT);
    assertThat(packet.mark).isEqualTo(5);
    assertThat(packet.trace).isTrue();
    assertThat(logged).singleElement().isInstanceOfSatisfying(LogTarget.class,
        log -> assertThat(log.prefix()).isEqualTo("ssh "));
  }

  @Test
  void theListenerHearsTheFirstFailingConditionOfEachRule() {
    restore("""
        *filter
        :FORWARD ACCEPT [0:0]
        -A FORWARD ! -i br0 -j DROP
        -A FORWARD -s 10.1.0.0/16 -j DROP
        -A FORWARD -p tcp --dport 443 -j DROP
        -A FORWARD -m conntrack --ctstate NEW -j ACCEPT
        COMMIT
        """);
    PacketContext packet = tcp("10.2.0.1", "10.3.0.1", 80, "br0", "eth0");
    assertThat(filter(Hook.FORWARD, packet)).isEqualTo(Verdict.ACCEPT);
    assertThat(steps).filteredOn(EvalStep.RuleSkipped.class::isInstance)
        .extracting(step -> ((EvalStep.RuleSkipped) step).reason())
        .containsExactly(
            "in-interface is br0, rule wants ! br0",
            "source is 10.2.0.1, rule wants 10.1.0.0/16",
            "destination port is 80, rule wants 443",
            "conntrack state is INVALID, rule wants NEW");
    assertThat(result.decidedByPolicy()).isTrue();
  }

  @Test
  void unmodelledMatchesMakeTheVerdictUndetermined() {
    iptables("-A", "OUTPUT", "-m", "owner", "--uid-owner", "0", "-j", "ACCEPT");
    iptables("-A", "OUTPUT", "-j", "DROP");
    assertThat(filter(Hook.OUTPUT, tcp("10.0.0.1", "10.0.0.2", 22, null, "eth0")))
        .isEqualTo(Verdict.UNDETERMINED);
    assertThat(result.ruleNumber()).isEqualTo(1);
    assertThat(result.undeterminedMatch()).isInstanceOf(OwnerMatch.class);
    assertThat(steps).last().isInstanceOf(EvalStep.RuleUndetermined.class);
  }

  @Test
  void natAndRejectDecisionsCarryTheirTargets() {
    restore("""
        *nat
        :PREROUTING ACCEPT [0:0]
        -A PREROUTING -i eth0 -p tcp --dport 8080 -j DNAT --to-destination 192.168.1.10:80
        COMMIT
        *filter
        :INPUT ACCEPT [0:0]
        -A INPUT -p tcp --dport 113 -j REJECT --reject-with tcp-reset
        COMMIT
        """);
    Verdict nat = evaluator.evaluate(TableName.NAT, Hook.PREROUTING, tcp("1.2.3.4", "10.0.0.1", 8080, "eth0", null),
        result, null);
    assertThat(nat).isEqualTo(Verdict.NAT);
    NatTarget target = (NatTarget) result.target();
    assertThat(target.kind()).isEqualTo(NatTarget.Kind.DNAT);
    assertThat(target.range().minAddress()).isEqualTo(Ipv4.parse("192.168.1.10").bits());
    assertThat(target.range().minPort()).isEqualTo(80);

    assertThat(filter(Hook.INPUT, tcp("1.2.3.4", "10.0.0.1", 113, "eth0", null))).isEqualTo(Verdict.REJECT);
    assertThat(((RejectTarget) result.target()).with()).isEqualTo(RejectTarget.With.TCP_RESET);
  }

  @Test
  void verdictOnlyEvaluationAllocatesNothing() {
    restore("""
        *filter
        :INPUT DROP [0:0]
        :SERVICES - [0:0]
        -A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
        -A INPUT -p tcp -j SERVICES
        -A INPUT -p icmp -m icmp --icmp-type 8 -m limit --limit 5/sec -j ACCEPT
        -A SERVICES -p tcp -m multiport --dports 22,80,443 -j ACCEPT
        -A SERVICES -m mark --mark 0x1 -j RETURN
        COMMIT
        """);
    PacketContext packet = tcp("10.0.0.1", "10.0.0.2", 8080, "eth0", null);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 20_000; i++) {
      evaluator.evaluate(TableName.FILTER, Hook.INPUT, packet, result, null);
    }
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 10_000; i++) {
      evaluator.evaluate(TableName.FILTER, Hook.INPUT, packet, result, null);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(result.verdict()).isEqualTo(Verdict.DROP);
    assertThat(allocated).as("bytes allocated by 10,000 evaluations").isLessThan(10_000);
  }
}
