package dev.netsim.rules.workload;

import dev.netsim.core.value.Ipv4;
import dev.netsim.rules.eval.PacketContext;
import java.util.SplittableRandom;

/**
 * Random filter tables for differential tests: FORWARD and four user chains whose rules use every header match
 * (addresses, interfaces and patterns, protocol, fragments, each sometimes negated), tcp/udp ports and flags,
 * multiport, iprange, mark, conntrack state, limit, comments (first or last) and pkttype (undetermined when the packet's type is
 * unknown), and every kind of target — ACCEPT, DROP, REJECT,
 * RETURN, LOG, MARK, jumps and gotos (always to a later user chain, so there are no loops). Values come from
 * small pools, and {@link #packets} draws packets from the same pools and their neighbours, so that rules match
 * often and boundaries are hit.
 */
public final class RandomRules {
  private static final String[] NETWORKS = {
      "192.0.2.0/24", "192.0.2.128/25", "192.0.2.7/32", "198.51.100.0/24", "198.51.100.0/30", "203.0.113.64/26",
      "11.11.11.0/24", "172.17.0.0/16", "172.17.0.2/32", "0.0.0.0/1"};
  private static final String[] INTERFACES = {"eth0", "eth1", "docker0", "veth1", "br0"};
  private static final String[] INTERFACE_PATTERNS = {"eth0", "eth1", "docker0", "veth+", "eth+", "+", "br0"};
  private static final int[] PORTS = {0, 22, 53, 80, 443, 1023, 1024, 8080, 65535};
  private static final String[] USER_CHAINS = {"U0", "U1", "U2", "U3"};

  private RandomRules() {}

  /** A random filter table of about {@code rules} rules, as iptables-save text. */
  public static String filterTable(long seed, int rules) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder out = new StringBuilder("*filter\n:INPUT ACCEPT [0:0]\n");
    out.append(":FORWARD ").append(random.nextBoolean() ? "ACCEPT" : "DROP").append(" [0:0]\n");
    out.append(":OUTPUT ACCEPT [0:0]\n");
    for (String chain : USER_CHAINS) {
      out.append(':').append(chain).append(" - [0:0]\n");
    }
    for (int r = 0; r < rules; r++) {
      // the first user chains get fewer rules, FORWARD the most
      int chain = random.nextInt(USER_CHAINS.length + 3) - 3;
      String name = chain < 0 ? "FORWARD" : USER_CHAINS[chain];
      out.append("-A ").append(name);
      appendRule(random, out, chain);
      out.append('\n');
    }
    out.append("COMMIT\n");
    return out.toString();
  }

  private static void appendRule(SplittableRandom random, StringBuilder out, int chain) {
    if (random.nextInt(3) == 0) {
      out.append(negation(random)).append(" -s ").append(pick(random, NETWORKS));
    }
    if (random.nextInt(3) == 0) {
      out.append(negation(random)).append(" -d ").append(pick(random, NETWORKS));
    }
    if (random.nextInt(4) == 0) {
      out.append(negation(random)).append(" -i ").append(pick(random, INTERFACE_PATTERNS));
    }
    if (random.nextInt(4) == 0) {
      out.append(negation(random)).append(" -o ").append(pick(random, INTERFACE_PATTERNS));
    }
    if (random.nextInt(10) == 0) {
      // kube-proxy's shape: a comment ahead of the tcp match (and of a stateful limit after it)
      out.append(" -m comment --comment \"lead ").append(random.nextInt(1000)).append('"');
    }
    if (random.nextInt(16) == 0) {
      // ahead of any tcp/udp match: undetermined for packets whose type the engine does not say
      out.append(" -m pkttype").append(negation(random)).append(" --pkt-type unicast");
    }
    int protocol = random.nextInt(6);
    boolean fragment = false;
    switch (protocol) {
      case 0, 1 -> {
        String name = protocol == 0 ? "tcp" : "udp";
        out.append(" -p ").append(name);
        if (random.nextInt(8) == 0) {
          fragment = true;
          out.append(negation(random)).append(" -f");
        } else if (random.nextInt(3) != 0) {
          out.append(" -m ").append(name);
          if (random.nextBoolean()) {
            out.append(negation(random)).append(" --sport ").append(portRange(random));
          }
          if (random.nextBoolean()) {
            out.append(negation(random)).append(" --dport ").append(portRange(random));
          }
          if (protocol == 0 && random.nextInt(4) == 0) {
            out.append(negation(random)).append(" --tcp-flags SYN,ACK,FIN SYN");
          }
        }
        if (!fragment && random.nextInt(6) == 0) {
          out.append(" -m multiport --dports ").append(pick(random, PORTS)).append(',')
              .append(PORTS[random.nextInt(PORTS.length - 1)]).append(":65535");
        }
      }
      case 2 -> out.append(random.nextInt(4) == 0 ? " ! -p icmp" : " -p icmp");
      default -> {
        if (random.nextInt(6) == 0) {
          out.append(negation(random)).append(" -f");
        }
      }
    }
    if (random.nextInt(8) == 0) {
      out.append(" -m iprange").append(negation(random)).append(" --src-range 192.0.2.5-198.51.100.3");
    }
    if (random.nextInt(5) == 0) {
      out.append(" -m mark").append(negation(random)).append(" --mark 0x").append(Integer.toHexString(random.nextInt(4)))
          .append("/0x3");
    }
    if (random.nextInt(8) == 0) {
      out.append(" -m conntrack").append(negation(random)).append(" --ctstate ")
          .append(random.nextBoolean() ? "INVALID" : "NEW,ESTABLISHED");
    }
    if (random.nextInt(12) == 0) {
      out.append(" -m limit --limit ").append(1 + random.nextInt(5)).append("/sec --limit-burst 2");
    }
    if (random.nextInt(10) == 0) {
      out.append(" -m comment --comment \"rule ").append(random.nextInt(1000)).append('"');
    }
    appendTarget(random, out, chain);
  }

  private static void appendTarget(SplittableRandom random, StringBuilder out, int chain) {
    int firstLater = Math.max(0, chain + 1);
    int laterChains = USER_CHAINS.length - firstLater;
    int choice = random.nextInt(10);
    if (choice < 3 && laterChains > 0) {
      String target = USER_CHAINS[firstLater + random.nextInt(laterChains)];
      out.append(random.nextInt(4) == 0 ? " -g " : " -j ").append(target);
      return;
    }
    switch (choice) {
      case 3 -> out.append(" -j DROP");
      case 4 -> out.append(" -j REJECT --reject-with icmp-port-unreachable");
      case 5 -> out.append(" -j RETURN");
      case 6 -> out.append(" -j LOG --log-prefix \"r \"");
      case 7 -> out.append(" -j MARK --set-xmark 0x").append(Integer.toHexString(random.nextInt(4))).append("/0x3");
      case 8 -> {
        // a rule without target: only counts
      }
      default -> out.append(" -j ACCEPT");
    }
  }

  private static String portRange(SplittableRandom random) {
    int low = pick(random, PORTS);
    int high = pick(random, PORTS);
    return low == high ? Integer.toString(low) : Math.min(low, high) + ":" + Math.max(low, high);
  }

  private static String negation(SplittableRandom random) {
    return random.nextInt(4) == 0 ? " !" : "";
  }

  private static String pick(SplittableRandom random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static int pick(SplittableRandom random, int[] values) {
    return values[random.nextInt(values.length)];
  }

  /**
   * {@code count} forwarded packets drawn from the pools the rules use: addresses at and around the networks'
   * edges, the pool's ports and their neighbours, interfaces, marks, TCP flags, later fragments, known and
   * unknown packet types; virtual time
   * advances 100 ms a packet so that limit matches both pass and refuse.
   */
  public static PacketSource packets(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] seeds = new long[count];
    for (int i = 0; i < count; i++) {
      seeds[i] = random.nextLong();
    }
    return new PacketSource() {
      @Override
      public int size() {
        return count;
      }

      @Override
      public void fill(int index, PacketContext packet) {
        SplittableRandom draw = new SplittableRandom(seeds[index]);
        packet.reset();
        packet.src = address(draw);
        packet.dst = address(draw);
        int[] protocols = {6, 6, 17, 1, 47};
        packet.protocol = protocols[draw.nextInt(protocols.length)];
        packet.length = 40 + draw.nextInt(1400);
        packet.ttl = 64;
        packet.laterFragment = draw.nextInt(10) == 0;
        if (!packet.laterFragment && (packet.protocol == 6 || packet.protocol == 17)) {
          packet.srcPort = port(draw);
          packet.dstPort = port(draw);
          packet.tcpFlags = packet.protocol == 6 ? draw.nextInt(64) : 0;
        } else if (!packet.laterFragment && packet.protocol == 1) {
          packet.icmpType = draw.nextBoolean() ? 8 : 0;
          packet.icmpCode = 0;
        }
        packet.inInterface = draw.nextInt(8) == 0 ? "eth7" : pick(draw, INTERFACES);
        packet.outInterface = draw.nextInt(8) == 0 ? "veth12" : pick(draw, INTERFACES);
        packet.mark = draw.nextInt(4);
        packet.pktType = draw.nextInt(4) == 0 ? -1 : PacketContext.PACKET_HOST;
        packet.nowNanos = index * 100_000_000L;
      }
    };
  }

  private static int address(SplittableRandom random) {
    String network = pick(random, NETWORKS);
    int slash = network.indexOf('/');
    int base = Ipv4.parse(network.substring(0, slash)).bits();
    int length = Integer.parseInt(network.substring(slash + 1));
    int mask = length == 0 ? 0 : -1 << (32 - length);
    return switch (random.nextInt(5)) {
      case 0 -> base;
      case 1 -> base | ~mask;
      case 2 -> base - 1;
      case 3 -> (base | ~mask) + 1;
      default -> base | (random.nextInt() & ~mask);
    };
  }

  private static int port(SplittableRandom random) {
    int port = pick(random, PORTS) + random.nextInt(3) - 1;
    return Math.max(0, Math.min(65535, port));
  }
}
