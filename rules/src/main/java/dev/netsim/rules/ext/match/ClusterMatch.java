package dev.netsim.rules.ext.match;

import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Xt;
import java.util.List;
import java.util.Locale;

/**
 * {@code -m cluster --cluster-total-nodes N [!] --cluster-local-node K|--cluster-local-nodemask M
 * --cluster-hash-seed S}: the connection's original source address hashed (the kernel's Jenkins hash with the
 * seed) onto N nodes; matches when that node is in the local node mask. Packets without conntrack do not match.
 */
public record ClusterMatch(int totalNodes, int nodeMask, int hashSeed, boolean inverted) implements Match {
  /** The most nodes a cluster can have ({@code XT_CLUSTER_NODES_MAX}). */
  public static final int MAX_NODES = 32;

  @Override
  public String name() {
    return "cluster";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(inverted ? " !" : "").append(String.format(Locale.ROOT,
        " --cluster-local-nodemask 0x%08x --cluster-total-nodes %d --cluster-hash-seed 0x%08x",
        nodeMask, totalNodes, hashSeed));
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" cluster ").append(inverted ? "!" : "").append(String.format(Locale.ROOT,
        "node_mask=0x%08x total_nodes=%d hash_seed=0x%08x", nodeMask, totalNodes, Integer.toUnsignedLong(hashSeed)));
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    if (packet.conntrack == null) {
      return MatchResult.NO_MATCH;
    }
    return MatchResult.of(((1L << node(packet.conntrack.origSrc())) & Integer.toUnsignedLong(nodeMask)) != 0,
        inverted);
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    if (packet.conntrack == null) {
      return "packet has no conntrack entry";
    }
    return "connection hashes to node " + (node(packet.conntrack.origSrc()) + 1) + ", rule wants "
        + (inverted ? "! " : "") + "node mask " + Xt.hex(nodeMask);
  }

  @Override
  public boolean needsConntrack() {
    return true;
  }

  /** The node (0-based) the kernel's {@code xt_cluster_hash} gives an original source address. */
  int node(int origSrc) {
    // The kernel hashes the __be32 as a host-order u32: on little-endian machines, the bytes reversed.
    int hash = jhash1word(Integer.reverseBytes(origSrc), hashSeed);
    return (int) ((Integer.toUnsignedLong(hash) * totalNodes) >>> 32);
  }

  /** The kernel's {@code jhash_1word}. */
  static int jhash1word(int value, int seed) {
    int initial = seed + 0xdeadbeef + (1 << 2);
    int a = value + initial;
    int b = initial;
    int c = initial;
    c ^= b;
    c -= Integer.rotateLeft(b, 14);
    a ^= c;
    a -= Integer.rotateLeft(c, 11);
    b ^= a;
    b -= Integer.rotateLeft(a, 25);
    c ^= b;
    c -= Integer.rotateLeft(b, 16);
    a ^= c;
    a -= Integer.rotateLeft(c, 4);
    b ^= a;
    b -= Integer.rotateLeft(a, 14);
    c ^= b;
    c -= Integer.rotateLeft(b, 24);
    return c;
  }

  /** The {@code cluster} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("cluster", List.of(
          OptionSpec.withArg("cluster-total-nodes").required(),
          OptionSpec.withArg("cluster-local-node").invert().excluding("cluster-local-nodemask"),
          OptionSpec.withArg("cluster-local-nodemask").invert().excluding("cluster-local-node"),
          OptionSpec.withArg("cluster-hash-seed").required()));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        int totalNodes;
        Integer hashSeed;
        boolean node;
        boolean mask;
        int nodeMask;
        boolean inverted;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "cluster-total-nodes" ->
                totalNodes = (int) Xt.uint("cluster", spec.name(), arg, 1, MAX_NODES);
            case "cluster-local-node" -> {
              nodeMask = 1 << ((int) Xt.uint("cluster", spec.name(), arg, 1, MAX_NODES) - 1);
              node = true;
              this.inverted |= inverted;
            }
            case "cluster-local-nodemask" -> {
              nodeMask = (int) Xt.uint("cluster", spec.name(), arg, 1, MAX_NODES);
              mask = true;
              this.inverted |= inverted;
            }
            default -> hashSeed = (int) Xt.uint("cluster", spec.name(), arg, 0, 0xffffffffL);
          }
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          boolean complete = totalNodes != 0 && hashSeed != null;
          boolean tooBig = Long.compareUnsigned(Integer.toUnsignedLong(nodeMask), 1L << totalNodes) >= 0;
          if (complete && node) {
            if (tooBig) {
              throw IptablesException.parameter(
                  "cluster match: `--cluster-local-node' must be <= `--cluster-total-nodes'");
            }
            return;
          }
          if (complete && mask) {
            if (tooBig) {
              throw IptablesException.parameter(
                  "cluster match: `--cluster-local-nodemask' too big for `--cluster-total-nodes'");
            }
            return;
          }
          if (!node && !mask) {
            throw IptablesException.parameter(
                "cluster match: `--cluster-local-node' or`--cluster-local-nodemask' is missing");
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new ClusterMatch(totalNodes, nodeMask, hashSeed, inverted);
        }
      };
    }
  }
}
