package dev.netsim.rules.ext.target;

import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.ext.CNumbers;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.KernelError;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Placement;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.ext.TargetModule;
import dev.netsim.rules.model.TableName;
import java.util.List;

/**
 * {@code -j CT} in the raw table: {@code --notrack} exempts the packet from connection tracking
 * ({@link PacketContext#notrack}), {@code --zone} puts it in a conntrack zone ({@link PacketContext#ctZone});
 * helper, timeout and event options are kept and printed. Always continues.
 */
public record CtTarget(boolean notrack, String helper, String timeout, int ctEvents, int expEvents, Zone zone)
    implements Target {
  /** {@code --zone[-orig|-reply] ID|mark}; direction null for both. */
  public record Zone(int id, boolean fromMark, String direction) {}

  private static final String[] CT_EVENTS =
      {"new", "related", "destroy", "reply", "assured", "protoinfo", "helper", "mark", "natseqinfo", "secmark"};

  @Override
  public String name() {
    return "CT";
  }

  private void dump(StringBuilder out, String dashes) {
    if (notrack) {
      out.append(' ').append(dashes).append("notrack");
    }
    if (!helper.isEmpty()) {
      out.append(' ').append(dashes).append("helper ").append(helper);
    }
    if (!timeout.isEmpty()) {
      out.append(' ').append(dashes).append("timeout ").append(timeout);
    }
    if (ctEvents != 0) {
      events(out, dashes + "ctevents", ctEvents, CT_EVENTS);
    }
    if (expEvents != 0) {
      events(out, dashes + "expevents", expEvents, new String[] {"new"});
    }
    if (zone != null) {
      out.append(' ').append(dashes).append("zone");
      if (zone.direction() != null) {
        out.append('-').append(zone.direction());
      }
      out.append(' ').append(zone.fromMark() ? "mark" : Integer.toString(zone.id()));
    }
  }

  private static void events(StringBuilder out, String label, int mask, String[] names) {
    out.append(' ').append(label).append(' ');
    String separator = "";
    for (int i = 0; i < names.length; i++) {
      if ((mask & (1 << i)) != 0) {
        out.append(separator).append(names[i]);
        separator = ",";
      }
    }
  }

  @Override
  public void appendSave(StringBuilder out) {
    dump(out, "--");
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" CT");
    dump(out, "");
  }

  @Override
  public Verdict apply(PacketContext packet) {
    if (notrack) {
      packet.notrack = true;
    }
    if (zone != null && !zone.fromMark()) {
      packet.ctZone = zone.id();
    }
    return Verdict.CONTINUE;
  }

  @Override
  public KernelError check(Placement placement) {
    if (placement.table() != TableName.RAW) {
      return KernelError.EINVAL;
    }
    return helper.isEmpty() && timeout.isEmpty() ? null : KernelError.ENOENT;
  }

  @Override
  public boolean needsConntrack() {
    return true;
  }

  /** The {@code CT} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("CT", List.of(
          OptionSpec.flag("notrack"),
          OptionSpec.withArg("helper"),
          OptionSpec.withArg("timeout"),
          OptionSpec.withArg("ctevents"),
          OptionSpec.withArg("expevents"),
          OptionSpec.withArg("zone-orig"),
          OptionSpec.withArg("zone-reply"),
          OptionSpec.withArg("zone")));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        boolean notrack;
        String helper = "";
        String timeout = "";
        int ctEvents;
        int expEvents;
        Zone zone;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "notrack" -> notrack = true;
            case "helper" -> helper = arg;
            case "timeout" -> timeout = arg;
            case "ctevents" -> ctEvents = parseEvents(arg, CT_EVENTS);
            case "expevents" -> expEvents = parseEvents(arg, new String[] {"new"});
            default -> zone = parseZone(arg, spec.name().equals("zone") ? null : spec.name().substring(5));
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new CtTarget(notrack, helper, timeout, ctEvents, expEvents, zone);
        }
      };
    }
  }

  private static int parseEvents(String text, String[] names) {
    int mask = 0;
    for (String event : text.split(",", -1)) {
      int bit = List.of(names).indexOf(event);
      if (bit < 0) {
        throw IptablesException.parameter("Unknown event type \"" + event + "\"");
      }
      mask |= 1 << bit;
    }
    return mask;
  }

  private static Zone parseZone(String text, String direction) {
    if (text.equalsIgnoreCase("mark")) {
      return new Zone(0, true, direction);
    }
    long id = CNumbers.parseUnsigned(text, 0, 65535);
    if (id < 0) {
      throw IptablesException.parameter("Cannot parse " + text + " as a zone ID");
    }
    return new Zone((int) id, false, direction);
  }
}
