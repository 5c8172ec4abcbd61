package dev.netsim.sim.diagram;

import java.util.Locale;

/** A small SVG writer: shapes and text with escaped content, coordinates rounded to a tenth. */
final class Svg {
  static final String FONT = "DejaVu Sans, Verdana, Arial, sans-serif";

  private final StringBuilder body = new StringBuilder();

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&apos;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  private static String n(double value) {
    return String.format(Locale.ROOT, "%.1f", value).replace(".0", "");
  }

  Svg rect(double x, double y, double width, double height, double radius, String fill, String stroke,
      double strokeWidth, String dash) {
    body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(width))
        .append("\" height=\"").append(n(height)).append("\" rx=\"").append(n(radius)).append("\" fill=\"")
        .append(fill).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"").append(n(strokeWidth))
        .append('"');
    if (dash != null) {
      body.append(" stroke-dasharray=\"").append(dash).append('"');
    }
    body.append("/>\n");
    return this;
  }

  Svg polygon(String fill, String stroke, double strokeWidth, double... points) {
    body.append("<polygon points=\"");
    for (int i = 0; i < points.length; i += 2) {
      body.append(i == 0 ? "" : " ").append(n(points[i])).append(',').append(n(points[i + 1]));
    }
    body.append("\" fill=\"").append(fill).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
        .append(n(strokeWidth)).append("\"/>\n");
    return this;
  }

  Svg circle(double cx, double cy, double r, String fill, String stroke) {
    body.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
        .append("\" fill=\"").append(fill).append("\" stroke=\"").append(stroke).append("\"/>\n");
    return this;
  }

  Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String dash, String marker) {
    body.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
        .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
        .append(n(width)).append('"');
    if (dash != null) {
      body.append(" stroke-dasharray=\"").append(dash).append('"');
    }
    if (marker != null) {
      body.append(" marker-end=\"url(#").append(marker).append(")\"");
    }
    body.append("/>\n");
    return this;
  }

  Svg path(String d, String stroke, double width, String dash, String marker) {
    body.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(stroke)
        .append("\" stroke-width=\"").append(n(width)).append('"');
    if (dash != null) {
      body.append(" stroke-dasharray=\"").append(dash).append('"');
    }
    if (marker != null) {
      body.append(" marker-end=\"url(#").append(marker).append(")\"");
    }
    body.append("/>\n");
    return this;
  }

  /** Text; {@code anchor} is start, middle or end; {@code weight} normal or bold. */
  Svg text(double x, double y, String text, double size, String color, String anchor, String weight) {
    body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-family=\"").append(FONT)
        .append("\" font-size=\"").append(n(size)).append("\" fill=\"").append(color).append("\" text-anchor=\"")
        .append(anchor).append('"');
    if (!weight.equals("normal")) {
      body.append(" font-weight=\"").append(weight).append('"');
    }
    body.append('>').append(escape(text)).append("</text>\n");
    return this;
  }

  Svg raw(String markup) {
    body.append(markup);
    return this;
  }

  /** The finished document, {@code width} by {@code height}, with the arrowheads the diagrams use. */
  String document(double width, double height, String title) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + n(width) + "\" height=\"" + n(height)
        + "\" viewBox=\"0 0 " + n(width) + " " + n(height) + "\">\n"
        + "<title>" + escape(title) + "</title>\n"
        + "<defs>\n"
        + "<marker id=\"flow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
        + " orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#9ca3af\"/></marker>\n"
        + "<marker id=\"path\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"5\" markerHeight=\"5\""
        + " orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#ea580c\"/></marker>\n"
        + "</defs>\n"
        + "<rect x=\"0\" y=\"0\" width=\"" + n(width) + "\" height=\"" + n(height) + "\" fill=\"#ffffff\"/>\n"
        + body + "</svg>\n";
  }
}
