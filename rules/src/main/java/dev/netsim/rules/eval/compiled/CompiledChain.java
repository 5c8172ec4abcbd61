package dev.netsim.rules.eval.compiled;

import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.ext.match.CommentMatch;
import dev.netsim.rules.ext.match.TcpMatch;
import dev.netsim.rules.ext.match.UdpMatch;
import dev.netsim.rules.ext.target.StandardTarget;
import dev.netsim.rules.model.Chain;
import dev.netsim.rules.model.IpHeader;
import dev.netsim.rules.model.Rule;
import java.util.List;

/**
 * One chain in hot-path form: the rules' fixed headers as parallel primitive arrays (addresses and masks as
 * ints, interfaces as dense ids, flags as bits), what each target does as a small code, and — for chains of
 * at least {@link #INDEX_THRESHOLD} rules when indexing is on — a {@link CutTree} over the rules compiled so
 * far. Rules appended after that ({@code iptables -A}) are scanned after the tree's candidates, until there are
 * enough of them to make a rebuild worth it. Immutable once built, except that the successor made by
 * {@link #appended} may fill the unused end of the arrays it shares with its predecessor.
 */
final class CompiledChain {
  /** Chains shorter than this are scanned; a tree does not pay for itself below it. */
  static final int INDEX_THRESHOLD = 32;

  static final int APPLY = 0;
  static final int JUMP = 1;
  static final int GOTO = 2;
  static final int RETURN = 3;

  static final int SOURCE_INVERTED = 1;
  static final int DESTINATION_INVERTED = 1 << 1;
  static final int IN_CONSTRAINED = 1 << 2;
  static final int IN_INVERTED = 1 << 3;
  /** The in-interface is a pattern ({@code eth+}): compared as a string. */
  static final int IN_PATTERN = 1 << 4;
  static final int OUT_CONSTRAINED = 1 << 5;
  static final int OUT_INVERTED = 1 << 6;
  static final int OUT_PATTERN = 1 << 7;
  static final int PROTOCOL_INVERTED = 1 << 8;
  static final int FRAGMENT = 1 << 9;
  static final int FRAGMENT_INVERTED = 1 << 10;
  /**
   * The rule's first extension match after any comments is a plain tcp or udp port match (no flags, no
   * options), checked here on {@link #portProtocol} and the port arrays instead of through the match object.
   */
  static final int PORTS = 1 << 11;
  static final int SOURCE_PORT_INVERTED = 1 << 12;
  static final int DESTINATION_PORT_INVERTED = 1 << 13;

  final Chain source;
  final int size;
  final Rule[] rules;
  final int[] sourceAddress;
  final int[] sourceMask;
  final int[] destinationAddress;
  final int[] destinationMask;
  final int[] protocol;
  final int[] flags;
  /** Interface ids of exact names; -1 where unconstrained or a pattern. */
  final int[] inId;
  final int[] outId;
  /** Interface patterns, for {@link #IN_PATTERN}/{@link #OUT_PATTERN} rules only. */
  final String[] inPattern;
  final String[] outPattern;
  /** For {@link #PORTS} rules: the protocol the port match needs (6 or 17) and its ranges. */
  final int[] portProtocol;
  final int[] sourcePortLow;
  final int[] sourcePortHigh;
  final int[] destinationPortLow;
  final int[] destinationPortHigh;
  /**
   * The extension matches left to run through their objects, in order: the rule's matches after its leading
   * comments and its lifted port match, a suffix of them.
   */
  final Match[][] matches;
  final Target[] targets;
  /** {@link #APPLY}, {@link #JUMP}, {@link #GOTO} or {@link #RETURN}. */
  final int[] action;
  /** The chain jumped or gone to, for JUMP and GOTO rules. */
  final String[] jumpName;
  /**
   * For JUMP and GOTO rules: their number among the chain's jumps, which indexes the table's resolved targets,
   * so that relinking a table after a change costs its jumps, not its rules.
   */
  final int[] jumpSlot;
  /** The rule numbers of the first {@link #jumpCount} jumps, in order. */
  final int[] jumpRules;
  /** How many JUMP and GOTO rules the chain has; set while the chain is built, fixed after. */
  int jumpCount;
  /** The tree over rules [0, indexed), or null: scan all rules. */
  final CutTree tree;
  final int indexed;

  /** A chain of {@code size} rules in arrays with room for {@code capacity}. */
  private CompiledChain(Chain source, int size, int capacity, CutTree tree, int indexed) {
    this.source = source;
    this.size = size;
    this.tree = tree;
    this.indexed = indexed;
    rules = new Rule[capacity];
    sourceAddress = new int[capacity];
    sourceMask = new int[capacity];
    destinationAddress = new int[capacity];
    destinationMask = new int[capacity];
    protocol = new int[capacity];
    flags = new int[capacity];
    inId = new int[capacity];
    outId = new int[capacity];
    inPattern = new String[capacity];
    outPattern = new String[capacity];
    portProtocol = new int[capacity];
    sourcePortLow = new int[capacity];
    sourcePortHigh = new int[capacity];
    destinationPortLow = new int[capacity];
    destinationPortHigh = new int[capacity];
    matches = new Match[capacity][];
    targets = new Target[capacity];
    action = new int[capacity];
    jumpName = new String[capacity];
    jumpSlot = new int[capacity];
    jumpRules = new int[capacity];
  }

  /**
   * {@code previous} grown to {@code size} rules in the same arrays: the slots past its size are free (it never
   * reads them), and {@code previous} is being replaced, so nothing derives from it again.
   */
  private CompiledChain(Chain source, int size, CompiledChain previous) {
    this.source = source;
    this.size = size;
    tree = previous.tree;
    indexed = previous.indexed;
    rules = previous.rules;
    sourceAddress = previous.sourceAddress;
    sourceMask = previous.sourceMask;
    destinationAddress = previous.destinationAddress;
    destinationMask = previous.destinationMask;
    protocol = previous.protocol;
    flags = previous.flags;
    inId = previous.inId;
    outId = previous.outId;
    inPattern = previous.inPattern;
    outPattern = previous.outPattern;
    portProtocol = previous.portProtocol;
    sourcePortLow = previous.sourcePortLow;
    sourcePortHigh = previous.sourcePortHigh;
    destinationPortLow = previous.destinationPortLow;
    destinationPortHigh = previous.destinationPortHigh;
    matches = previous.matches;
    targets = previous.targets;
    action = previous.action;
    jumpName = previous.jumpName;
    jumpSlot = previous.jumpSlot;
    jumpRules = previous.jumpRules;
    jumpCount = previous.jumpCount;
  }

  /** Compiles {@code chain} whole; with {@code index}, long chains get a tree. */
  static CompiledChain compile(Chain chain, InterfaceIds ids, boolean index) {
    List<Rule> list = chain.rules();
    int size = list.size();
    Rule[] rules = list.toArray(new Rule[0]);
    CutTree tree = index && size >= INDEX_THRESHOLD ? tree(rules) : null;
    CompiledChain compiled = new CompiledChain(chain, size, size, tree, tree == null ? 0 : size);
    for (int i = 0; i < size; i++) {
      compiled.set(i, rules[i], ids);
    }
    return compiled;
  }

  /**
   * {@code chain} compiled by reusing {@code previous} when {@code chain} only appended rules to it and the
   * tree still covers most of them; null when a full compile is due.
   */
  static CompiledChain appended(CompiledChain previous, Chain chain, InterfaceIds ids) {
    List<Rule> list = chain.rules();
    int size = list.size();
    int kept = previous.size;
    if (previous.tree == null || size <= kept || size - previous.indexed > Math.max(64, previous.indexed / 8)) {
      return null;
    }
    // the old rules must be the very same objects, in the same places (a -D or -R shows up here)
    if (list.get(kept - 1) != previous.rules[kept - 1] || list.get(0) != previous.rules[0]) {
      return null;
    }
    CompiledChain compiled;
    if (previous.rules.length >= size) {
      compiled = new CompiledChain(chain, size, previous);
    } else {
      // room for more appends, so that most of them copy nothing
      compiled = new CompiledChain(chain, size, size + size / 2, previous.tree, previous.indexed);
      compiled.copyFrom(previous, kept);
    }
    int i = 0;
    // every old rule is checked before the first new one is written into a slot that may be shared
    // iterated, not indexed: a RuleList's get is a search over its chunks
    for (Rule rule : list) {
      if (i < kept) {
        if (rule != previous.rules[i]) {
          return null;
        }
      } else {
        compiled.set(i, rule, ids);
      }
      i++;
    }
    return compiled;
  }

  private void copyFrom(CompiledChain previous, int count) {
    System.arraycopy(previous.rules, 0, rules, 0, count);
    System.arraycopy(previous.sourceAddress, 0, sourceAddress, 0, count);
    System.arraycopy(previous.sourceMask, 0, sourceMask, 0, count);
    System.arraycopy(previous.destinationAddress, 0, destinationAddress, 0, count);
    System.arraycopy(previous.destinationMask, 0, destinationMask, 0, count);
    System.arraycopy(previous.protocol, 0, protocol, 0, count);
    System.arraycopy(previous.flags, 0, flags, 0, count);
    System.arraycopy(previous.inId, 0, inId, 0, count);
    System.arraycopy(previous.outId, 0, outId, 0, count);
    System.arraycopy(previous.inPattern, 0, inPattern, 0, count);
    System.arraycopy(previous.outPattern, 0, outPattern, 0, count);
    System.arraycopy(previous.portProtocol, 0, portProtocol, 0, count);
    System.arraycopy(previous.sourcePortLow, 0, sourcePortLow, 0, count);
    System.arraycopy(previous.sourcePortHigh, 0, sourcePortHigh, 0, count);
    System.arraycopy(previous.destinationPortLow, 0, destinationPortLow, 0, count);
    System.arraycopy(previous.destinationPortHigh, 0, destinationPortHigh, 0, count);
    System.arraycopy(previous.matches, 0, matches, 0, count);
    System.arraycopy(previous.targets, 0, targets, 0, count);
    System.arraycopy(previous.action, 0, action, 0, count);
    System.arraycopy(previous.jumpName, 0, jumpName, 0, count);
    System.arraycopy(previous.jumpSlot, 0, jumpSlot, 0, count);
    System.arraycopy(previous.jumpRules, 0, jumpRules, 0, previous.jumpCount);
    jumpCount = previous.jumpCount;
  }

  private void set(int i, Rule rule, InterfaceIds ids) {
    IpHeader header = rule.spec().header();
    rules[i] = rule;
    sourceAddress[i] = header.source().address();
    sourceMask[i] = header.source().mask();
    destinationAddress[i] = header.destination().address();
    destinationMask[i] = header.destination().mask();
    protocol[i] = header.protocol();
    int bits = 0;
    bits |= header.sourceInverted() ? SOURCE_INVERTED : 0;
    bits |= header.destinationInverted() ? DESTINATION_INVERTED : 0;
    bits |= header.protocolInverted() ? PROTOCOL_INVERTED : 0;
    bits |= header.fragment() ? FRAGMENT : 0;
    bits |= header.fragmentInverted() ? FRAGMENT_INVERTED : 0;
    inId[i] = -1;
    outId[i] = -1;
    String in = header.inInterface();
    if (!in.isEmpty()) {
      bits |= IN_CONSTRAINED | (header.inInverted() ? IN_INVERTED : 0);
      if (in.endsWith("+")) {
        bits |= IN_PATTERN;
        inPattern[i] = in;
      } else {
        inId[i] = ids.idOf(in);
      }
    }
    String out = header.outInterface();
    if (!out.isEmpty()) {
      bits |= OUT_CONSTRAINED | (header.outInverted() ? OUT_INVERTED : 0);
      if (out.endsWith("+")) {
        bits |= OUT_PATTERN;
        outPattern[i] = out;
      } else {
        outId[i] = ids.idOf(out);
      }
    }
    List<Match> extensions = rule.spec().matches();
    // leading comments match every packet (kube-proxy puts one before its tcp match): left out
    int lifted = 0;
    while (lifted < extensions.size() && extensions.get(lifted) instanceof CommentMatch) {
      lifted++;
    }
    Match first = lifted < extensions.size() ? extensions.get(lifted) : null;
    // only the first match is lifted: evaluated ahead of later ones, the order of NO_MATCH and UNDETERMINED holds
    if (first instanceof TcpMatch tcp && tcp.flagMask() == 0 && tcp.flagCompare() == 0 && !tcp.flagsInverted()
        && tcp.option() == 0
        && !tcp.optionInverted()) {
      bits |= PORTS | (tcp.sportInverted() ? SOURCE_PORT_INVERTED : 0)
          | (tcp.dportInverted() ? DESTINATION_PORT_INVERTED : 0);
      setPorts(i, 6, tcp.sportLow(), tcp.sportHigh(), tcp.dportLow(), tcp.dportHigh());
      lifted++;
    } else if (first instanceof UdpMatch udp) {
      bits |= PORTS | (udp.sportInverted() ? SOURCE_PORT_INVERTED : 0)
          | (udp.dportInverted() ? DESTINATION_PORT_INVERTED : 0);
      setPorts(i, 17, udp.sportLow(), udp.sportHigh(), udp.dportLow(), udp.dportHigh());
      lifted++;
    }
    flags[i] = bits;
    matches[i] = extensions.subList(lifted, extensions.size()).toArray(new Match[0]);
    Target target = rule.spec().target();
    targets[i] = target;
    String jumped = target.chainJumpedTo();
    if (jumped != null) {
      action[i] = target.isGoto() ? GOTO : JUMP;
      jumpName[i] = jumped;
      jumpSlot[i] = jumpCount;
      jumpRules[jumpCount++] = i;
    } else if (target instanceof StandardTarget standard && standard.kind() == StandardTarget.Kind.RETURN) {
      action[i] = RETURN;
    } else {
      action[i] = APPLY;
    }
  }

  private void setPorts(int i, int protocolNumber, int sourceLow, int sourceHigh, int destinationLow,
      int destinationHigh) {
    portProtocol[i] = protocolNumber;
    sourcePortLow[i] = sourceLow;
    sourcePortHigh[i] = sourceHigh;
    destinationPortLow[i] = destinationLow;
    destinationPortHigh[i] = destinationHigh;
  }

  /**
   * The tree over {@code rules}: each rule's range per field is what its header and its plain tcp/udp port
   * matches admit; negated or non-prefix constraints admit everything (the full check decides).
   */
  private static CutTree tree(Rule[] rules) {
    int size = rules.length;
    long[] low = new long[CutTree.DIMENSIONS * size];
    long[] high = new long[CutTree.DIMENSIONS * size];
    for (int i = 0; i < size; i++) {
      IpHeader header = rules[i].spec().header();
      addressRange(header.source().address(), header.source().mask(), header.sourceInverted(), low, high,
          CutTree.SOURCE * size + i);
      addressRange(header.destination().address(), header.destination().mask(), header.destinationInverted(),
          low, high, CutTree.DESTINATION * size + i);
      int protocolSlot = CutTree.PROTOCOL * size + i;
      if (header.protocol() != 0 && !header.protocolInverted()) {
        low[protocolSlot] = header.protocol();
        high[protocolSlot] = header.protocol();
      } else {
        low[protocolSlot] = 0;
        high[protocolSlot] = 255;
      }
      int sourcePort = CutTree.SOURCE_PORT * size + i;
      int destinationPort = CutTree.DESTINATION_PORT * size + i;
      low[sourcePort] = 0;
      high[sourcePort] = 65535;
      low[destinationPort] = 0;
      high[destinationPort] = 65535;
      // a tcp or udp match refuses a packet outside its port ranges, so they bound the rule's ports; but only
      // when no match ahead of it could answer UNDETERMINED or keep state (pkttype, limit, ...): the reference
      // evaluates those whatever the ports, so the rule must stay a candidate
      for (Match match : rules[i].spec().matches()) {
        if (match instanceof TcpMatch tcp) {
          narrow(low, high, sourcePort, tcp.sportLow(), tcp.sportHigh(), tcp.sportInverted());
          narrow(low, high, destinationPort, tcp.dportLow(), tcp.dportHigh(), tcp.dportInverted());
          if (tcp.option() != 0 || tcp.optionInverted()) {
            // UNDETERMINED once its ports and flags match
            break;
          }
        } else if (match instanceof UdpMatch udp) {
          narrow(low, high, sourcePort, udp.sportLow(), udp.sportHigh(), udp.sportInverted());
          narrow(low, high, destinationPort, udp.dportLow(), udp.dportHigh(), udp.dportInverted());
        } else if (!(match instanceof CommentMatch)) {
          break;
        }
      }
    }
    return new CutTree(low, high, size);
  }

  private static void addressRange(int address, int mask, boolean inverted, long[] low, long[] high, int slot) {
    boolean prefix = mask == -1 << Integer.numberOfTrailingZeros(mask);
    if (inverted || mask == 0 || !prefix) {
      low[slot] = 0;
      high[slot] = 0xffff_ffffL;
      return;
    }
    long base = Integer.toUnsignedLong(address & mask);
    if ((address & ~mask) != 0) {
      // bits outside the mask: the rule can never match
      low[slot] = 1;
      high[slot] = 0;
      return;
    }
    low[slot] = base;
    high[slot] = base | Integer.toUnsignedLong(~mask);
  }

  private static void narrow(long[] low, long[] high, int slot, int rangeLow, int rangeHigh, boolean inverted) {
    if (inverted) {
      return;
    }
    low[slot] = Math.max(low[slot], Math.min(rangeLow, rangeHigh));
    high[slot] = Math.min(high[slot], Math.max(rangeLow, rangeHigh));
  }

  /** Bytes of the flat arrays and tree, roughly: for the bytes-per-rule figure. */
  long bytes() {
    return (long) size * (13 * 4 + 7 * 8 + 16) + (tree == null ? 0 : tree.bytes());
  }

  @Override
  public String toString() {
    return "CompiledChain[" + source.name() + ", " + size + " rules, indexed " + indexed + "]";
  }
}
