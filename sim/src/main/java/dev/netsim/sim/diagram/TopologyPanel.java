package dev.netsim.sim.diagram;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The topology beside the flow diagrams: namespaces as boxes, their interfaces, veth pairs as lines. */
final class TopologyPanel {
  private static final double ROW = 22;
  private static final double HEADER = 28;
  private static final double GAP = 26;

  private TopologyPanel() {}

  /**
   * Draws {@code topology} at ({@code x}, {@code y}); the interfaces in {@code crossed} ("netns/device") are
   * highlighted. Returns the bottom edge.
   */
  static double draw(Svg svg, Topology topology, Set<String> crossed, double x, double y, double width) {
    svg.text(x, y + 14, "topology", 14, "#0f172a", "start", "bold");
    double top = y + 26;
    Map<String, double[]> dots = new HashMap<>();
    double boxWidth = width - 40;
    for (Topology.Namespace namespace : topology.namespaces()) {
      List<Topology.Interface> interfaces = namespace.interfaces();
      double height = HEADER + interfaces.size() * ROW + 8;
      boolean touched = interfaces.stream().anyMatch(i -> crossed.contains(namespace.name() + "/" + i.name()));
      svg.rect(x, top, boxWidth, height, 8, touched ? "#fff7ed" : "#f8fafc", touched ? "#ea580c" : "#94a3b8",
          touched ? 1.8 : 1.2, null);
      svg.text(x + 10, top + 19, "netns " + namespace.label(), 13, "#0f172a", "start", "bold");
      double rowY = top + HEADER;
      for (Topology.Interface device : interfaces) {
        boolean hit = crossed.contains(namespace.name() + "/" + device.name());
        double indent = device.master() != null ? 22 : 10;
        String text = device.name() + (device.bridge() ? " (bridge)" : "")
            + (device.master() != null ? "  port of " + device.master() : "")
            + (device.addresses().isEmpty() ? "" : "  " + String.join(", ", device.addresses()));
        svg.text(x + indent + 12, rowY + 15, text, 12, hit ? "#9a3412" : "#1e293b", "start", hit ? "bold" : "normal");
        double dotX = x + boxWidth;
        double dotY = rowY + 11;
        svg.circle(x + indent + 4, dotY, 4, hit ? "#ea580c" : (device.bridge() ? "#7c3aed" : "#2563eb"), "#ffffff");
        dots.put(namespace.name() + "/" + device.name(), new double[] {dotX, dotY});
        rowY += ROW;
      }
      top += height + GAP;
    }
    int lane = 0;
    for (Topology.Link link : topology.links()) {
      double[] a = dots.get(link.netnsA() + "/" + link.deviceA());
      double[] b = dots.get(link.netnsB() + "/" + link.deviceB());
      if (a == null || b == null) {
        continue;
      }
      boolean hit = crossed.contains(link.netnsA() + "/" + link.deviceA())
          && crossed.contains(link.netnsB() + "/" + link.deviceB());
      double out = 8 + 9 * (lane++ % 3);
      String color = hit ? "#ea580c" : "#64748b";
      svg.path("M" + a[0] + "," + a[1] + " H" + (a[0] + out) + " V" + b[1] + " H" + b[0], color, hit ? 2.4 : 1.4,
          null, null);
      svg.circle(a[0], a[1], 3, color, color);
      svg.circle(b[0], b[1], 3, color, color);
    }
    svg.text(x, top + 4, "lines on the right: veth pairs", 11, "#64748b", "start", "normal");
    return top + 10;
  }
}
