package dev.netsim.sim.diagram;

/**
 * The boxes of the netfilter packet-flow diagram, with their place in one namespace's panel: the IP layer's
 * hooks and tables (top: INPUT, the local process, OUTPUT; middle: PREROUTING, routing, FORWARD,
 * POSTROUTING) and, below, the bridge path that br_netfilter connects to the IP hooks.
 */
enum FlowNode {
  IN(Shape.PILL, null, "in", 130, 283, 100, 34),
  PRE_RAW(Shape.BOX, "PREROUTING", "raw", 258, 244, 140, 26),
  PRE_CONNTRACK(Shape.BOX, "PREROUTING", "conntrack", 258, 276, 140, 26),
  PRE_MANGLE(Shape.BOX, "PREROUTING", "mangle", 258, 308, 140, 26),
  PRE_NAT(Shape.BOX, "PREROUTING", "nat (DNAT)", 258, 340, 140, 26),
  ROUTE(Shape.DIAMOND, null, "routing\ndecision", 428, 272, 100, 56),
  IN_MANGLE(Shape.BOX, "INPUT", "mangle", 408, 62, 140, 26),
  IN_FILTER(Shape.BOX, "INPUT", "filter", 408, 94, 140, 26),
  IN_NAT(Shape.BOX, "INPUT", "nat (SNAT)", 408, 126, 140, 26),
  LOCAL(Shape.BOX, null, "local process", 590, 60, 130, 44),
  OUT_ROUTE(Shape.DIAMOND, null, "routing\ndecision", 748, 54, 100, 56),
  OUT_RAW(Shape.BOX, "OUTPUT", "raw", 880, 42, 140, 26),
  OUT_CONNTRACK(Shape.BOX, "OUTPUT", "conntrack", 880, 74, 140, 26),
  OUT_MANGLE(Shape.BOX, "OUTPUT", "mangle", 880, 106, 140, 26),
  OUT_NAT(Shape.BOX, "OUTPUT", "nat (DNAT)", 880, 138, 140, 26),
  OUT_FILTER(Shape.BOX, "OUTPUT", "filter", 880, 170, 140, 26),
  FWD_MANGLE(Shape.BOX, "FORWARD", "mangle", 590, 274, 140, 26),
  FWD_FILTER(Shape.BOX, "FORWARD", "filter", 590, 306, 140, 26),
  POST_MANGLE(Shape.BOX, "POSTROUTING", "mangle", 880, 274, 140, 26),
  POST_NAT(Shape.BOX, "POSTROUTING", "nat (SNAT)", 880, 306, 140, 26),
  OUT(Shape.PILL, null, "out", 1060, 283, 116, 34),
  PORT_IN(Shape.PILL, null, "port in", 6, 433, 112, 34),
  BRIDGE_CHECK(Shape.BOX, null, "bridge check\n(brouting)", 126, 428, 110, 44),
  BRIDGE_PRE(Shape.BOX, null, "bridge\nPREROUTING", 258, 428, 140, 44),
  FDB(Shape.DIAMOND, null, "bridging\ndecision (FDB)", 418, 422, 120, 56),
  BRIDGE_FWD(Shape.BOX, null, "bridge\nFORWARD", 590, 428, 140, 44),
  BRIDGE_POST(Shape.BOX, null, "bridge\nPOSTROUTING", 880, 428, 140, 44),
  PORT_OUT(Shape.PILL, null, "port out", 1060, 433, 116, 34);

  enum Shape { BOX, PILL, DIAMOND }

  /** Width of a namespace panel's flow area. */
  static final double WIDTH = 1190;
  /** Height of the IP layer part, and with the bridge path. */
  static final double IP_HEIGHT = 390;
  static final double BRIDGE_HEIGHT = 490;

  final Shape shape;
  /** The hook whose group the box sits in, or null. */
  final String hook;
  final String label;
  final double x;
  final double y;
  final double width;
  final double height;

  FlowNode(Shape shape, String hook, String label, double x, double y, double width, double height) {
    this.shape = shape;
    this.hook = hook;
    this.label = label;
    this.x = x;
    this.y = y;
    this.width = width;
    this.height = height;
  }

  double centerX() {
    return x + width / 2;
  }

  double centerY() {
    return y + height / 2;
  }

  boolean bridgePath() {
    return y >= 420;
  }

  /** The box of table {@code table} at hook {@code hook}, or null when the diagram has none. */
  static FlowNode table(String hook, String table) {
    String key = hook.toUpperCase(java.util.Locale.ROOT) + " " + table.toLowerCase(java.util.Locale.ROOT);
    return switch (key) {
      case "PREROUTING raw" -> PRE_RAW;
      case "PREROUTING mangle" -> PRE_MANGLE;
      case "PREROUTING nat" -> PRE_NAT;
      case "INPUT mangle" -> IN_MANGLE;
      case "INPUT filter" -> IN_FILTER;
      case "INPUT nat" -> IN_NAT;
      case "FORWARD mangle" -> FWD_MANGLE;
      case "FORWARD filter" -> FWD_FILTER;
      case "OUTPUT raw" -> OUT_RAW;
      case "OUTPUT mangle" -> OUT_MANGLE;
      case "OUTPUT nat" -> OUT_NAT;
      case "OUTPUT filter" -> OUT_FILTER;
      case "POSTROUTING mangle" -> POST_MANGLE;
      case "POSTROUTING nat" -> POST_NAT;
      default -> null;
    };
  }

  /** The frame around a hook's table boxes: {x, y, width, height}. */
  static double[] groupFrame(String hook) {
    double top = Double.MAX_VALUE;
    double bottom = 0;
    double left = 0;
    double width = 0;
    for (FlowNode node : values()) {
      if (hook.equals(node.hook)) {
        top = Math.min(top, node.y);
        bottom = Math.max(bottom, node.y + node.height);
        left = node.x;
        width = node.width;
      }
    }
    return new double[] {left - 8, top - 24, width + 16, bottom - top + 32};
  }

  /** The box's rectangle: {x, y, width, height}. */
  double[] rect() {
    return new double[] {x, y, width, height};
  }

  /** The bridge box br_netfilter passes through before calling iptables at {@code hook}, or null. */
  static FlowNode bridgeHook(String hook) {
    return switch (hook.toUpperCase(java.util.Locale.ROOT)) {
      case "PREROUTING" -> BRIDGE_PRE;
      case "FORWARD" -> BRIDGE_FWD;
      case "POSTROUTING" -> BRIDGE_POST;
      default -> null;
    };
  }
}
