package dev.netsim.rules.ext.target;

import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.Names;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.ext.TargetModule;
import dev.netsim.rules.ext.Xt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code -j HMARK --hmark-mod N --hmark-rnd R ...}: sets the mark to a hash of the packet's addresses and
 * ports. netsim does not compute the kernel's hash: the mark becomes unknown, so evaluation is undetermined.
 * {@code values} holds the options given (prefixes as lengths), by option name without "hmark-".
 */
public record HmarkTarget(Map<String, Long> values, boolean conntrackTuple) implements Target {
  public HmarkTarget {
    values = Map.copyOf(values);
  }

  @Override
  public String name() {
    return "HMARK";
  }

  private void save(StringBuilder out, String option, String format) {
    Long value = values.get(option);
    if (value != null) {
      out.append(" --hmark-").append(option).append(' ').append(String.format(Locale.ROOT, format, value));
    }
  }

  @Override
  public void appendSave(StringBuilder out) {
    save(out, "src-prefix", "%d");
    save(out, "dst-prefix", "%d");
    save(out, "sport-mask", "0x%04x");
    save(out, "dport-mask", "0x%04x");
    save(out, "spi-mask", "0x%08x");
    save(out, "sport", "0x%04x");
    save(out, "dport", "0x%04x");
    save(out, "spi", "0x%08x");
    save(out, "proto-mask", "0x%02x");
    save(out, "rnd", "0x%08x");
    save(out, "mod", "%d");
    save(out, "offset", "%d");
    if (conntrackTuple) {
      out.append(" --hmark-tuple ct");
    }
  }

  private void list(StringBuilder out, String label, String option, String format) {
    Long value = values.get(option);
    if (value != null) {
      out.append(label).append(String.format(Locale.ROOT, format, value)).append(' ');
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" HMARK ");
    list(out, "mod ", "mod", "%d");
    list(out, "+ ", "offset", "0x%x");
    if (conntrackTuple) {
      out.append("ct, ");
    }
    list(out, "src-prefix ", "src-prefix", "%d");
    list(out, "dst-prefix ", "dst-prefix", "%d");
    list(out, "sport-mask ", "sport-mask", "0x%x");
    list(out, "dport-mask ", "dport-mask", "0x%x");
    list(out, "spi-mask ", "spi-mask", "0x%x");
    list(out, "sport ", "sport", "0x%x");
    list(out, "dport ", "dport", "0x%x");
    list(out, "spi ", "spi", "0x%x");
    list(out, "proto-mask ", "proto-mask", "0x%x");
    list(out, "rnd ", "rnd", "0x%x");
  }

  @Override
  public String notModelled() {
    return "netsim does not compute HMARK's hash";
  }

  @Override
  public Verdict apply(PacketContext packet) {
    return Verdict.UNDETERMINED;
  }

  /** The {@code HMARK} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("HMARK", List.of(
          OptionSpec.withArg("hmark-tuple"),
          OptionSpec.withArg("hmark-src-prefix"),
          OptionSpec.withArg("hmark-dst-prefix"),
          OptionSpec.withArg("hmark-sport-mask"),
          OptionSpec.withArg("hmark-dport-mask"),
          OptionSpec.withArg("hmark-spi-mask"),
          OptionSpec.withArg("hmark-sport"),
          OptionSpec.withArg("hmark-dport"),
          OptionSpec.withArg("hmark-spi"),
          OptionSpec.withArg("hmark-proto-mask"),
          OptionSpec.withArg("hmark-rnd"),
          OptionSpec.withArg("hmark-mod"),
          OptionSpec.withArg("hmark-offset")));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        final Map<String, Long> values = new LinkedHashMap<>();
        boolean conntrackTuple;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          String key = spec.name().substring("hmark-".length());
          switch (key) {
            case "tuple" -> {
              if (!arg.equals("ct")) {
                throw IptablesException.parameter("--hmark-tuple can only take \"ct\" as argument");
              }
              conntrackTuple = true;
            }
            case "src-prefix", "dst-prefix" ->
                values.put(key, (long) Names.cidr(Xt.prefixMask("HMARK", spec.name(), arg)));
            case "sport-mask", "dport-mask", "sport", "dport", "proto-mask" ->
                values.put(key, Xt.uint("HMARK", spec.name(), arg, 0, 65535));
            case "mod" -> {
              long modulus = Xt.uint("HMARK", spec.name(), arg, 0, 0xffffffffL);
              if (modulus == 0) {
                throw IptablesException.parameter("xxx modulus 0 ? division by zero");
              }
              values.put(key, modulus);
            }
            default -> values.put(key, Xt.uint("HMARK", spec.name(), arg, 0, 0xffffffffL));
          }
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (!values.containsKey("mod")) {
            throw IptablesException.parameter("--hmark-mod is mandatory");
          }
          if (!values.containsKey("rnd")) {
            throw IptablesException.parameter("--hmark-rnd is mandatory");
          }
          if (values.containsKey("spi-mask") && (values.containsKey("sport-mask") || values.containsKey("dport-mask"))) {
            throw IptablesException.parameter(
                "you cannot use --hmark-spi-mask and --hmark-?port-mask,at the same time");
          }
          if (values.containsKey("spi") && (values.containsKey("sport") || values.containsKey("dport"))) {
            throw IptablesException.parameter("you cannot use --hmark-spi and --hmark-?port,at the same time");
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new HmarkTarget(values, conntrackTuple);
        }
      };
    }
  }
}
