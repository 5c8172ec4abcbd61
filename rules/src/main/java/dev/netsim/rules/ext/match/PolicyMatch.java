package dev.netsim.rules.ext.match;

import dev.netsim.core.value.Ipv4;
import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.Names;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Placement;
import dev.netsim.rules.ext.Xt;
import dev.netsim.rules.model.Hook;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -m policy --dir in|out --pol none|ipsec [--strict] [elements...]}: the IPsec policy that applied to
 * the packet. netsim has no IPsec, so every packet has no policy: {@code --pol none} matches, {@code --pol
 * ipsec} does not.
 */
public record PolicyMatch(boolean in, boolean none, boolean strict, List<Element> elements) implements Match {
  private static final int MAX_ELEMENTS = 4;

  public PolicyMatch {
    elements = List.copyOf(elements);
  }

  /** An element's test: set or not, and negated or not. */
  public record Field(boolean set, boolean inverted) {
    static final Field UNSET = new Field(false, false);
  }

  /** One policy element; fields without {@code set} are not tested. */
  public record Element(Field reqidTest, long reqid, Field spiTest, long spi, Field protoTest, int proto,
      Field modeTest, boolean tunnel, Field srcTest, int src, int srcMask, Field dstTest, int dst, int dstMask) {
    static final Element EMPTY = new Element(Field.UNSET, 0, Field.UNSET, 0, Field.UNSET, 0, Field.UNSET, false,
        Field.UNSET, 0, 0, Field.UNSET, 0, 0);

    boolean empty() {
      return !reqidTest.set && !spiTest.set && !protoTest.set && !modeTest.set && !srcTest.set && !dstTest.set;
    }

    void append(StringBuilder out, String prefix, boolean numeric) {
      if (reqidTest.set) {
        out.append(reqidTest.inverted ? " !" : "").append(' ').append(prefix).append("reqid ").append(reqid);
      }
      if (spiTest.set) {
        out.append(spiTest.inverted ? " !" : "").append(' ').append(prefix).append("spi 0x")
            .append(Long.toHexString(spi));
      }
      if (protoTest.set) {
        String name = numeric ? null : Names.protocolName(proto);
        out.append(protoTest.inverted ? " !" : "").append(' ').append(prefix).append("proto ")
            .append(name != null ? name : Integer.toString(proto));
      }
      if (modeTest.set) {
        out.append(modeTest.inverted ? " !" : "").append(' ').append(prefix).append("mode ")
            .append(tunnel ? "tunnel" : "transport");
      }
      if (dstTest.set) {
        out.append(dstTest.inverted ? " !" : "").append(' ').append(prefix).append("tunnel-dst ")
            .append(Ipv4.format(dst)).append(Names.maskSuffix(dstMask));
      }
      if (srcTest.set) {
        out.append(srcTest.inverted ? " !" : "").append(' ').append(prefix).append("tunnel-src ")
            .append(Ipv4.format(src)).append(Names.maskSuffix(srcMask));
      }
    }
  }

  @Override
  public String name() {
    return "policy";
  }

  private void appendFlags(StringBuilder out, String prefix) {
    out.append(' ').append(prefix).append(in ? "dir in" : "dir out");
    out.append(' ').append(prefix).append(none ? "pol none" : "pol ipsec");
    if (strict) {
      out.append(' ').append(prefix).append("strict");
    }
  }

  @Override
  public void appendSave(StringBuilder out) {
    appendFlags(out, "--");
    for (int i = 0; i < elements.size(); i++) {
      elements.get(i).append(out, "--", false);
      if (i + 1 < elements.size()) {
        out.append(" --next");
      }
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" policy match");
    appendFlags(out, "");
    for (int i = 0; i < elements.size(); i++) {
      if (elements.size() > 1) {
        out.append(" [").append(i).append(']');
      }
      elements.get(i).append(out, "", numeric);
    }
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.of(none);
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    return "packet has no IPsec policy, rule wants --pol ipsec";
  }

  @Override
  public int allowedHooks() {
    return in ? ~Placement.mask(Hook.POSTROUTING, Hook.OUTPUT) & Placement.ALL_HOOKS
        : ~Placement.mask(Hook.PREROUTING, Hook.INPUT) & Placement.ALL_HOOKS;
  }

  /** The {@code policy} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("policy", List.of(
          OptionSpec.withArg("dir"),
          OptionSpec.withArg("pol"),
          OptionSpec.flag("strict"),
          OptionSpec.withArg("reqid").repeat().invert(),
          OptionSpec.withArg("spi").repeat().invert(),
          OptionSpec.withArg("tunnel-src").repeat().invert(),
          OptionSpec.withArg("tunnel-dst").repeat().invert(),
          OptionSpec.withArg("proto").repeat().invert(),
          OptionSpec.withArg("mode").repeat().invert(),
          OptionSpec.flag("next").repeat().needing("strict")));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        boolean in;
        boolean out;
        boolean none;
        boolean strict;
        final List<Element> elements = new ArrayList<>(List.of(Element.EMPTY));

        private Element current() {
          return elements.get(elements.size() - 1);
        }

        private void replace(Element element) {
          elements.set(elements.size() - 1, element);
        }

        /** The check of a repeated option; libxt_policy makes it after xtables has parsed a typed value. */
        private void once(Field field, String option) {
          if (field.set()) {
            throw IptablesException.parameter("policy match: double --" + option + " option");
          }
        }

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          Element e = current();
          Field test = new Field(true, inverted);
          switch (spec.name()) {
            case "dir" -> {
              switch (arg) {
                case "in" -> in = true;
                case "out" -> out = true;
                default -> throw IptablesException.parameter("policy_match: invalid dir \"" + arg + "\"");
              }
            }
            case "pol" -> {
              switch (arg) {
                case "none" -> none = true;
                case "ipsec" -> {
                  // the default
                }
                default -> throw IptablesException.parameter("policy match: invalid policy \"" + arg + "\"");
              }
            }
            case "strict" -> strict = true;
            case "reqid" -> {
              long value = Xt.uint("policy", "reqid", arg, 0, 0xffffffffL);
              once(e.reqidTest(), "reqid");
              replace(new Element(test, value, e.spiTest(), e.spi(), e.protoTest(), e.proto(), e.modeTest(),
                  e.tunnel(), e.srcTest(), e.src(), e.srcMask(), e.dstTest(), e.dst(), e.dstMask()));
            }
            case "spi" -> {
              long value = Xt.uint("policy", "spi", arg, 0, 0xffffffffL);
              once(e.spiTest(), "spi");
              replace(new Element(e.reqidTest(), e.reqid(), test, value, e.protoTest(), e.proto(), e.modeTest(),
                  e.tunnel(), e.srcTest(), e.src(), e.srcMask(), e.dstTest(), e.dst(), e.dstMask()));
            }
            case "tunnel-src" -> {
              int[] host = Xt.hostMask("policy", "tunnel-src", arg);
              once(e.srcTest(), "tunnel-src");
              replace(new Element(e.reqidTest(), e.reqid(), e.spiTest(), e.spi(), e.protoTest(), e.proto(),
                  e.modeTest(), e.tunnel(), test, host[0], host[1], e.dstTest(), e.dst(), e.dstMask()));
            }
            case "tunnel-dst" -> {
              int[] host = Xt.hostMask("policy", "tunnel-dst", arg);
              once(e.dstTest(), "tunnel-dst");
              replace(new Element(e.reqidTest(), e.reqid(), e.spiTest(), e.spi(), e.protoTest(), e.proto(),
                  e.modeTest(), e.tunnel(), e.srcTest(), e.src(), e.srcMask(), test, host[0], host[1]));
            }
            case "proto" -> {
              int proto = Names.parseProtocol(arg);
              once(e.protoTest(), "proto");
              if (proto != 51 && proto != 50 && proto != 108) {
                throw IptablesException.parameter("policy match: protocol must be ah/esp/ipcomp");
              }
              replace(new Element(e.reqidTest(), e.reqid(), e.spiTest(), e.spi(), test, proto, e.modeTest(),
                  e.tunnel(), e.srcTest(), e.src(), e.srcMask(), e.dstTest(), e.dst(), e.dstMask()));
            }
            case "mode" -> {
              once(e.modeTest(), "mode");
              boolean tunnel = switch (arg) {
                case "transport" -> false;
                case "tunnel" -> true;
                default -> throw IptablesException.parameter("policy match: invalid mode \"" + arg + "\"");
              };
              replace(new Element(e.reqidTest(), e.reqid(), e.spiTest(), e.spi(), e.protoTest(), e.proto(), test,
                  tunnel, e.srcTest(), e.src(), e.srcMask(), e.dstTest(), e.dst(), e.dstMask()));
            }
            default -> {
              if (elements.size() == MAX_ELEMENTS) {
                throw IptablesException.parameter("policy match: maximum policy depth reached");
              }
              elements.add(Element.EMPTY);
            }
          }
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (!in && !out) {
            throw IptablesException.parameter("policy match: neither --dir in nor --dir out specified");
          }
          if (none) {
            if (strict) {
              throw IptablesException.parameter("policy match: policy none but --strict given");
            }
            if (elements.size() > 1) {
              throw IptablesException.parameter("policy match: policy none but policy given");
            }
          }
          for (int i = 0; i < (none ? 0 : elements.size()); i++) {
            Element e = elements.get(i);
            if (strict && e.empty()) {
              throw IptablesException.parameter("policy match: empty policy element " + i + ". --strict is in "
                  + "effect, but at least one of reqid, spi, tunnel-src, tunnel-dst, proto or mode is required.");
            }
            if ((e.srcTest().set() || e.dstTest().set()) && e.tunnel() == e.modeTest().inverted()) {
              throw IptablesException.parameter(
                  "policy match: --tunnel-src/--tunnel-dst is only valid in tunnel mode");
            }
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new PolicyMatch(in, none, strict, none ? List.of() : elements);
        }
      };
    }
  }
}
