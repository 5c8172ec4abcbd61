package dev.netsim.rules.ext.match;

import dev.netsim.core.value.Ipv4;
import dev.netsim.rules.eval.ConntrackView;
import dev.netsim.rules.eval.CtState;
import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.Names;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Xt;
import java.util.List;
import java.util.Locale;

/**
 * {@code -m conntrack} (revision 3) and its alias {@code -m state}: the packet's conntrack state
 * ({@code --ctstate NEW,ESTABLISHED}, also UNTRACKED, SNAT, DNAT), the connection's protocol, original and
 * reply addresses and ports, status, remaining lifetime and the packet's direction. Each test negatable.
 * Null components are not tested.
 */
public record ConntrackMatch(
    boolean stateAlias, Flags state, Range protocol, Address origSrc, Address origDst, Address replySrc,
    Address replyDst, Range origSrcPort, Range origDstPort, Range replySrcPort, Range replyDstPort,
    Flags status, Range expires, Boolean reply) implements Match {

  /** A bitmask test: any of the bits. */
  public record Flags(int mask, boolean inverted) {}

  /** An inclusive numeric range test. */
  public record Range(long low, long high, boolean inverted) {}

  /** An address/mask test. */
  public record Address(int address, int mask, boolean inverted) {}

  @Override
  public String name() {
    return stateAlias ? "state" : "conntrack";
  }

  @Override
  public void appendSave(StringBuilder out) {
    dump(out, "--", true);
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    dump(out, "", numeric);
  }

  private void dump(StringBuilder out, String prefix, boolean numeric) {
    if (state != null) {
      out.append(state.inverted() ? " !" : "").append(' ').append(prefix).append(stateAlias ? "state" : "ctstate");
      appendStates(out, state.mask());
    }
    if (protocol != null) {
      out.append(protocol.inverted() ? " !" : "").append(' ').append(prefix).append("ctproto ")
          .append(protocol.low());
    }
    address(out, prefix, "ctorigsrc", origSrc, numeric);
    address(out, prefix, "ctorigdst", origDst, numeric);
    address(out, prefix, "ctreplsrc", replySrc, numeric);
    address(out, prefix, "ctrepldst", replyDst, numeric);
    port(out, prefix, "ctorigsrcport", origSrcPort);
    port(out, prefix, "ctorigdstport", origDstPort);
    port(out, prefix, "ctreplsrcport", replySrcPort);
    port(out, prefix, "ctrepldstport", replyDstPort);
    if (status != null) {
      out.append(status.inverted() ? " !" : "").append(' ').append(prefix).append("ctstatus");
      appendStatus(out, status.mask());
    }
    if (expires != null) {
      out.append(expires.inverted() ? " !" : "").append(' ').append(prefix).append("ctexpire ")
          .append(expires.low());
      if (expires.high() != expires.low()) {
        out.append(':').append(expires.high());
      }
    }
    if (reply != null) {
      out.append(' ').append(prefix).append("ctdir ").append(reply ? "REPLY" : "ORIGINAL");
    }
  }

  private static void address(StringBuilder out, String prefix, String option, Address test, boolean numeric) {
    if (test == null) {
      return;
    }
    out.append(test.inverted() ? " !" : "").append(' ').append(prefix).append(option);
    if (!numeric && test.address() == 0) {
      out.append(" anywhere");
      return;
    }
    out.append(' ').append(numeric ? Ipv4.format(test.address()) : Names.anyName(test.address()))
        .append(Names.maskSuffix(test.mask()));
  }

  private static void port(StringBuilder out, String prefix, String option, Range test) {
    if (test == null) {
      return;
    }
    out.append(test.inverted() ? " !" : "").append(' ').append(prefix).append(option).append(' ')
        .append(test.low());
    if (test.high() != test.low()) {
      out.append(':').append(test.high());
    }
  }

  static void appendStates(StringBuilder out, int mask) {
    String separator = " ";
    String[] names = {"INVALID", "NEW", "RELATED", "ESTABLISHED", "UNTRACKED", "SNAT", "DNAT"};
    int[] bits = {CtState.INVALID, CtState.NEW, CtState.RELATED, CtState.ESTABLISHED, CtState.UNTRACKED,
        CtState.SNAT, CtState.DNAT};
    for (int i = 0; i < names.length; i++) {
      if ((mask & bits[i]) != 0) {
        out.append(separator).append(names[i]);
        separator = ",";
      }
    }
  }

  private static void appendStatus(StringBuilder out, int mask) {
    String separator = " ";
    String[] names = {"EXPECTED", "SEEN_REPLY", "ASSURED", "CONFIRMED"};
    int[] bits = {CtState.STATUS_EXPECTED, CtState.STATUS_SEEN_REPLY, CtState.STATUS_ASSURED,
        CtState.STATUS_CONFIRMED};
    for (int i = 0; i < names.length; i++) {
      if ((mask & bits[i]) != 0) {
        out.append(separator).append(names[i]);
        separator = ",";
      }
    }
    if (mask == 0) {
      out.append(separator).append("NONE");
    }
  }

  /** The tests of {@link #failingTest}, in the order they are made. */
  private static final int PASS = 0;
  private static final int STATE = 1;
  private static final int NO_ENTRY = 2;
  private static final int PROTOCOL = 3;
  private static final int ORIG_SRC = 4;
  private static final int ORIG_DST = 5;
  private static final int REPLY_SRC = 6;
  private static final int REPLY_DST = 7;
  private static final int ORIG_SRC_PORT = 8;
  private static final int ORIG_DST_PORT = 9;
  private static final int REPLY_SRC_PORT = 10;
  private static final int REPLY_DST_PORT = 11;
  private static final int STATUS = 12;
  private static final int EXPIRES = 13;
  private static final int DIRECTION = 14;

  @Override
  public MatchResult evaluate(PacketContext packet, Object unused) {
    return MatchResult.of(failingTest(packet) == PASS);
  }

  @Override
  public String explainMismatch(PacketContext packet) {
    ConntrackView ct = packet.conntrack;
    switch (failingTest(packet)) {
      case STATE -> {
        StringBuilder text = new StringBuilder("conntrack state is");
        appendStates(text, packet.ctStateBits());
        text.append(", rule wants").append(state.inverted() ? " !" : "");
        appendStates(text, state.mask());
        return text.toString();
      }
      case NO_ENTRY -> {
        return "packet has no conntrack entry";
      }
      case PROTOCOL -> {
        return "connection protocol is " + ct.protocol() + ", rule wants " + (protocol.inverted() ? "! " : "")
            + protocol.low();
      }
      case ORIG_SRC -> {
        return addressText("original source", ct.origSrc(), origSrc);
      }
      case ORIG_DST -> {
        return addressText("original destination", ct.origDst(), origDst);
      }
      case REPLY_SRC -> {
        return addressText("reply source", ct.replySrc(), replySrc);
      }
      case REPLY_DST -> {
        return addressText("reply destination", ct.replyDst(), replyDst);
      }
      case ORIG_SRC_PORT -> {
        return rangeText("original source port", ct.origSrcPort(), origSrcPort);
      }
      case ORIG_DST_PORT -> {
        return rangeText("original destination port", ct.origDstPort(), origDstPort);
      }
      case REPLY_SRC_PORT -> {
        return rangeText("reply source port", ct.replySrcPort(), replySrcPort);
      }
      case REPLY_DST_PORT -> {
        return rangeText("reply destination port", ct.replyDstPort(), replyDstPort);
      }
      case STATUS -> {
        StringBuilder text = new StringBuilder("conntrack status is");
        appendStatus(text, ct.status());
        return text.append(", rule wants").append(status.inverted() ? " !" : "").append(statusText()).toString();
      }
      case EXPIRES -> {
        return rangeText("remaining lifetime", ct.expiresInSeconds(), expires);
      }
      case DIRECTION -> {
        return "packet travels in the " + (ct.isReply() ? "reply" : "original") + " direction, rule wants "
            + (reply ? "REPLY" : "ORIGINAL");
      }
      default -> {
        return "matches";
      }
    }
  }

  /** The first test the packet fails ({@link #PASS} when none), without allocating. */
  private int failingTest(PacketContext packet) {
    if (state != null && ((packet.ctStateBits() & state.mask()) != 0) == state.inverted()) {
      return STATE;
    }
    boolean anyEntryTest = protocol != null || origSrc != null || origDst != null || replySrc != null
        || replyDst != null || origSrcPort != null || origDstPort != null || replySrcPort != null
        || replyDstPort != null || status != null || expires != null || reply != null;
    if (!anyEntryTest) {
      return PASS;
    }
    ConntrackView ct = packet.conntrack;
    if (ct == null) {
      return NO_ENTRY;
    }
    if (protocol != null && (ct.protocol() == protocol.low()) == protocol.inverted()) {
      return PROTOCOL;
    }
    if (addressFails(ct.origSrc(), origSrc)) {
      return ORIG_SRC;
    }
    if (addressFails(ct.origDst(), origDst)) {
      return ORIG_DST;
    }
    if (addressFails(ct.replySrc(), replySrc)) {
      return REPLY_SRC;
    }
    if (addressFails(ct.replyDst(), replyDst)) {
      return REPLY_DST;
    }
    if (rangeFails(ct.origSrcPort(), origSrcPort)) {
      return ORIG_SRC_PORT;
    }
    if (rangeFails(ct.origDstPort(), origDstPort)) {
      return ORIG_DST_PORT;
    }
    if (rangeFails(ct.replySrcPort(), replySrcPort)) {
      return REPLY_SRC_PORT;
    }
    if (rangeFails(ct.replyDstPort(), replyDstPort)) {
      return REPLY_DST_PORT;
    }
    if (status != null && ((ct.status() & status.mask()) != 0 || status.mask() == 0 && ct.status() == 0)
        == status.inverted()) {
      return STATUS;
    }
    if (rangeFails(ct.expiresInSeconds(), expires)) {
      return EXPIRES;
    }
    if (reply != null && ct.isReply() != reply) {
      return DIRECTION;
    }
    return PASS;
  }

  private static boolean addressFails(int actual, Address test) {
    return test != null && ((actual & test.mask()) == test.address()) == test.inverted();
  }

  private static boolean rangeFails(long actual, Range test) {
    return test != null && (actual >= test.low() && actual <= test.high()) == test.inverted();
  }

  private String statusText() {
    StringBuilder text = new StringBuilder();
    appendStatus(text, status.mask());
    return text.toString();
  }

  private static String addressText(String what, int actual, Address test) {
    return what + " is " + Ipv4.format(actual) + ", rule wants " + (test.inverted() ? "! " : "")
        + Ipv4.format(test.address()) + Names.maskSuffix(test.mask());
  }

  private static String rangeText(String what, long actual, Range test) {
    return what + " is " + actual + ", rule wants " + (test.inverted() ? "! " : "") + test.low()
        + (test.low() == test.high() ? "" : ":" + test.high());
  }

  @Override
  public boolean needsConntrack() {
    return true;
  }

  /** The {@code conntrack} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("conntrack", List.of(
          OptionSpec.withArg("ctstate").invert(),
          OptionSpec.withArg("ctproto").invert(),
          OptionSpec.withArg("ctorigsrc").invert(),
          OptionSpec.withArg("ctorigdst").invert(),
          OptionSpec.withArg("ctreplsrc").invert(),
          OptionSpec.withArg("ctrepldst").invert(),
          OptionSpec.withArg("ctstatus").invert(),
          OptionSpec.withArg("ctexpire").invert(),
          OptionSpec.withArg("ctorigsrcport").invert(),
          OptionSpec.withArg("ctorigdstport").invert(),
          OptionSpec.withArg("ctreplsrcport").invert(),
          OptionSpec.withArg("ctrepldstport").invert(),
          OptionSpec.withArg("ctdir")));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new Parser(false);
    }
  }

  /** The {@code state} module: {@code --state} is {@code conntrack --ctstate} under its old name. */
  public static final class StateModule extends MatchModule {
    public StateModule() {
      super("state", List.of(OptionSpec.withArg("state").invert().required()));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new Parser(true);
    }
  }

  private static final class Parser implements ExtensionParser<Match> {
    final boolean stateAlias;
    Flags state;
    Range protocol;
    Address origSrc;
    Address origDst;
    Address replySrc;
    Address replyDst;
    Range origSrcPort;
    Range origDstPort;
    Range replySrcPort;
    Range replyDstPort;
    Flags status;
    Range expires;
    Boolean reply;
    boolean any;

    Parser(boolean stateAlias) {
      this.stateAlias = stateAlias;
    }

    @Override
    public void option(OptionSpec spec, String arg, boolean inverted, ParseContext context) {
      any = true;
      switch (spec.name()) {
        case "state" -> state = new Flags(states(arg, "Bad state"), inverted);
        case "ctstate" -> state = new Flags(states(arg, "Bad ctstate"), inverted);
        case "ctproto" -> {
          int number = Names.parseProtocol(arg.toLowerCase(Locale.ROOT));
          protocol = new Range(number, number, inverted);
        }
        case "ctorigsrc" -> origSrc = address(spec.name(), arg, inverted);
        case "ctorigdst" -> origDst = address(spec.name(), arg, inverted);
        case "ctreplsrc" -> replySrc = address(spec.name(), arg, inverted);
        case "ctrepldst" -> replyDst = address(spec.name(), arg, inverted);
        case "ctstatus" -> status = new Flags(statuses(arg), inverted);
        case "ctexpire" -> {
          long[] range = Xt.uintRange("conntrack", "ctexpire", arg, 0, 0xffffffffL, 2);
          expires = new Range(range[0], range.length > 1 ? range[1] : range[0], inverted);
        }
        case "ctorigsrcport" -> origSrcPort = ports(arg, spec.name(), inverted);
        case "ctorigdstport" -> origDstPort = ports(arg, spec.name(), inverted);
        case "ctreplsrcport" -> replySrcPort = ports(arg, spec.name(), inverted);
        case "ctrepldstport" -> replyDstPort = ports(arg, spec.name(), inverted);
        case "ctdir" -> {
          if (arg.equalsIgnoreCase("ORIGINAL")) {
            reply = false;
          } else if (arg.equalsIgnoreCase("REPLY")) {
            reply = true;
          } else {
            throw Xt.badOptionValue("conntrack", "--ctdir", arg);
          }
        }
        default -> throw new IllegalArgumentException(spec.name());
      }
    }

    @Override
    public void finalCheck(ParseContext context) {
      if (!any && !stateAlias) {
        throw IptablesException.parameter("conntrack: At least one option is required");
      }
    }

    @Override
    public Match build(ParseContext context) {
      return new ConntrackMatch(stateAlias, state, protocol, origSrc, origDst, replySrc, replyDst, origSrcPort,
          origDstPort, replySrcPort, replyDstPort, status, expires, reply);
    }

    private static Address address(String option, String arg, boolean inverted) {
      int[] hostMask = Xt.hostMask("conntrack", option, arg);
      return new Address(hostMask[0] & hostMask[1], hostMask[1], inverted);
    }

    private static Range ports(String arg, String option, boolean inverted) {
      int[] range = Xt.portRange("conntrack", option, arg);
      return new Range(range[0], range[1], inverted);
    }
  }

  /** A comma-separated list of state names (any case). */
  /** Parses a state list; the error names the list from the first unknown state on, as iptables does. */
  static int states(String text, String errorPrefix) {
    int mask = 0;
    int start = 0;
    for (String name : text.split(",", -1)) {
      mask |= switch (name.toUpperCase(Locale.ROOT)) {
        case "INVALID" -> CtState.INVALID;
        case "NEW" -> CtState.NEW;
        case "ESTABLISHED" -> CtState.ESTABLISHED;
        case "RELATED" -> CtState.RELATED;
        case "UNTRACKED" -> CtState.UNTRACKED;
        case "SNAT" -> CtState.SNAT;
        case "DNAT" -> CtState.DNAT;
        default -> throw IptablesException.parameter(errorPrefix + " \"" + text.substring(start) + "\"");
      };
      start += name.length() + 1;
    }
    return mask;
  }

  private static int statuses(String text) {
    int mask = 0;
    for (String name : text.split(",", -1)) {
      mask |= switch (name.toUpperCase(Locale.ROOT)) {
        case "NONE" -> 0;
        case "EXPECTED" -> CtState.STATUS_EXPECTED;
        case "SEEN_REPLY" -> CtState.STATUS_SEEN_REPLY;
        case "ASSURED" -> CtState.STATUS_ASSURED;
        case "CONFIRMED" -> CtState.STATUS_CONFIRMED;
        default -> throw IptablesException.parameter("Bad ctstatus \"" + text + "\"");
      };
    }
    return mask;
  }
}
