package dev.netsim.sim.trace;

import java.util.List;

/**
 * One thing that happened to a packet, in a namespace. The set is closed so that renderers and assertions
 * can handle every kind; each step renders itself as one line a learner can read.
 */
public sealed interface Step {
  /** The network namespace the step happened in ("" for the host's own). */
  String netns();

  /** One line of explanation, without the namespace. */
  String text();

  /** A local program handed the packet to the stack. */
  record Originated(String netns, String program, String packet) implements Step {
    @Override
    public String text() {
      return program + " sends " + packet;
    }
  }

  /** The packet (or the frame carrying it) arrived on an interface. */
  record Received(String netns, String device, String packet) implements Step {
    @Override
    public String text() {
      return "received on " + device + ": " + packet;
    }
  }

  /** A bridge learned where a MAC address lives. */
  record Learned(String netns, String bridge, String mac, String port) implements Step {
    @Override
    public String text() {
      return bridge + " learned " + mac + " on port " + port;
    }
  }

  /** What a bridge did with a frame: forward it by its FDB, flood it, or pass it up to its own stack. */
  record Bridged(String netns, String bridge, String decision, List<String> ports) implements Step {
    public Bridged {
      ports = List.copyOf(ports);
    }

    @Override
    public String text() {
      return bridge + ": " + decision + (ports.isEmpty() ? "" : " → " + String.join(", ", ports));
    }
  }

  /** A sysctl that decided something (ip_forward, bridge-nf-call-iptables, route_localnet, rp_filter). */
  record SysctlDecided(String netns, String key, String value, String effect) implements Step {
    @Override
    public String text() {
      return key + " = " + value + ": " + effect;
    }
  }

  /** A netfilter hook ran a table's chain. */
  record ChainEntered(String netns, String hook, String table, String chain) implements Step {
    @Override
    public String text() {
      return hook + ": " + table + " " + chain;
    }
  }

  /** A rule was checked: it matched (and its target ran), or the first condition that failed. */
  record RuleChecked(String netns, RuleRef rule, boolean matched, String reason) implements Step {
    @Override
    public String text() {
      return "  rule " + rule.number() + " `" + rule.spec() + "' " + (matched ? "matched" : "not matched: " + reason);
    }
  }

  /** A chain's policy decided the verdict. */
  record PolicyApplied(String netns, String table, String chain, String policy) implements Step {
    @Override
    public String text() {
      return "  policy " + policy + " of " + table + " " + chain;
    }
  }

  /** The verdict of a hook's table, when a rule (not the policy) gave it. */
  record Verdict(String netns, String table, String chain, String verdict, RuleRef rule) implements Step {
    @Override
    public String text() {
      return "  → " + verdict + (rule == null ? "" : " by " + rule);
    }
  }

  /** Connection tracking classified the packet. */
  record Tracked(String netns, String state, String connection, boolean created) implements Step {
    @Override
    public String text() {
      return "conntrack: " + state + (connection == null ? "" : (created ? ", new entry " : ", entry ") + connection);
    }
  }

  /** NAT rewrote the packet. */
  record Translated(String netns, String kind, String before, String after) implements Step {
    @Override
    public String text() {
      return kind + ": " + before + " → " + after;
    }
  }

  /** The routing decision. */
  record Routed(String netns, String decision, String route) implements Step {
    @Override
    public String text() {
      return "route: " + decision + (route == null ? "" : " (" + route + ")");
    }
  }

  /** ARP: the next hop's MAC address was known, resolved, or not found. */
  record Neighbour(String netns, String address, String device, String outcome) implements Step {
    @Override
    public String text() {
      return "neighbour " + address + " dev " + device + ": " + outcome;
    }
  }

  /** The frame left through an interface and, where it leads somewhere, arrived at the other end. */
  record Transmitted(String netns, String device, String peerNetns, String peerDevice) implements Step {
    @Override
    public String text() {
      return "sent out of " + device + (peerDevice == null ? "" : " → " + peerDevice + " in " + Trace.nsName(peerNetns));
    }
  }

  /** Something worth saying that is none of the above (e.g. a LOG line, "no socket on udp/53"). */
  record Note(String netns, String text) implements Step {}
}
