package dev.netsim.sim.api.assertions;

import dev.netsim.sim.api.Decision;
import dev.netsim.sim.api.NatRewrite;
import dev.netsim.sim.api.ProbeResult;
import dev.netsim.sim.api.ReachedSocket;
import dev.netsim.sim.trace.Disposition;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a {@link ProbeResult}; every failure message ends with the probe's explained path, so a
 * failing test says why. Obtain one with {@link NetsimAssertions#assertThat(ProbeResult)}.
 *
 * <pre>{@code
 * assertThat(red.ping("11.11.11.3")).isDropped().byPolicy("filter", "FORWARD");
 * }</pre>
 */
public final class ProbeResultAssert extends AbstractAssert<ProbeResultAssert, ProbeResult> {
  ProbeResultAssert(ProbeResult actual) {
    super(actual, ProbeResultAssert.class);
  }

  /** The outcome is {@code expected}. */
  public ProbeResultAssert hasOutcome(Disposition expected) {
    isNotNull();
    if (actual.outcome() != expected) {
      fail("expected " + expected.text() + " but was " + actual.outcome().text());
    }
    return this;
  }

  /** The packet reached a local stack. */
  public ProbeResultAssert isDelivered() {
    return hasOutcome(Disposition.DELIVERED);
  }

  /** The packet was dropped, by a rule or by a chain's policy (narrow it with {@link #byPolicy} or {@link #byRule}). */
  public ProbeResultAssert isDropped() {
    isNotNull();
    if (actual.outcome() != Disposition.DROPPED_BY_RULE && actual.outcome() != Disposition.DROPPED_BY_POLICY) {
      fail("expected the packet to be dropped but it was " + actual.outcome().text());
    }
    return this;
  }

  /** A REJECT rule answered the packet. */
  public ProbeResultAssert isRejected() {
    return hasOutcome(Disposition.REJECTED);
  }

  /** The outcome depends on a match or target netsim does not model. */
  public ProbeResultAssert isUndetermined() {
    return hasOutcome(Disposition.UNDETERMINED);
  }

  /** The policy of {@code table}'s built-in chain {@code chain} decided the packet's fate. */
  public ProbeResultAssert byPolicy(String table, String chain) {
    isNotNull();
    Optional<Decision> decision = actual.decision();
    if (decision.isEmpty() || !decision.get().isPolicy() || !decision.get().table().equals(table)
        || !decision.get().chain().equals(chain)) {
      fail("expected the policy of " + table + " " + chain + " to decide, but " + decided(decision));
    }
    return this;
  }

  /**
   * The rule {@code rule}, written as {@code iptables -S} prints it (e.g. {@code -A DOCKER-USER -j DROP}), decided
   * the packet's fate.
   */
  public ProbeResultAssert byRule(String rule) {
    isNotNull();
    Optional<Decision> decision = actual.decision();
    if (decision.isEmpty() || decision.get().isPolicy() || !decision.get().rule().equals(rule)) {
      fail("expected `" + rule + "' to decide, but " + decided(decision));
    }
    return this;
  }

  /** The rule {@code rule} (as {@code iptables -S} prints it) matched the probe's first packet. */
  public ProbeResultAssert matchedRule(String rule) {
    isNotNull();
    if (!actual.matchedRules().contains(rule)) {
      fail("expected `" + rule + "' to match, but the rules that matched were " + actual.matchedRules());
    }
    return this;
  }

  /** The rule {@code rule} (as {@code iptables -S} prints it) did not match the probe's first packet. */
  public ProbeResultAssert didNotMatchRule(String rule) {
    isNotNull();
    if (actual.matchedRules().contains(rule)) {
      fail("expected `" + rule + "' not to match, but it did");
    }
    return this;
  }

  /** MASQUERADE rewrote the packet's source address to {@code address}. */
  public ProbeResultAssert wasMasqueradedTo(String address) {
    return translated("MASQUERADE", address, true);
  }

  /** SNAT rewrote the packet's source to {@code address} (or {@code address:port}). */
  public ProbeResultAssert wasSnatedTo(String address) {
    return translated("SNAT", address, true);
  }

  /** DNAT rewrote the packet's destination to {@code address} (or {@code address:port}). */
  public ProbeResultAssert wasDnatedTo(String address) {
    return translated("DNAT", address, false);
  }

  /** No NAT rewrote the packet. */
  public ProbeResultAssert wasNotTranslated() {
    isNotNull();
    if (!actual.natRewrites().isEmpty()) {
      fail("expected no address translation, but there was " + actual.natRewrites());
    }
    return this;
  }

  private ProbeResultAssert translated(String kind, String address, boolean source) {
    isNotNull();
    for (NatRewrite rewrite : actual.natRewrites()) {
      String after = source ? rewrite.sourceAfter() : rewrite.destinationAfter();
      if (rewrite.kind().equals(kind) && (after.equals(address) || after.startsWith(address + ":"))) {
        return this;
      }
    }
    fail("expected " + kind + " of the " + (source ? "source" : "destination") + " to " + address + ", but "
        + (actual.natRewrites().isEmpty() ? "there was no address translation" : "there was " + actual.natRewrites()));
    return this;
  }

  /** A socket opened with {@code listenTcp}/{@code listenUdp} on {@code port} in namespace {@code netns} was reached. */
  public ProbeResultAssert reachedSocket(String netns, int port) {
    isNotNull();
    String wanted = netns.equals("host") ? "" : netns;
    for (ReachedSocket socket : actual.sockets()) {
      if (socket.netns().equals(wanted) && socket.port() == port) {
        return this;
      }
    }
    fail("expected the probe to reach port " + port + " in " + netns + ", but it reached "
        + (actual.sockets().isEmpty() ? "no socket" : actual.sockets().toString()));
    return this;
  }

  /** Something came back to the sender (an echo reply, a connection, a datagram, or an ICMP error). */
  public ProbeResultAssert wasAnswered() {
    isNotNull();
    if (!actual.answered()) {
      fail("expected an answer, but nothing came back");
    }
    return this;
  }

  /** Something that came back to the sender is described as {@code what}, e.g. {@code echo reply}. */
  public ProbeResultAssert gotReply(String what) {
    isNotNull();
    if (actual.replies().stream().noneMatch(reply -> reply.what().equals(what))) {
      fail("expected the reply `" + what + "', but the replies were " + actual.replies());
    }
    return this;
  }

  private static String decided(Optional<Decision> decision) {
    return decision.map(d -> "it was decided by " + d).orElse("no rule or policy decided it");
  }

  /** Fails with {@code message} followed by the result's explained path. */
  private void fail(String message) {
    failWithMessage("%s", message + "\n" + actual + "\n" + actual.render());
  }
}
