package dev.netsim.rules.cli;

import dev.netsim.core.value.Ipv4Prefix;
import dev.netsim.rules.ext.CNumbers;
import dev.netsim.rules.ext.ExtensionRegistry;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.IptablesException.Kind;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.Names;
import dev.netsim.rules.ext.OptionSpec.Arg;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.ext.TargetModule;
import dev.netsim.rules.ext.target.ChainJump;
import dev.netsim.rules.ext.target.NoTarget;
import dev.netsim.rules.model.IpHeader;
import dev.netsim.rules.model.RuleSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Parses an iptables command line the way iptables 1.8.9's {@code do_parse} does: getopt with the generic
 * options, extensions loaded by {@code -m}/{@code -j} adding theirs, the protocol match loaded on demand
 * ({@code -p tcp --dport 22}), and the same checks in the same order, so that the first error reported is the
 * one iptables reports.
 */
final class CommandParser {
  /** The short options of iptables 1.8.9 (its {@code IPT_OPTSTRING} after {@code "-:"}). */
  private static final String SHORT_OPTIONS = "A:C:D:E:F::I:L::M:N:P:R:S::VX::Z::c:d:f46g:h::i:j:m:no:p:s:t:vw::W::x";

  private static final List<Getopt.LongOption> GENERIC_OPTIONS = List.of(
      generic("append", Arg.REQUIRED, 'A'),
      generic("delete", Arg.REQUIRED, 'D'),
      generic("check", Arg.REQUIRED, 'C'),
      generic("insert", Arg.REQUIRED, 'I'),
      generic("replace", Arg.REQUIRED, 'R'),
      generic("list", Arg.OPTIONAL, 'L'),
      generic("list-rules", Arg.OPTIONAL, 'S'),
      generic("flush", Arg.OPTIONAL, 'F'),
      generic("zero", Arg.OPTIONAL, 'Z'),
      generic("new-chain", Arg.REQUIRED, 'N'),
      generic("delete-chain", Arg.OPTIONAL, 'X'),
      generic("rename-chain", Arg.REQUIRED, 'E'),
      generic("policy", Arg.REQUIRED, 'P'),
      generic("source", Arg.REQUIRED, 's'),
      generic("destination", Arg.REQUIRED, 'd'),
      generic("src", Arg.REQUIRED, 's'),
      generic("dst", Arg.REQUIRED, 'd'),
      generic("protocol", Arg.REQUIRED, 'p'),
      generic("in-interface", Arg.REQUIRED, 'i'),
      generic("jump", Arg.REQUIRED, 'j'),
      generic("table", Arg.REQUIRED, 't'),
      generic("match", Arg.REQUIRED, 'm'),
      generic("numeric", Arg.NONE, 'n'),
      generic("out-interface", Arg.REQUIRED, 'o'),
      generic("verbose", Arg.NONE, 'v'),
      generic("wait", Arg.OPTIONAL, 'w'),
      generic("wait-interval", Arg.OPTIONAL, 'W'),
      generic("exact", Arg.NONE, 'x'),
      generic("fragments", Arg.NONE, 'f'),
      generic("version", Arg.NONE, 'V'),
      generic("help", Arg.OPTIONAL, 'h'),
      generic("line-numbers", Arg.NONE, '0'),
      generic("modprobe", Arg.REQUIRED, 'M'),
      generic("set-counters", Arg.REQUIRED, 'c'),
      generic("goto", Arg.REQUIRED, 'g'),
      generic("ipv4", Arg.NONE, '4'),
      generic("ipv6", Arg.NONE, '6'));

  /** XT_EXTENSION_MAXNAMELEN: chain and target names must be shorter. */
  static final int MAX_NAME = 29;

  /** Why parsing stopped early without an error: {@code -V}, {@code -h}, or a restore line with {@code -6}. */
  static final class EarlyExit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String output;

    EarlyExit(String output) {
      super(null, null, false, false);
      this.output = output;
    }
  }

  private final ExtensionRegistry registry;
  private final Predicate<String> ipsetExists;
  private final boolean restore;
  private final String program;
  private final List<String> warnings = new ArrayList<>();

  private int command;
  private String chain;
  private int ruleNumber = -1;
  private String newName;
  private String policy;
  private String table = "filter";
  private int options;
  private int invertFlags;
  private int verbose;
  private String protocolText;
  private int protocol;
  private String sourceText;
  private String destinationText;
  private String inInterface = "";
  private String outInterface = "";
  private String jumpTo = "";
  private boolean gotoSet;
  private long packets;
  private long bytes;
  private boolean protocolUsed;
  private final List<ExtensionUse<Match>> matches = new ArrayList<>();
  private ExtensionUse<Target> target;
  private final List<Getopt.LongOption> longOptions = new ArrayList<>(GENERIC_OPTIONS);
  private ParseContext context;

  /**
   * @param restore whether the line comes from iptables-restore (no {@code -t}, {@code -6} skips the line)
   * @param defaultTable the table in effect ({@code *nat} in iptables-restore), "filter" for iptables
   */
  CommandParser(ExtensionRegistry registry, boolean restore, String program, String defaultTable,
      Predicate<String> ipsetExists) {
    this.registry = registry;
    this.ipsetExists = ipsetExists;
    this.restore = restore;
    this.program = program;
    this.table = defaultTable;
  }

  private static Getopt.LongOption generic(String name, Arg arg, char letter) {
    return new Getopt.LongOption(name, arg, letter);
  }

  /** Warnings printed while parsing (even when parsing then fails). */
  List<String> warnings() {
    return warnings;
  }

  ParsedCommand parse(List<String> argv) {
    context = new ParseContext(warnings);
    context.setIpsets(ipsetExists);
    Getopt getopt = new Getopt(argv, SHORT_OPTIONS);
    context.setWords(new ParseContext.Words() {
      @Override
      public boolean hasNext() {
        return getopt.hasArgument();
      }

      @Override
      public String next() {
        return getopt.optind() < getopt.argc() ? getopt.take() : null;
      }
    });
    boolean invert = false;
    while (true) {
      Getopt.Result result = getopt.next(longOptions);
      if (result.kind() == Getopt.Kind.END) {
        break;
      }
      Character letter = letterOf(result);
      if (letter != null) {
        generic(letter, result.optarg(), invert, getopt);
      } else if (result.kind() == Getopt.Kind.NONOPTION) {
        if (result.optarg().equals("!")) {
          if (invert) {
            throw IptablesException.parameter("multiple consecutive ! not allowed");
          }
          invert = true;
          continue;
        }
        throw new IptablesException(Kind.BARE, "Bad argument `" + result.optarg() + "'");
      } else if (!extensionOption(result, invert, getopt)) {
        continue;
      }
      invert = false;
    }
    finishParse(getopt, invert);
    return build();
  }

  private static Character letterOf(Getopt.Result result) {
    if (result.kind() == Getopt.Kind.SHORT) {
      return result.shortName();
    }
    if (result.kind() == Getopt.Kind.LONG && result.longOption().owner() instanceof Character letter) {
      return letter;
    }
    return null;
  }

  /** Iptables' {@code command_default}: an extension's option, or loading the protocol match; false to retry. */
  private boolean extensionOption(Getopt.Result result, boolean invert, Getopt getopt) {
    if (result.kind() == Getopt.Kind.LONG
        && result.longOption().owner() instanceof ExtensionUse.OptionKey key) {
      key.use().option(key.spec(), result.optarg(), invert, context);
      return true;
    }
    if (loadProtocolMatch()) {
      getopt.rewind();
      return false;
    }
    if (result.kind() == Getopt.Kind.MISSING_ARGUMENT) {
      throw IptablesException.parameter("option \"" + result.text() + "\" requires an argument");
    }
    throw IptablesException.parameter("unknown option \"" + result.text() + "\"");
  }

  private boolean loadProtocolMatch() {
    if (protocolText == null || protocolUsed) {
      return false;
    }
    protocolUsed = true;
    String name = protocolText;
    long number = CNumbers.parseUnsigned(protocolText, 0, 255);
    if (number >= 0) {
      name = Names.protocolName((int) number);
      if (name == null) {
        return false;
      }
    }
    MatchModule module = registry.match(name);
    if (module == null) {
      return false;
    }
    addMatch(module);
    return true;
  }

  private void addMatch(MatchModule module) {
    for (String warning : module.loadWarnings()) {
      warnings.add(warning);
    }
    // A second use of the same match takes the options from here on (libxtables marks the first completed).
    for (ExtensionUse<Match> previous : matches) {
      if (previous.module() == module) {
        longOptions.removeAll(previous.longOptions());
      }
    }
    ExtensionUse<Match> use = new ExtensionUse<>(module, context);
    matches.add(use);
    longOptions.addAll(use.longOptions());
  }

  private void generic(char letter, String optarg, boolean invert, Getopt getopt) {
    switch (letter) {
      case 'A' -> {
        addCommand(CommandKind.APPEND, 0, invert);
        chain = optarg;
      }
      case 'C' -> {
        addCommand(CommandKind.CHECK, 0, invert);
        chain = optarg;
      }
      case 'D' -> {
        addCommand(CommandKind.DELETE, 0, invert);
        chain = optarg;
        if (getopt.hasArgument()) {
          ruleNumber = parseRuleNumber(getopt.take());
          command = CommandKind.DELETE_NUM.bit();
        }
      }
      case 'R' -> {
        addCommand(CommandKind.REPLACE, 0, invert);
        chain = optarg;
        if (!getopt.hasArgument()) {
          throw IptablesException.parameter("-R requires a rule number");
        }
        ruleNumber = parseRuleNumber(getopt.take());
      }
      case 'I' -> {
        addCommand(CommandKind.INSERT, 0, invert);
        chain = optarg;
        ruleNumber = getopt.hasArgument() ? parseRuleNumber(getopt.take()) : 1;
      }
      case 'L' -> {
        addCommand(CommandKind.LIST, CommandKind.ZERO.bit() | CommandKind.ZERO_NUM.bit(), invert);
        chainAndNumber(optarg, getopt);
      }
      case 'S' -> {
        addCommand(CommandKind.LIST_RULES, CommandKind.ZERO.bit() | CommandKind.ZERO_NUM.bit(), invert);
        chainAndNumber(optarg, getopt);
      }
      case 'F' -> {
        addCommand(CommandKind.FLUSH, 0, invert);
        optionalChain(optarg, getopt);
      }
      case 'Z' -> {
        addCommand(CommandKind.ZERO, CommandKind.LIST.bit() | CommandKind.LIST_RULES.bit(), invert);
        optionalChain(optarg, getopt);
        if (getopt.hasArgument()) {
          ruleNumber = parseRuleNumber(getopt.take());
          command = CommandKind.ZERO_NUM.bit();
        }
      }
      case 'N' -> {
        assertValidChainName(optarg);
        addCommand(CommandKind.NEW_CHAIN, 0, invert);
        chain = optarg;
      }
      case 'X' -> {
        addCommand(CommandKind.DELETE_CHAIN, 0, invert);
        optionalChain(optarg, getopt);
      }
      case 'E' -> {
        addCommand(CommandKind.RENAME_CHAIN, 0, invert);
        chain = optarg;
        if (!getopt.hasArgument()) {
          throw IptablesException.parameter("-E requires old-chain-name and new-chain-name");
        }
        newName = getopt.take();
      }
      case 'P' -> {
        addCommand(CommandKind.SET_POLICY, 0, invert);
        if (!getopt.hasArgument()) {
          throw IptablesException.parameter("-P requires a chain and a policy");
        }
        chain = optarg;
        policy = getopt.take();
      }
      case 'h' -> throw new EarlyExit(Help.text());
      case 'p' -> {
        setOption(CommandOption.PROTOCOL, invert);
        // iptables 1.8.9 takes the protocol from the last word parsed: "-ptcp" names protocol "-ptcp".
        protocolText = getopt.arg(getopt.optind() - 1).toLowerCase(Locale.ROOT);
        protocol = Names.parseProtocol(protocolText);
        if (protocol == 0 && invert) {
          throw IptablesException.parameter("rule would never match protocol");
        }
        context.setProtocol(protocol, invert);
      }
      case 's' -> {
        setOption(CommandOption.SOURCE, invert);
        sourceText = optarg;
      }
      case 'd' -> {
        setOption(CommandOption.DESTINATION, invert);
        destinationText = optarg;
      }
      case 'g' -> {
        setOption(CommandOption.JUMP, invert);
        gotoSet = true;
        jumpTo = parseTargetName(optarg);
      }
      case 'j' -> {
        setOption(CommandOption.JUMP, invert);
        // iptables 1.8.9 takes the jump target from the last word parsed, so "--jump=X" names "--jump=X".
        jumpTo = parseTargetName(getopt.arg(getopt.optind() - 1));
        TargetModule module = registry.target(jumpTo);
        if (module != null) {
          for (String warning : module.loadWarnings()) {
            warnings.add(warning);
          }
          target = new ExtensionUse<>(module, context);
          longOptions.addAll(target.longOptions());
        }
      }
      case 'i' -> {
        checkEmptyInterface(optarg);
        setOption(CommandOption.IN_INTERFACE, invert);
        inInterface = canonicalInterface(parseInterface(optarg), invert);
      }
      case 'o' -> {
        checkEmptyInterface(optarg);
        setOption(CommandOption.OUT_INTERFACE, invert);
        outInterface = canonicalInterface(parseInterface(optarg), invert);
      }
      case 'f' -> setOption(CommandOption.FRAGMENT, invert);
      case 'v' -> {
        if (verbose == 0) {
          setOption(CommandOption.VERBOSE, invert);
        }
        verbose++;
      }
      case 'm' -> {
        if (invert) {
          throw IptablesException.parameter("unexpected ! flag before --match");
        }
        MatchModule module = registry.match(optarg);
        if (module == null) {
          throw IptablesException.parameter("Couldn't load match `" + optarg + "':No such file or directory\n");
        }
        addMatch(module);
      }
      case 'n' -> setOption(CommandOption.NUMERIC, invert);
      case 't' -> {
        if (invert) {
          throw IptablesException.parameter("unexpected ! flag before --table");
        }
        if (restore) {
          throw IptablesException.parameter("The -t option cannot be used in " + program + ".\n");
        }
        table = optarg;
      }
      case 'x' -> setOption(CommandOption.EXPANDED, invert);
      case 'V' -> throw new EarlyExit(invert ? "Not " + Help.VERSION + " ;-)\n" : program + " v" + Help.VERSION
          + "\n");
      case 'w' -> waitOption(optarg, getopt, "wait seconds not numeric");
      case 'W' -> waitInterval(optarg, getopt);
      case '0' -> setOption(CommandOption.LINE_NUMBERS, invert);
      case 'M' -> {
        // --modprobe names the program that loads kernel modules; netsim has no modules to load.
      }
      case 'c' -> counters(optarg, invert, getopt);
      case '4' -> {
        // IPv4 is what this is.
      }
      case '6' -> {
        if (restore) {
          throw new EarlyExit("");
        }
        throw new IptablesException(Kind.BARE, null);
      }
      default -> throw new IllegalStateException("unhandled option -" + letter);
    }
  }

  private void chainAndNumber(String optarg, Getopt getopt) {
    optionalChain(optarg, getopt);
    if (getopt.hasArgument()) {
      ruleNumber = parseRuleNumber(getopt.take());
    }
  }

  private void optionalChain(String optarg, Getopt getopt) {
    if (optarg != null) {
      chain = optarg;
    } else if (getopt.hasArgument()) {
      chain = getopt.take();
    }
  }

  private void waitOption(String optarg, Getopt getopt, String error) {
    String value = optarg != null ? optarg : getopt.hasArgument() ? getopt.take() : null;
    if (value != null && CNumbers.strtoumax(value, 0, 0).end() == 0) {
      throw IptablesException.parameter(error);
    }
  }

  private void waitInterval(String optarg, Getopt getopt) {
    String value = optarg != null ? optarg : getopt.hasArgument() ? getopt.take() : null;
    if (value == null) {
      throw IptablesException.parameter("wait interval value required");
    }
    if (CNumbers.strtoumax(value, 0, 10).end() == 0) {
      throw IptablesException.parameter("wait interval not numeric");
    }
    warnings.add("Ignoring deprecated --wait-interval option.");
  }

  private void counters(String optarg, boolean invert, Getopt getopt) {
    setOption(CommandOption.COUNTERS, invert);
    String packetText = optarg;
    // iptables 1.8.9 looks for the comma after the first character.
    int comma = packetText.isEmpty() ? -1 : packetText.indexOf(',', 1);
    String byteText = comma >= 0 ? packetText.substring(comma + 1) : null;
    if (byteText == null && getopt.hasArgument()) {
      byteText = getopt.take();
    }
    if (byteText == null) {
      throw IptablesException.parameter("-c requires packet and byte counter");
    }
    Long packetCount = CNumbers.scanUnsigned(packetText);
    if (packetCount == null) {
      throw IptablesException.parameter("-c packet counter not numeric");
    }
    Long byteCount = CNumbers.scanUnsigned(byteText);
    if (byteCount == null) {
      throw IptablesException.parameter("-c byte counter not numeric");
    }
    packets = packetCount;
    bytes = byteCount;
  }

  private void addCommand(CommandKind kind, int others, boolean invert) {
    if (invert) {
      throw IptablesException.parameter("unexpected '!' flag");
    }
    if ((command & ~others) != 0) {
      throw IptablesException.parameter(
          "Cannot use -" + kind.letter() + " with -" + CommandKind.letterOf(command & ~others));
    }
    command |= kind.bit();
  }

  private void setOption(CommandOption option, boolean invert) {
    if ((options & option.bit()) != 0) {
      throw IptablesException.parameter("multiple -" + option.letter() + " flags not allowed");
    }
    options |= option.bit();
    if (invert) {
      if (!option.invertible()) {
        throw IptablesException.parameter("cannot have ! before -" + option.letter());
      }
      invertFlags |= option.bit();
    }
  }

  private static int parseRuleNumber(String text) {
    long number = CNumbers.parseUnsigned(text, 1, Integer.MAX_VALUE);
    if (number < 0) {
      throw IptablesException.parameter("Invalid rule number `" + text + "'");
    }
    return (int) number;
  }

  static void assertValidChainName(String name) {
    if (name.length() >= MAX_NAME) {
      throw IptablesException.parameter(
          "chain name `" + name + "' too long (must be under " + MAX_NAME + " chars)");
    }
    if (!name.isEmpty() && (name.charAt(0) == '-' || name.charAt(0) == '!')) {
      throw IptablesException.parameter("chain name not allowed to start with `" + name.charAt(0) + "'");
    }
    // xtables_find_target takes "" for the standard target, so an empty name clashes too
    if (name.isEmpty() || ExtensionRegistry.standard().target(name) != null) {
      throw IptablesException.parameter("chain name may not clash with target name");
    }
    for (int i = 0; i < name.length(); i++) {
      if (CNumbers.isSpace(name.charAt(i))) {
        throw IptablesException.parameter("Invalid chain name `" + name + "'");
      }
    }
  }

  private static String parseTargetName(String name) {
    if (name.isEmpty()) {
      throw IptablesException.parameter("Invalid target name (too short)");
    }
    if (name.length() >= MAX_NAME) {
      throw IptablesException.parameter(
          "Invalid target name `" + name + "' (" + (MAX_NAME - 1) + " chars max)");
    }
    for (int i = 0; i < name.length(); i++) {
      if (CNumbers.isSpace(name.charAt(i))) {
        throw IptablesException.parameter("Invalid target name `" + name + "'");
      }
    }
    return name;
  }

  private static void checkEmptyInterface(String name) {
    if (name.isEmpty()) {
      throw IptablesException.parameter("Empty interface is likely to be undesired");
    }
  }

  private String parseInterface(String name) {
    if (name.length() + 1 > 16) {
      throw IptablesException.parameter(
          "interface name `" + name + "' must be shorter than IFNAMSIZ (15)");
    }
    if (!name.endsWith("+") && (name.indexOf('/') >= 0 || name.indexOf(' ') >= 0)) {
      warnings.add("Warning: weird character in interface `" + name
          + "' ('/' and ' ' are not allowed by the kernel).");
    }
    return name;
  }

  /** {@code -i +} matches every interface: iptables-nft stores it as no interface match at all. */
  private static String canonicalInterface(String name, boolean invert) {
    return name.equals("+") && !invert ? "" : name;
  }

  private List<Match> builtMatches;
  private Target builtTarget;
  private List<Ipv4Prefix> sources;
  private List<Ipv4Prefix> destinations;

  private void finishParse(Getopt getopt, boolean invert) {
    if (table.equals("nat") && ("DROP".equals(policy) || "DROP".equals(jumpTo))) {
      throw IptablesException.parameter("\nThe \"nat\" table is not intended for filtering, "
          + "the use of DROP is therefore inhibited.\n\n");
    }
    builtMatches = new ArrayList<>();
    for (ExtensionUse<Match> use : matches) {
      builtMatches.add(use.finish(context));
    }
    builtTarget = target != null ? target.finish(context) : null;
    if (getopt.optind() < getopt.argc()) {
      throw IptablesException.parameter("unknown arguments found on commandline");
    }
    if (command == 0) {
      throw IptablesException.parameter("no command specified");
    }
    if (invert) {
      throw IptablesException.parameter("nothing appropriate following !");
    }
    boolean ruleCommand = (command & (CommandKind.REPLACE.bit() | CommandKind.INSERT.bit()
        | CommandKind.DELETE.bit() | CommandKind.APPEND.bit() | CommandKind.CHECK.bit())) != 0;
    // iptables parses -s and -d (ipv4_post_parse) before it checks which options the command allows
    if (ruleCommand || sourceText != null || destinationText != null) {
      sources = Addresses.parseMultiple(sourceText != null ? sourceText : "0.0.0.0/0");
      destinations = Addresses.parseMultiple(destinationText != null ? destinationText : "0.0.0.0/0");
      if ((sources.size() > 1 || destinations.size() > 1)
          && (invertFlags & (CommandOption.SOURCE.bit() | CommandOption.DESTINATION.bit())) != 0) {
        throw IptablesException.parameter("! not allowed with multiple source or destination IP addresses");
      }
    }
    for (CommandOption option : CommandOption.values()) {
      if ((options & option.bit()) != 0 && !option.legalWith(command)) {
        throw IptablesException.parameter("Illegal option `-" + option.letter() + "' with this command");
      }
    }
    if (chain != null && chain.length() >= MAX_NAME) {
      throw IptablesException.parameter(
          "chain name `" + chain + "' too long (must be under " + MAX_NAME + " chars)");
    }
    if (ruleCommand) {
      if (chain.equals("PREROUTING") || chain.equals("INPUT")) {
        rejectOption(CommandOption.OUT_INTERFACE);
      }
      if (chain.equals("POSTROUTING") || chain.equals("OUTPUT")) {
        rejectOption(CommandOption.IN_INTERFACE);
      }
    }
  }

  private void rejectOption(CommandOption option) {
    if ((options & option.bit()) != 0) {
      throw IptablesException.parameter("Can't use -" + option.letter() + " with " + chain + "\n");
    }
  }

  private ParsedCommand build() {
    CommandKind kind = CommandKind.values()[Integer.numberOfTrailingZeros(command)];
    boolean alsoZero = false;
    if ((command & CommandKind.ZERO.bit()) != 0
        && (command & (CommandKind.LIST.bit() | CommandKind.LIST_RULES.bit())) != 0) {
      kind = (command & CommandKind.LIST.bit()) != 0 ? CommandKind.LIST : CommandKind.LIST_RULES;
      alsoZero = true;
    }
    List<RuleSpec> rules = new ArrayList<>();
    String jumpChain = null;
    if (kind.takesRule()) {
      Target ruleTarget;
      if (builtTarget != null) {
        ruleTarget = builtTarget;
      } else if (!jumpTo.isEmpty()) {
        ruleTarget = new ChainJump(jumpTo, gotoSet);
        jumpChain = jumpTo;
      } else {
        ruleTarget = NoTarget.INSTANCE;
      }
      for (Ipv4Prefix source : sources) {
        for (Ipv4Prefix destination : destinations) {
          IpHeader header = new IpHeader(
              source, inverted(CommandOption.SOURCE), destination, inverted(CommandOption.DESTINATION),
              inInterface, inverted(CommandOption.IN_INTERFACE), outInterface,
              inverted(CommandOption.OUT_INTERFACE), protocol, inverted(CommandOption.PROTOCOL),
              (options & CommandOption.FRAGMENT.bit()) != 0, inverted(CommandOption.FRAGMENT));
          rules.add(new RuleSpec(header, builtMatches, ruleTarget));
        }
      }
    }
    return new ParsedCommand(kind, alsoZero, table, chain, ruleNumber, newName, policy,
        (options & CommandOption.NUMERIC.bit()) != 0, verbose, (options & CommandOption.EXPANDED.bit()) != 0,
        (options & CommandOption.LINE_NUMBERS.bit()) != 0, (options & CommandOption.COUNTERS.bit()) != 0,
        packets, bytes, rules, warnings, jumpChain);
  }

  private boolean inverted(CommandOption option) {
    return (invertFlags & option.bit()) != 0;
  }
}
