package dev.netsim.sim.capture;

import dev.netsim.core.packet.EthernetFrame;
import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Mac;
import dev.netsim.core.value.Services;
import dev.netsim.sim.capture.CaptureFilter.Direction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses pcap-filter expressions the way libpcap's grammar reads them: {@code and} and {@code or} have the
 * same precedence and group from the left, {@code not} binds tighter, a bare value after {@code and} or
 * {@code or} reuses the qualifiers before it ({@code port 80 or 443}), keywords are lower case, and errors
 * carry libpcap's words.
 */
final class CaptureFilterParser {
  private static final Set<String> PROTOCOLS = Set.of("ether", "ip", "arp", "rarp", "tcp", "udp", "icmp", "ip6",
      "icmp6");
  private static final Set<String> DIRECTIONS = Set.of("src", "dst");
  private static final Set<String> TYPES = Set.of("host", "net", "port", "portrange");
  /** Keywords of pcap-filter that netsim does not model: accepted by tcpdump, refused here as such. */
  private static final Set<String> NOT_SIMULATED = Set.of("gateway", "broadcast", "multicast", "less", "greater",
      "len", "proto", "protochain", "vlan", "mpls", "pppoed", "pppoes", "geneve", "inbound", "outbound", "ifname",
      "on", "sctp", "igmp", "igrp", "pim", "vrrp", "carp", "ah", "esp", "atalk", "aarp", "decnet", "iso", "stp",
      "ipx", "netbeui", "link", "fddi", "tr", "wlan", "ppp", "slip", "radio", "type", "subtype", "dir", "llc",
      "lat", "sca", "moprc", "mopdl", "esis", "isis", "clnp", "l1", "l2", "iih", "lsp", "snp", "csnp", "psnp",
      "host6", "net6");
  private static final Pattern NUMBER = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]+");
  private static final Pattern DOTTED = Pattern.compile("[0-9]+(\\.[0-9]+){1,3}");
  private static final Pattern MAC = Pattern.compile("[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}");

  private enum Kind { WORD, LPAREN, RPAREN, NOT, AND, OR, SLASH }

  private record Token(Kind kind, String text) {}

  private enum Proto { DEFAULT, ETHER, IP, ARP, RARP, TCP, UDP, ICMP, IP6, ICMP6 }

  private enum Type { DEFAULT, HOST, NET, PORT, PORTRANGE }

  private record Qualifiers(Proto proto, Direction direction, Type type) {}

  private final String expression;
  private final List<Token> tokens;
  private int next;
  /** The qualifiers of the last {@code head}: what a bare value after and/or inherits. */
  private Qualifiers last;

  CaptureFilterParser(String expression) {
    this.expression = expression;
    this.tokens = new ArrayList<>();
  }

  CaptureFilter parse() throws FilterSyntaxException {
    tokenize();
    if (tokens.isEmpty()) {
      return CaptureFilter.ALL;
    }
    CaptureFilter filter = expression();
    if (next < tokens.size()) {
      throw FilterSyntaxException.syntaxError();
    }
    return filter;
  }

  private void tokenize() throws FilterSyntaxException {
    int i = 0;
    int n = expression.length();
    while (i < n) {
      char c = expression.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')' || c == '/') {
        tokens.add(new Token(c == '(' ? Kind.LPAREN : c == ')' ? Kind.RPAREN : Kind.SLASH, String.valueOf(c)));
        i++;
      } else if (c == '!' && !expression.startsWith("!=", i)) {
        tokens.add(new Token(Kind.NOT, "!"));
        i++;
      } else if (expression.startsWith("&&", i) || expression.startsWith("||", i)) {
        tokens.add(new Token(c == '&' ? Kind.AND : Kind.OR, expression.substring(i, i + 2)));
        i += 2;
      } else if (Character.isLetterOrDigit(c) || c == '_') {
        int start = i;
        while (i < n && isWordChar(expression.charAt(i))) {
          i++;
        }
        String word = expression.substring(start, i);
        tokens.add(switch (word) {
          case "and" -> new Token(Kind.AND, word);
          case "or" -> new Token(Kind.OR, word);
          case "not" -> new Token(Kind.NOT, word);
          default -> new Token(Kind.WORD, word);
        });
      } else if ("[]<>=+*%^&|".indexOf(c) >= 0 || expression.startsWith("!=", i)) {
        throw notSimulated();
      } else {
        // '-' starting a word, stray punctuation: libpcap's grammar has no place for them.
        throw FilterSyntaxException.syntaxError();
      }
    }
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == ':';
  }

  private FilterSyntaxException notSimulated() {
    return FilterSyntaxException.notSimulated("tcpdump filter expression '" + expression + "'");
  }

  private Token peek(int ahead) {
    int index = next + ahead;
    return index < tokens.size() ? tokens.get(index) : null;
  }

  private boolean at(Kind kind) {
    Token token = peek(0);
    return token != null && token.kind == kind;
  }

  private boolean atWord(Set<String> words) {
    Token token = peek(0);
    return token != null && token.kind == Kind.WORD && words.contains(token.text);
  }

  private Token take() throws FilterSyntaxException {
    if (next >= tokens.size()) {
      throw FilterSyntaxException.syntaxError();
    }
    return tokens.get(next++);
  }

  private CaptureFilter expression() throws FilterSyntaxException {
    CaptureFilter left = term();
    while (at(Kind.AND) || at(Kind.OR)) {
      boolean and = take().kind == Kind.AND;
      CaptureFilter right = startsBareValue() ? value(inherited()) : term();
      left = and ? new CaptureFilter.And(left, right) : new CaptureFilter.Or(left, right);
    }
    return left;
  }

  private Qualifiers inherited() throws FilterSyntaxException {
    if (last == null) {
      throw FilterSyntaxException.syntaxError();
    }
    return last;
  }

  /** Whether the next tokens are a value without qualifiers: {@code 443}, {@code not 1.2.3.4}, {@code (a or b)}. */
  private boolean startsBareValue() {
    int ahead = 0;
    while (peek(ahead) != null && (peek(ahead).kind == Kind.NOT || peek(ahead).kind == Kind.LPAREN)) {
      ahead++;
    }
    Token token = peek(ahead);
    return token != null && token.kind == Kind.WORD && isValue(token.text);
  }

  private static boolean isValue(String word) {
    return !PROTOCOLS.contains(word) && !DIRECTIONS.contains(word) && !TYPES.contains(word)
        && !NOT_SIMULATED.contains(word) && !word.equals("mask");
  }

  private CaptureFilter term() throws FilterSyntaxException {
    Token token = take();
    switch (token.kind) {
      case NOT:
        return new CaptureFilter.Not(term());
      case LPAREN: {
        CaptureFilter inner = expression();
        if (take().kind != Kind.RPAREN) {
          throw FilterSyntaxException.syntaxError();
        }
        return inner;
      }
      case WORD:
        break;
      default:
        throw FilterSyntaxException.syntaxError();
    }
    String word = token.text;
    if (NOT_SIMULATED.contains(word)) {
      throw notSimulated();
    }
    Proto proto = Proto.DEFAULT;
    if (PROTOCOLS.contains(word)) {
      proto = Proto.valueOf(word.toUpperCase(java.util.Locale.ROOT));
      if (atWord(NOT_SIMULATED)) {
        throw notSimulated();
      }
      if (!atWord(DIRECTIONS) && !atWord(TYPES)) {
        return protocolAlone(proto);
      }
      word = take().text;
    } else if (!DIRECTIONS.contains(word) && !TYPES.contains(word)) {
      throw FilterSyntaxException.syntaxError();
    }
    Direction direction = Direction.SRC_OR_DST;
    if (DIRECTIONS.contains(word)) {
      direction = direction(word);
      if (!atWord(TYPES)) {
        last = new Qualifiers(proto, direction, Type.DEFAULT);
        return value(last);
      }
      word = take().text;
    }
    if (!TYPES.contains(word)) {
      throw FilterSyntaxException.syntaxError();
    }
    last = new Qualifiers(proto, direction, Type.valueOf(word.toUpperCase(java.util.Locale.ROOT)));
    return value(last);
  }

  /** {@code src}, {@code dst}, {@code src or dst}, {@code src and dst} (and the same starting with dst). */
  private Direction direction(String first) throws FilterSyntaxException {
    Token joiner = peek(0);
    Token second = peek(1);
    if (joiner != null && (joiner.kind == Kind.AND || joiner.kind == Kind.OR) && second != null
        && second.kind == Kind.WORD && DIRECTIONS.contains(second.text) && !second.text.equals(first)) {
      next += 2;
      return joiner.kind == Kind.AND ? Direction.SRC_AND_DST : Direction.SRC_OR_DST;
    }
    return first.equals("src") ? Direction.SRC : Direction.DST;
  }

  private static CaptureFilter protocolAlone(Proto proto) throws FilterSyntaxException {
    return switch (proto) {
      case IP -> new CaptureFilter.EtherType(EthernetFrame.ETHERTYPE_IPV4);
      case ARP -> new CaptureFilter.EtherType(EthernetFrame.ETHERTYPE_ARP);
      case RARP -> new CaptureFilter.EtherType(0x8035);
      case TCP -> new CaptureFilter.IpProtocol(6);
      case UDP -> new CaptureFilter.IpProtocol(17);
      case ICMP -> new CaptureFilter.IpProtocol(1);
      case IP6, ICMP6 -> new CaptureFilter.Constant(false);
      case ETHER, DEFAULT -> throw FilterSyntaxException.syntaxError();
    };
  }

  /** An {@code id}: a value, {@code not} a value, or values in parentheses joined by and/or. */
  private CaptureFilter value(Qualifiers qualifiers) throws FilterSyntaxException {
    if (at(Kind.NOT)) {
      take();
      return new CaptureFilter.Not(value(qualifiers));
    }
    if (at(Kind.LPAREN)) {
      take();
      CaptureFilter values = value(qualifiers);
      while (at(Kind.AND) || at(Kind.OR)) {
        boolean and = take().kind == Kind.AND;
        CaptureFilter right = value(qualifiers);
        values = and ? new CaptureFilter.And(values, right) : new CaptureFilter.Or(values, right);
      }
      if (take().kind != Kind.RPAREN) {
        throw FilterSyntaxException.syntaxError();
      }
      return values;
    }
    Token token = take();
    if (token.kind != Kind.WORD || !isValue(token.text)) {
      throw FilterSyntaxException.syntaxError();
    }
    String text = token.text;
    if (at(Kind.SLASH)) {
      take();
      Token length = take();
      if (!DOTTED.matcher(text).matches() || length.kind != Kind.WORD || !NUMBER.matcher(length.text).matches()) {
        throw FilterSyntaxException.syntaxError();
      }
      return masked(qualifiers, text, length.text, null);
    }
    if (atWord(Set.of("mask"))) {
      take();
      Token mask = take();
      if (!DOTTED.matcher(text).matches() || mask.kind != Kind.WORD || !DOTTED.matcher(mask.text).matches()) {
        throw FilterSyntaxException.syntaxError();
      }
      return masked(qualifiers, text, null, mask.text);
    }
    return switch (qualifiers.type) {
      case PORT -> port(qualifiers, text);
      case PORTRANGE -> portRange(qualifiers, text);
      case DEFAULT, HOST, NET -> address(qualifiers, text);
    };
  }

  private static long number(String text) {
    if (text.startsWith("0x") || text.startsWith("0X")) {
      return Long.parseLong(text.substring(2), 16);
    }
    if (text.length() > 1 && text.startsWith("0")) {
      return Long.parseLong(text, 8);
    }
    return Long.parseLong(text);
  }

  /** libpcap's __pcap_atoin: a dotted address of one to four parts; {value, length in bits}. */
  private static long[] dotted(String text) throws FilterSyntaxException {
    String[] parts = text.split("\\.");
    long value = 0;
    for (String part : parts) {
      long octet = Long.parseLong(part);
      if (octet > 255) {
        throw FilterSyntaxException.invalid("invalid IPv4 address '" + text + "'");
      }
      value = value << 8 | octet;
    }
    return new long[] {value, 8L * parts.length};
  }

  private static String protoName(Proto proto) {
    return proto.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The IPv4 protocols an address qualifier may carry; anything else is libpcap's error. */
  private static void checkAddressProto(Qualifiers qualifiers) throws FilterSyntaxException {
    switch (qualifiers.proto) {
      case TCP, UDP, ICMP, ICMP6 -> throw FilterSyntaxException.invalid("'" + protoName(qualifiers.proto)
          + "' modifier applied to " + (qualifiers.type == Type.NET ? "net" : "host"));
      case ETHER -> throw FilterSyntaxException.invalid("illegal link layer address");
      default -> { }
    }
  }

  private static CaptureFilter addressFilter(Qualifiers qualifiers, int address, int mask) {
    boolean ip = qualifiers.proto == Proto.DEFAULT || qualifiers.proto == Proto.IP;
    boolean arp = qualifiers.proto == Proto.DEFAULT || qualifiers.proto == Proto.ARP;
    if (!ip && !arp) {
      return new CaptureFilter.Constant(false);
    }
    return new CaptureFilter.Address(ip, arp, qualifiers.direction, address & mask, mask);
  }

  private CaptureFilter address(Qualifiers qualifiers, String text) throws FilterSyntaxException {
    if (MAC.matcher(text).matches()) {
      if (qualifiers.proto != Proto.ETHER || qualifiers.type == Type.NET) {
        throw FilterSyntaxException.invalid("ethernet address used in non-ether expression");
      }
      return new CaptureFilter.EtherHost(qualifiers.direction, Mac.parse(text));
    }
    if (NUMBER.matcher(text).matches()) {
      checkAddressProto(qualifiers);
      long value = number(text) & 0xffff_ffffL;
      long mask = 0xffff_ffffL;
      if (qualifiers.type == Type.NET) {
        // A short net number is promoted: "net 10" is 10.0.0.0/8.
        while (value != 0 && (value & 0xff00_0000L) == 0) {
          value = value << 8 & 0xffff_ffffL;
          mask = mask << 8 & 0xffff_ffffL;
        }
      }
      return addressFilter(qualifiers, (int) value, (int) mask);
    }
    if (DOTTED.matcher(text).matches()) {
      checkAddressProto(qualifiers);
      long[] parsed = dotted(text);
      int shift = (int) (32 - parsed[1]);
      return addressFilter(qualifiers, (int) (parsed[0] << shift), (int) (0xffff_ffffL << shift));
    }
    // A name: only /etc/hosts's localhost resolves, since netsim has no DNS.
    if (qualifiers.proto == Proto.ETHER) {
      throw FilterSyntaxException.invalid("unknown ether host '" + text + "'");
    }
    if (qualifiers.type == Type.NET) {
      throw FilterSyntaxException.invalid("unknown network '" + text + "'");
    }
    checkAddressProto(qualifiers);
    if (text.equals("localhost")) {
      return addressFilter(qualifiers, Ipv4.LOOPBACK.bits(), -1);
    }
    throw FilterSyntaxException.invalid("unknown host '" + text + "'");
  }

  /** {@code net A.B.C.D/LEN} and {@code net A.B.C.D mask M.M.M.M}. */
  private CaptureFilter masked(Qualifiers qualifiers, String text, String length, String maskText)
      throws FilterSyntaxException {
    if (qualifiers.type != Type.NET) {
      throw FilterSyntaxException.invalid("Mask syntax for networks only");
    }
    checkAddressProto(qualifiers);
    long[] parsed = dotted(text);
    long value = parsed[0] << (32 - parsed[1]) & 0xffff_ffffL;
    long mask;
    String shown;
    if (length != null) {
      long bits = number(length);
      if (bits > 32) {
        throw FilterSyntaxException.invalid("mask length must be <= 32");
      }
      mask = bits == 0 ? 0 : 0xffff_ffffL << (32 - bits) & 0xffff_ffffL;
      shown = text + "/" + bits;
    } else {
      long[] parsedMask = dotted(maskText);
      mask = parsedMask[0] << (32 - parsedMask[1]) & 0xffff_ffffL;
      shown = text + " mask " + maskText;
    }
    if ((value & ~mask) != 0) {
      throw FilterSyntaxException.invalid("non-network bits set in \"" + shown + "\"");
    }
    return addressFilter(qualifiers, (int) value, (int) mask);
  }

  private CaptureFilter port(Qualifiers qualifiers, String text) throws FilterSyntaxException {
    boolean tcp;
    boolean udp;
    switch (qualifiers.proto) {
      case DEFAULT -> {
        tcp = true;
        udp = true;
      }
      case TCP -> {
        tcp = true;
        udp = false;
      }
      case UDP -> {
        tcp = false;
        udp = true;
      }
      case IP6 -> {
        return new CaptureFilter.Constant(false);
      }
      default -> throw FilterSyntaxException.invalid("illegal qualifier of 'port'");
    }
    if (NUMBER.matcher(text).matches()) {
      int port = checkedPort(number(text));
      return new CaptureFilter.Port(tcp, udp, qualifiers.direction, port, port);
    }
    if (DOTTED.matcher(text).matches() || MAC.matcher(text).matches()) {
      throw FilterSyntaxException.syntaxError();
    }
    int tcpPort = Services.port(text, "tcp");
    int udpPort = Services.port(text, "udp");
    if (tcpPort < 0 && udpPort < 0) {
      throw FilterSyntaxException.invalid("unknown port '" + text + "'");
    }
    if (qualifiers.proto == Proto.UDP && udpPort < 0) {
      throw FilterSyntaxException.invalid("port '" + text + "' is tcp");
    }
    if (qualifiers.proto == Proto.TCP && tcpPort < 0) {
      throw FilterSyntaxException.invalid("port '" + text + "' is udp");
    }
    CaptureFilter onTcp = tcp && tcpPort >= 0
        ? new CaptureFilter.Port(true, false, qualifiers.direction, tcpPort, tcpPort) : null;
    CaptureFilter onUdp = udp && udpPort >= 0
        ? new CaptureFilter.Port(false, true, qualifiers.direction, udpPort, udpPort) : null;
    if (onTcp != null && onUdp != null) {
      return tcpPort == udpPort ? new CaptureFilter.Port(true, true, qualifiers.direction, tcpPort, tcpPort)
          : new CaptureFilter.Or(onTcp, onUdp);
    }
    return onTcp != null ? onTcp : onUdp;
  }

  private static int checkedPort(long port) throws FilterSyntaxException {
    if (port > 65535) {
      throw FilterSyntaxException.invalid("illegal port number " + port + " > 65535");
    }
    return (int) port;
  }

  private CaptureFilter portRange(Qualifiers qualifiers, String text) throws FilterSyntaxException {
    CaptureFilter protocols = port(qualifiers, "0");
    if (!(protocols instanceof CaptureFilter.Port template)) {
      return protocols;
    }
    int dash = text.indexOf('-');
    String low = dash < 0 ? text : text.substring(0, dash);
    String high = dash < 0 ? text : text.substring(dash + 1);
    if (!NUMBER.matcher(low).matches() || !NUMBER.matcher(high).matches()) {
      throw notSimulated();
    }
    int from = checkedPort(number(low));
    int to = checkedPort(number(high));
    return new CaptureFilter.Port(template.tcp(), template.udp(), qualifiers.direction, Math.min(from, to),
        Math.max(from, to));
  }
}
