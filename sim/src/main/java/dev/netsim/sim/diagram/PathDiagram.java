package dev.netsim.sim.diagram;

import dev.netsim.sim.trace.Disposition;
import dev.netsim.sim.trace.Step;
import dev.netsim.sim.trace.Trace;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Draws one packet's {@link Trace} as an SVG: the machine's topology on the left (namespaces, veth pairs,
 * bridges and their ports, the interfaces the packet crossed in orange) and, for each namespace the packet
 * went through, the classic netfilter packet-flow diagram with the packet's path drawn through it as
 * numbered orange arrows. The rule or policy that decided is marked in red (or green when it accepted the
 * packet at the end), NAT rewrites and jumps are listed under the panel with the step numbers they belong to.
 *
 * <p>How trace steps map to the picture: {@code Received} on a bridge port enters the bridge path (port,
 * bridge check); br_netfilter's calls into iptables then pass through the bridge hook box before the iptables
 * table boxes; {@code ChainEntered} for a hook's own chain lights that table's box (a jump to a user chain is
 * listed in the notes); {@code Tracked} lights the hook's conntrack box; {@code Routed} the routing
 * decision; {@code Bridged} the FDB decision; {@code Transmitted} the outgoing interface.
 */
public final class PathDiagram {
  private static final double TOPOLOGY_WIDTH = 300;
  private static final double MARGIN = 16;
  private static final double PANEL_TITLE = 34;
  private static final double NOTE_LINE = 17;
  /** Font size of a decision written in a table's box. */
  private static final double DECISION_SIZE = 10.5;
  /** The smallest font a decision is shrunk to before the table's name gives way. */
  private static final double SMALLEST_DECISION_SIZE = 9;
  private static final int NOTE_WIDTH_CHARS = 150;
  private static final String PATH = "#ea580c";
  private static final String VISITED_FILL = "#dbeafe";
  private static final String VISITED_STROKE = "#2563eb";
  private static final String IDLE_FILL = "#f8fafc";
  private static final String IDLE_STROKE = "#cbd5e1";
  private static final String IDLE_TEXT = "#64748b";
  private static final String DROP_FILL = "#fee2e2";
  private static final String DROP_STROKE = "#dc2626";
  private static final String ACCEPT_FILL = "#dcfce7";
  private static final String ACCEPT_STROKE = "#16a34a";

  private static final List<String> HOOKS = List.of("PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING");
  /** The ways through the classic diagram, as stages: hooks (their table boxes) and single boxes. */
  private static final List<List<String>> SEQUENCES = List.of(
      List.of("LOCAL", "OUT_ROUTE", "OUTPUT", "POSTROUTING", "OUT"),
      List.of("IN", "PREROUTING", "ROUTE", "FORWARD", "POSTROUTING", "OUT"),
      List.of("IN", "PREROUTING", "ROUTE", "INPUT", "LOCAL"),
      List.of("PORT_IN", "BRIDGE_CHECK", "BRIDGE_PRE", "FDB", "BRIDGE_FWD", "BRIDGE_POST", "PORT_OUT"));

  private PathDiagram() {}

  /** The SVG document for {@code trace}, with {@code topology} beside it. */
  public static String svg(Trace trace, Topology topology) {
    Objects.requireNonNull(trace, "trace");
    Objects.requireNonNull(topology, "topology");
    List<Hop> hops = hops(trace, topology);
    Svg svg = new Svg();
    double y = MARGIN;
    svg.text(MARGIN, y + 16, "packet " + trace.packet(), 17, "#0f172a", "start", "bold");
    String outcome = "⇒ " + trace.disposition().text()
        + (trace.reason() == null || trace.reason().isEmpty() ? "" : ": " + trace.reason());
    svg.text(MARGIN, y + 38, outcome, 15, isDrop(trace.disposition()) ? DROP_STROKE : ACCEPT_STROKE, "start", "bold");
    y += 56;
    double flowX = MARGIN + TOPOLOGY_WIDTH + MARGIN;
    double topologyBottom = TopologyPanel.draw(svg, topology, crossed(trace), MARGIN, y, TOPOLOGY_WIDTH);
    double panelY = y;
    for (int i = 0; i < hops.size(); i++) {
      panelY = drawHop(svg, hops.get(i), i + 1, hops.size(), flowX, panelY) + MARGIN;
    }
    double width = flowX + FlowNode.WIDTH + MARGIN;
    double height = Math.max(topologyBottom, panelY) + MARGIN;
    return svg.document(width, height, "netsim: path of " + trace.packet());
  }

  private static boolean isDrop(Disposition disposition) {
    return disposition != Disposition.DELIVERED;
  }

  /** The interfaces the packet crossed, as "netns/device". */
  private static Set<String> crossed(Trace trace) {
    Set<String> devices = new LinkedHashSet<>();
    for (Step step : trace.steps()) {
      if (step instanceof Step.Received received) {
        devices.add(received.netns() + "/" + received.device());
      } else if (step instanceof Step.Transmitted sent) {
        devices.add(sent.netns() + "/" + sent.device());
        if (sent.peerDevice() != null) {
          devices.add((sent.peerNetns() == null ? "" : sent.peerNetns()) + "/" + sent.peerDevice());
        }
      }
    }
    return devices;
  }

  /** What the packet did in one namespace: the boxes it went through, in order, and what to say about them. */
  static final class Hop {
    final String netns;
    final List<Visit> visits = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final Map<FlowNode, String> labels = new EnumMap<>(FlowNode.class);
    final Map<FlowNode, String> decisions = new EnumMap<>(FlowNode.class);
    final Map<FlowNode, Boolean> dropped = new EnumMap<>(FlowNode.class);
    final Set<String> passedHooks = new LinkedHashSet<>();
    /** Rules checked without matching since the last decision, summed up in the notes. */
    int unmatched;
    String brNetfilter;
    boolean usesBridge;

    Hop(String netns) {
      this.netns = netns;
    }

    FlowNode last() {
      return visits.isEmpty() ? null : visits.get(visits.size() - 1).node;
    }

    Visit lastVisit() {
      return visits.isEmpty() ? null : visits.get(visits.size() - 1);
    }

    boolean visited(FlowNode node) {
      return visits.stream().anyMatch(visit -> visit.node == node);
    }
  }

  /** A box the packet entered, with its number on the whole path. */
  record Visit(FlowNode node, int number) {}

  /** Splits the trace into namespace hops and maps each step onto the diagram. */
  static List<Hop> hops(Trace trace, Topology topology) {
    List<Hop> hops = new ArrayList<>();
    int[] counter = {0};
    Hop hop = null;
    boolean bridged = false;
    String hook = null;
    // The engine reports the bridging decision before br_netfilter's PREROUTING; Linux takes it after
    // (br_handle_frame_finish runs once NF_BR_PRE_ROUTING has passed the frame), so it is drawn there.
    Step.Bridged pendingFdb = null;
    // The bridge that passed the frame up to its own stack: IP input on it follows the bridging decision
    // straight to the routing decision (br_netfilter's PREROUTING does not run twice).
    String passedUpTo = null;
    for (Step step : trace.steps()) {
      if (pendingFdb != null && (!hop.netns.equals(step.netns()) || !inBridgePrerouting(step, hook))) {
        bridged = bridgingDecision(hop, pendingFdb, counter);
        passedUpTo = bridged ? null : pendingFdb.bridge();
        pendingFdb = null;
      }
      if (hop == null || !hop.netns.equals(step.netns())) {
        hop = new Hop(step.netns());
        hops.add(hop);
        bridged = false;
        hook = null;
      }
      if (step instanceof Step.Originated originated) {
        visit(hop, FlowNode.LOCAL, counter);
        note(hop, originated.program() + " sends " + originated.packet());
        hook = "OUTPUT";
      } else if (step instanceof Step.Received received) {
        if (received.device().equals(passedUpTo)) {
          passedUpTo = null;
        } else if (topology.bridgeOf(received.netns(), received.device()) != null) {
          bridged = true;
          hop.usesBridge = true;
          hop.labels.put(FlowNode.PORT_IN, received.device());
          visit(hop, FlowNode.PORT_IN, counter);
          visit(hop, FlowNode.BRIDGE_CHECK, counter);
        } else {
          hop.labels.put(FlowNode.IN, received.device());
          visit(hop, FlowNode.IN, counter);
        }
        note(hop, "received on " + received.device() + ": " + received.packet());
        hook = "PREROUTING";
      } else if (step instanceof Step.Learned learned) {
        hop.usesBridge = true;
        visit(hop, FlowNode.BRIDGE_CHECK, counter);
        note(hop, learned.text());
      } else if (step instanceof Step.SysctlDecided sysctl) {
        if (sysctl.key().contains("bridge-nf-call")) {
          hop.brNetfilter = sysctl.key() + " = " + sysctl.value();
        }
        note(hop, sysctl.text());
      } else if (step instanceof Step.ChainEntered entered) {
        hook = entered.hook().toUpperCase(Locale.ROOT);
        FlowNode table = FlowNode.table(entered.hook(), entered.table());
        if (entered.chain().equalsIgnoreCase(entered.hook())) {
          FlowNode viaBridge = FlowNode.bridgeHook(hook);
          if (bridged && viaBridge != null && !hop.visited(viaBridge)) {
            visit(hop, viaBridge, counter);
          }
          if (table != null) {
            visit(hop, table, counter);
          }
          note(hop, entered.table() + " " + entered.chain());
        } else {
          appendToNote(hop, " → " + entered.chain());
        }
      } else if (step instanceof Step.RuleChecked checked) {
        if (checked.matched()) {
          appendToNote(hop, ", rule " + checked.rule().number() + " `" + checked.rule().spec() + "' matched");
        } else {
          hop.unmatched++;
        }
      } else if (step instanceof Step.PolicyApplied policy) {
        FlowNode table = hook == null ? null : FlowNode.table(hook, policy.table());
        appendToNote(hop, unmatched(hop) + ", policy " + policy.policy());
        // A policy that lets the packet go on is the default, not a decision worth marking.
        if (table != null && policy.chain().equalsIgnoreCase(hook) && isDropVerdict(policy.policy())) {
          decide(hop, table, "policy " + policy.policy(), true);
        }
      } else if (step instanceof Step.Verdict verdict) {
        FlowNode table = hook == null ? null : FlowNode.table(hook, verdict.table());
        appendToNote(hop, unmatched(hop) + " ⇒ " + verdict.verdict()
            + (verdict.rule() == null ? "" : " by `" + verdict.rule().spec() + "'"));
        if (table != null) {
          String what = verdict.rule() == null ? verdict.verdict()
              : verdict.rule().chain().equalsIgnoreCase(hook) ? "rule " + verdict.rule().number() + " " + verdict.verdict()
              : verdict.rule().chain() + " #" + verdict.rule().number() + " " + verdict.verdict();
          decide(hop, table, what, isDropVerdict(verdict.verdict()));
        }
      } else if (step instanceof Step.Tracked tracked) {
        FlowNode conntrack = "OUTPUT".equals(hook) ? FlowNode.OUT_CONNTRACK : FlowNode.PRE_CONNTRACK;
        if (bridged && conntrack == FlowNode.PRE_CONNTRACK && !hop.visited(FlowNode.BRIDGE_PRE)) {
          visit(hop, FlowNode.BRIDGE_PRE, counter);
        }
        visit(hop, conntrack, counter);
        note(hop, tracked.text());
      } else if (step instanceof Step.Translated translated) {
        note(hop, translated.text());
        FlowNode last = hop.last();
        if (last != null && last.hook != null) {
          hop.decisions.putIfAbsent(last, translated.kind().replace(" (conntrack)", ""));
        }
      } else if (step instanceof Step.Routed routed) {
        visit(hop, hop.visited(FlowNode.LOCAL) && !hop.visited(FlowNode.IN) ? FlowNode.OUT_ROUTE : FlowNode.ROUTE,
            counter);
        note(hop, routed.text());
      } else if (step instanceof Step.Bridged bridgedStep) {
        hop.usesBridge = true;
        if (bridged) {
          pendingFdb = bridgedStep;
        } else {
          // The IP layer sent the packet out of the bridge device: the bridge takes it from there.
          hop.labels.put(FlowNode.OUT, bridgedStep.bridge());
          visit(hop, FlowNode.OUT, counter);
          bridged = bridgingDecision(hop, bridgedStep, counter);
        }
      } else if (step instanceof Step.Neighbour neighbour) {
        note(hop, neighbour.text());
      } else if (step instanceof Step.Transmitted sent) {
        FlowNode out = bridged ? FlowNode.PORT_OUT : FlowNode.OUT;
        if (bridged && !hop.visited(FlowNode.BRIDGE_POST)) {
          visit(hop, FlowNode.BRIDGE_POST, counter);
        }
        hop.labels.put(out, sent.device());
        visit(hop, out, counter);
        note(hop, sent.text());
      } else {
        note(hop, step.text());
      }
    }
    if (pendingFdb != null && !hop.dropped.containsValue(true)) {
      bridgingDecision(hop, pendingFdb, counter);
    }
    if (!hops.isEmpty() && trace.disposition() == Disposition.DELIVERED) {
      // Delivered to a local socket: the packet ends in the local process, up through INPUT.
      Hop lastHop = hops.get(hops.size() - 1);
      FlowNode last = lastHop.last();
      if (last == FlowNode.ROUTE || last == FlowNode.IN || (last != null && "INPUT".equals(last.hook))) {
        visit(lastHop, FlowNode.LOCAL, counter);
        decide(lastHop, FlowNode.LOCAL, "delivered", false);
      }
    }
    for (Hop each : hops) {
      for (Visit visit : each.visits) {
        if (visit.node.hook != null) {
          each.passedHooks.add(visit.node.hook);
        }
      }
      for (int i = 1; i < each.visits.size(); i++) {
        for (String between : skipped(each.visits.get(i - 1).node, each.visits.get(i).node)) {
          if (HOOKS.contains(between)) {
            each.passedHooks.add(between);
          }
        }
      }
    }
    if (!hops.isEmpty() && isDrop(trace.disposition())) {
      Hop lastHop = hops.get(hops.size() - 1);
      FlowNode last = lastHop.last();
      if (last != null && !lastHop.dropped.containsKey(last)) {
        decide(lastHop, last, trace.disposition().text(), true);
      }
    }
    return hops;
  }

  /**
   * Draws the bridge's forwarding decision; returns whether the packet stays on the bridge path (false when the
   * bridge passes it up to its own stack, where a Received step on the bridge device follows).
   */
  private static boolean bridgingDecision(Hop hop, Step.Bridged bridged, int[] counter) {
    visit(hop, FlowNode.FDB, counter);
    note(hop, bridged.text());
    String decision = bridged.decision().toLowerCase(Locale.ROOT);
    return !(decision.contains("local") || decision.contains(" up") || decision.startsWith("up")
        || decision.contains("deliver"));
  }

  /** Whether {@code step} belongs to br_netfilter's PREROUTING pass (at {@code hook}) or the sysctl enabling it. */
  private static boolean inBridgePrerouting(Step step, String hook) {
    if (step instanceof Step.SysctlDecided) {
      return true;
    }
    if (step instanceof Step.ChainEntered entered) {
      return entered.hook().equalsIgnoreCase("PREROUTING");
    }
    return "PREROUTING".equals(hook) && (step instanceof Step.RuleChecked || step instanceof Step.PolicyApplied
        || step instanceof Step.Verdict || step instanceof Step.Tracked || step instanceof Step.Translated);
  }

  /** ", 4 rules did not match" for the rules passed over since the last note, then starts counting again. */
  private static String unmatched(Hop hop) {
    int count = hop.unmatched;
    hop.unmatched = 0;
    return count == 0 ? "" : ", " + count + (count == 1 ? " rule" : " rules") + " did not match";
  }

  private static boolean isDropVerdict(String verdict) {
    String upper = verdict.toUpperCase(Locale.ROOT);
    return upper.contains("DROP") || upper.contains("REJECT");
  }

  private static void decide(Hop hop, FlowNode node, String what, boolean drop) {
    hop.decisions.put(node, what);
    hop.dropped.put(node, drop);
  }

  private static void visit(Hop hop, FlowNode node, int[] counter) {
    if (hop.last() == node) {
      return;
    }
    counter[0]++;
    hop.visits.add(new Visit(node, counter[0]));
  }

  /** A note about the last box entered, numbered like it. */
  private static void note(Hop hop, String text) {
    Visit last = hop.lastVisit();
    hop.notes.add((last == null ? "·" : Integer.toString(last.number)) + "  " + text);
  }

  private static void appendToNote(Hop hop, String text) {
    if (hop.notes.isEmpty()) {
      note(hop, text.strip());
      return;
    }
    int index = hop.notes.size() - 1;
    hop.notes.set(index, hop.notes.get(index) + text);
  }

  // ---------------------------------------------------------------------------------------------- drawing

  private static double drawHop(Svg svg, Hop hop, int index, int count, double x, double y) {
    double flowHeight = hop.usesBridge ? FlowNode.BRIDGE_HEIGHT : FlowNode.IP_HEIGHT;
    List<String> notes = wrapped(hop.notes);
    double height = PANEL_TITLE + flowHeight + 10 + notes.size() * NOTE_LINE + 12;
    svg.rect(x, y, FlowNode.WIDTH, height, 8, "#ffffff", "#94a3b8", 1.2, null);
    svg.text(x + 14, y + 23, "hop " + index + " of " + count + ": namespace " + (hop.netns.isEmpty() ? "host (initial)"
        : hop.netns), 15, "#0f172a", "start", "bold");
    if (hop.brNetfilter != null) {
      svg.text(x + FlowNode.WIDTH - 14, y + 23, "br_netfilter: " + hop.brNetfilter, 12, "#7c3aed", "end", "normal");
    }
    double ox = x;
    double oy = y + PANEL_TITLE;
    drawStatic(svg, hop, ox, oy);
    drawPath(svg, hop, ox, oy);
    for (FlowNode node : FlowNode.values()) {
      if (node.bridgePath() && !hop.usesBridge) {
        continue;
      }
      drawNode(svg, hop, node, ox, oy);
    }
    for (Visit visit : hop.visits) {
      FlowNode node = visit.node;
      double bx;
      double by;
      if (node.hook != null) {
        // Table boxes: above the rail that joins them on the left.
        bx = ox + node.x - 6;
        by = oy + node.y - 4;
      } else if (node.shape == FlowNode.Shape.DIAMOND) {
        bx = ox + node.centerX() + 26;
        by = oy + node.y + 8;
      } else {
        bx = ox + node.x - 2;
        by = oy + node.y - 2;
      }
      svg.circle(bx, by, 9.5, PATH, "#ffffff");
      svg.text(bx, by + 4, Integer.toString(visit.number), 11, "#ffffff", "middle", "bold");
    }
    double noteY = oy + flowHeight + 10;
    svg.line(x + 12, noteY - 6, x + FlowNode.WIDTH - 12, noteY - 6, "#e2e8f0", 1, null, null);
    for (String note : notes) {
      noteY += NOTE_LINE;
      svg.text(x + 16, noteY - 4, note, 12, "#1e293b", "start", "normal");
    }
    return y + height;
  }

  private static List<String> wrapped(List<String> notes) {
    List<String> lines = new ArrayList<>();
    for (String note : notes) {
      String rest = note;
      boolean first = true;
      while (rest.length() > NOTE_WIDTH_CHARS) {
        int cut = rest.lastIndexOf(' ', NOTE_WIDTH_CHARS);
        if (cut <= 20) {
          cut = NOTE_WIDTH_CHARS;
        }
        lines.add((first ? "" : "      ") + rest.substring(0, cut));
        rest = rest.substring(cut).strip();
        first = false;
      }
      lines.add((first ? "" : "      ") + rest);
    }
    return lines;
  }

  /** The hooks' group frames and the gray arrows of the classic diagram. */
  private static void drawStatic(Svg svg, Hop hop, double ox, double oy) {
    for (String hook : HOOKS) {
      double[] frame = FlowNode.groupFrame(hook);
      boolean passed = hop.passedHooks.contains(hook);
      svg.rect(ox + frame[0], oy + frame[1], frame[2], frame[3], 6, "#f1f5f9", passed ? PATH : "#94a3b8",
          passed ? 1.6 : 1, "4 3");
      svg.text(ox + frame[0] + frame[2] / 2, oy + frame[1] + 15, hook, 12, "#334155", "middle", "bold");
    }
    for (String[] edge : new String[][] {{"IN", "PREROUTING"}, {"PREROUTING", "ROUTE"}, {"ROUTE", "INPUT"},
        {"ROUTE", "FORWARD"}, {"INPUT", "LOCAL"}, {"LOCAL", "OUT_ROUTE"}, {"OUT_ROUTE", "OUTPUT"},
        {"OUTPUT", "POSTROUTING"}, {"FORWARD", "POSTROUTING"}, {"POSTROUTING", "OUT"}}) {
      double[] ends = clipped(stage(edge[0]), stage(edge[1]));
      svg.line(ox + ends[0], oy + ends[1], ox + ends[2], oy + ends[3], "#9ca3af", 1.3, null, "flow");
    }
    if (hop.usesBridge) {
      flow(svg, ox, oy, FlowNode.PORT_IN, FlowNode.BRIDGE_CHECK, "#9ca3af");
      flow(svg, ox, oy, FlowNode.BRIDGE_CHECK, FlowNode.IN, "#9ca3af");
      flow(svg, ox, oy, FlowNode.BRIDGE_CHECK, FlowNode.BRIDGE_PRE, "#9ca3af");
      flow(svg, ox, oy, FlowNode.BRIDGE_PRE, FlowNode.FDB, "#9ca3af");
      flow(svg, ox, oy, FlowNode.FDB, FlowNode.BRIDGE_FWD, "#9ca3af");
      flow(svg, ox, oy, FlowNode.BRIDGE_FWD, FlowNode.BRIDGE_POST, "#9ca3af");
      flow(svg, ox, oy, FlowNode.BRIDGE_POST, FlowNode.PORT_OUT, "#9ca3af");
      // br_netfilter: the bridge hooks call iptables' chains of the same name.
      for (FlowNode[] pair : new FlowNode[][] {{FlowNode.BRIDGE_PRE, FlowNode.PRE_NAT},
          {FlowNode.BRIDGE_FWD, FlowNode.FWD_FILTER}, {FlowNode.BRIDGE_POST, FlowNode.POST_NAT}}) {
        svg.line(ox + pair[0].centerX(), oy + pair[0].y, ox + pair[1].centerX(), oy + pair[1].y + pair[1].height + 8,
            "#a78bfa", 1.2, "3 3", null);
      }
      svg.text(ox + FlowNode.WIDTH - 14, oy + FlowNode.BRIDGE_HEIGHT - 4,
          "dashed: br_netfilter hands bridged IPv4 to the iptables hooks", 11, "#7c3aed", "end", "normal");
    }
  }

  private static void flow(Svg svg, double ox, double oy, FlowNode from, FlowNode to, String color) {
    double[] ends = clipped(from.rect(), to.rect());
    svg.line(ox + ends[0], oy + ends[1], ox + ends[2], oy + ends[3], color, 1.3, null, "flow");
  }

  /** The segment between two rectangles' centres ({x, y, width, height}), cut at their borders. */
  private static double[] clipped(double[] from, double[] to) {
    double fromX = from[0] + from[2] / 2;
    double fromY = from[1] + from[3] / 2;
    double dx = to[0] + to[2] / 2 - fromX;
    double dy = to[1] + to[3] / 2 - fromY;
    double start = exit(from, dx, dy);
    double end = 1 - exit(to, -dx, -dy);
    if (start >= end) {
      // Overlapping rectangles: join their centres' midpoint region instead.
      start = 0.4;
      end = 0.6;
    }
    return new double[] {fromX + dx * start, fromY + dy * start, fromX + dx * end, fromY + dy * end};
  }

  /** The fraction of (dx, dy) from a rectangle's centre at which the segment leaves it (plus a small gap). */
  private static double exit(double[] rect, double dx, double dy) {
    double halfWidth = rect[2] / 2 + 3;
    double halfHeight = rect[3] / 2 + 3;
    double tx = dx == 0 ? Double.MAX_VALUE : halfWidth / Math.abs(dx);
    double ty = dy == 0 ? Double.MAX_VALUE : halfHeight / Math.abs(dy);
    return Math.min(tx, ty);
  }

  private static void drawPath(Svg svg, Hop hop, double ox, double oy) {
    List<double[]> stops = pathStops(hop);
    for (int i = 1; i < stops.size(); i++) {
      double[] ends = clipped(stops.get(i - 1), stops.get(i));
      svg.line(ox + ends[0], oy + ends[1], ox + ends[2], oy + ends[3], PATH, 3, null, "path");
    }
    // Inside a hook, the tables entered are joined in order along the frame's left margin.
    for (int i = 1; i < hop.visits.size(); i++) {
      FlowNode from = hop.visits.get(i - 1).node;
      FlowNode to = hop.visits.get(i).node;
      if (from.hook != null && from.hook.equals(to.hook)) {
        double rail = ox + Math.min(from.x, to.x) - 4;
        double y1 = oy + from.centerY();
        double y2 = oy + to.centerY();
        svg.path("M" + (ox + from.x) + "," + y1 + " H" + rail + " V" + y2 + " H" + (ox + to.x - 1), PATH, 2.4, null,
            "path");
      }
    }
  }

  /**
   * The rectangles the path goes from one to the next: boxes, and hook frames, both for a run of tables
   * entered at one hook (joined inside by {@link #drawPath}'s rail) and for hooks passed without entering a
   * table (a namespace without rules there).
   */
  private static List<double[]> pathStops(Hop hop) {
    List<double[]> stops = new ArrayList<>();
    for (int i = 0; i < hop.visits.size(); i++) {
      FlowNode node = hop.visits.get(i).node;
      if (i > 0) {
        FlowNode previous = hop.visits.get(i - 1).node;
        if (node.hook != null && node.hook.equals(previous.hook)) {
          continue;
        }
        for (String between : skipped(previous, node)) {
          if (HOOKS.contains(between) || !hop.visited(FlowNode.valueOf(between))) {
            stops.add(stage(between));
          }
        }
      }
      stops.add(node.hook != null ? FlowNode.groupFrame(node.hook) : node.rect());
    }
    return stops;
  }

  /** A stage's rectangle: a hook's frame, or a single box. */
  private static double[] stage(String name) {
    return HOOKS.contains(name) ? FlowNode.groupFrame(name) : FlowNode.valueOf(name).rect();
  }

  /** The stages of the classic flow between two boxes (hook names or box names), when one path links them. */
  private static List<String> skipped(FlowNode from, FlowNode to) {
    String a = from.hook != null ? from.hook : from.name();
    String b = to.hook != null ? to.hook : to.name();
    for (List<String> sequence : SEQUENCES) {
      int i = sequence.indexOf(a);
      int j = sequence.indexOf(b);
      if (i >= 0 && j > i) {
        return sequence.subList(i + 1, j);
      }
    }
    return List.of();
  }

  private static void drawNode(Svg svg, Hop hop, FlowNode node, double ox, double oy) {
    boolean visited = hop.visited(node);
    Boolean drop = hop.dropped.get(node);
    String fill = !visited && drop == null ? IDLE_FILL : drop == null ? VISITED_FILL : drop ? DROP_FILL : ACCEPT_FILL;
    String stroke = !visited && drop == null ? IDLE_STROKE : drop == null ? VISITED_STROKE
        : drop ? DROP_STROKE : ACCEPT_STROKE;
    String color = visited || drop != null ? "#0f172a" : IDLE_TEXT;
    double strokeWidth = visited ? 2 : 1;
    double x = ox + node.x;
    double y = oy + node.y;
    switch (node.shape) {
      case BOX -> svg.rect(x, y, node.width, node.height, 4, fill, stroke, strokeWidth, null);
      case PILL -> svg.rect(x, y, node.width, node.height, node.height / 2, fill, stroke, strokeWidth, null);
      case DIAMOND -> svg.polygon(fill, stroke, strokeWidth, x + node.width / 2, y, x + node.width, y + node.height / 2,
          x + node.width / 2, y + node.height, x, y + node.height / 2);
    }
    String label = node.label;
    String device = hop.labels.get(node);
    if (device != null) {
      label = label + ": " + device;
    }
    String decision = hop.decisions.get(node);
    String[] lines = label.split("\n");
    double size = node.shape == FlowNode.Shape.DIAMOND ? 10.5 : 11.5;
    if (decision != null && node.hook != null) {
      // The table's name gives way to the decision when both do not fit (a rule in a user chain).
      String text = shortLabel(label) + " · " + decision;
      if (textWidth(text, SMALLEST_DECISION_SIZE) > node.width - 8) {
        text = decision;
      }
      double fitted = Math.min(DECISION_SIZE, DECISION_SIZE * (node.width - 8) / textWidth(text, DECISION_SIZE));
      svg.text(x + node.width / 2, y + node.height / 2 + 4, text, fitted, color, "middle", "bold");
      if (Boolean.TRUE.equals(drop)) {
        svg.text(x + node.width + 10, y + node.height / 2 + 5, "✖", 15, DROP_STROKE, "start", "bold");
      }
      return;
    }
    double lineHeight = size + 2;
    double first = y + node.height / 2 - (lines.length - 1) * lineHeight / 2 + size / 3;
    for (int i = 0; i < lines.length; i++) {
      svg.text(x + node.width / 2, first + i * lineHeight, lines[i], size, color, "middle",
          visited ? "bold" : "normal");
    }
    if (decision != null) {
      svg.text(x + node.width / 2, y + node.height + 13, decision, 11, Boolean.TRUE.equals(drop) ? DROP_STROKE
          : ACCEPT_STROKE, "middle", "bold");
    }
  }

  /** Roughly how wide {@code text} is in bold at {@code size}: enough to keep labels inside their boxes. */
  private static double textWidth(String text, double size) {
    double ems = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      ems += c == ' ' ? 0.32 : Character.isLowerCase(c) ? 0.6 : Character.isUpperCase(c) ? 0.77 : 0.7;
    }
    return ems * size;
  }

  /** "nat (DNAT)" is just "nat" when a decision shares the box. */
  private static String shortLabel(String label) {
    int paren = label.indexOf(" (");
    return paren < 0 ? label : label.substring(0, paren);
  }
}
