package dev.netsim.sim.tools.inspect;

import dev.netsim.sim.conntrack.Connection;
import dev.netsim.sim.conntrack.ConntrackTable;
import dev.netsim.sim.programs.Addresses;
import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.NotSimulated;
import dev.netsim.sim.shell.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code conntrack} from conntrack-tools 1.4.7 on the invocation's namespace: {@code -L} (list), {@code -D}
 * (delete), {@code -F} (flush) and {@code -C} (count) of the conntrack table, with the filters
 * {@code -p}, {@code -s}, {@code -d}, {@code -r}, {@code -q}, {@code --sport}/{@code --dport} (after
 * {@code -p tcp|udp}), {@code --state} (after {@code -p tcp}), {@code --src-nat}, {@code --dst-nat},
 * {@code --any-nat}, {@code --icmp-type}/{@code --icmp-code}/{@code --icmp-id} (after {@code -p icmp}) and
 * {@code -m}. Output, the summary line on standard error and exit statuses are the
 * real tool's.
 */
public final class ConntrackTool implements Tool {
  private static final String PREFIX = "conntrack v1.4.7 (conntrack-tools): ";
  private static final String TRY_HELP = "Try `conntrack -h' or 'conntrack --help' for more information.";
  private static final Map<String, Character> COMMANDS = Map.ofEntries(
      Map.entry("-L", 'L'), Map.entry("--dump", 'L'), Map.entry("-D", 'D'), Map.entry("--delete", 'D'),
      Map.entry("-F", 'F'), Map.entry("--flush", 'F'), Map.entry("-C", 'C'), Map.entry("--count", 'C'));
  /** Commands conntrack has that netsim does not model (events, get, create, update, statistics). */
  private static final List<String> UNMODELLED_COMMANDS = List.of("-E", "--event", "-G", "--get", "-I",
      "--create", "-U", "--update", "-S", "--stats");
  private static final Map<String, String> ADDRESS_OPTIONS = Map.ofEntries(
      Map.entry("-s", "--orig-src"), Map.entry("--src", "--orig-src"), Map.entry("--orig-src", "--orig-src"),
      Map.entry("-d", "--orig-dst"), Map.entry("--dst", "--orig-dst"), Map.entry("--orig-dst", "--orig-dst"),
      Map.entry("-r", "--reply-src"), Map.entry("--reply-src", "--reply-src"),
      Map.entry("-q", "--reply-dst"), Map.entry("--reply-dst", "--reply-dst"));
  private static final Map<String, String> NAT_OPTIONS = Map.of("-n", "--src-nat", "--src-nat", "--src-nat",
      "-g", "--dst-nat", "--dst-nat", "--dst-nat", "-j", "--any-nat", "--any-nat", "--any-nat");
  private static final Map<String, String> PORT_OPTIONS = Map.of("--sport", "--orig-port-src",
      "--orig-port-src", "--orig-port-src", "--dport", "--orig-port-dst", "--orig-port-dst", "--orig-port-dst",
      "--reply-port-src", "--reply-port-src", "--reply-port-dst", "--reply-port-dst");
  private static final String USAGE = """
      Command line interface for the connection tracking system. Version 1.4.7
      Usage: conntrack [commands] [options]

      Commands:
        -L [table] [options]\t\tList conntrack or expectation table
        -G [table] parameters\t\tGet conntrack or expectation
        -D [table] parameters\t\tDelete conntrack or expectation
        -I [table] parameters\t\tCreate a conntrack or expectation
        -U [table] parameters\t\tUpdate a conntrack
        -E [table] [options]\t\tShow events
        -F [table]\t\t\tFlush table
        -C [table]\t\t\tShow counter
        -S\t\t\t\tShow statistics

      Tables: conntrack, expect, dying, unconfirmed

      Conntrack parameters and options:
        -n, --src-nat ip\t\t\tsource NAT ip
        -g, --dst-nat ip\t\t\tdestination NAT ip
        -j, --any-nat ip\t\t\tsource or destination NAT ip
        -m, --mark mark\t\t\tSet mark
        -c, --secmark secmark\t\t\tSet selinux secmark
        -e, --event-mask eventmask\t\tEvent mask, eg. NEW,DESTROY
        -z, --zero \t\t\t\tZero counters while listing
        -o, --output type[,...]\t\tOutput format, eg. xml
        -l, --label label[,...]\t\tconntrack labels

      Expectation parameters and options:
        --tuple-src ip\tSource address in expect tuple
        --tuple-dst ip\tDestination address in expect tuple

      Updating parameters and options:
        --label-add label\tAdd label
        --label-del label\tDelete label

      Common parameters and options:
        -s, --src, --orig-src ip\t\tSource address from original direction
        -d, --dst, --orig-dst ip\t\tDestination address from original direction
        -r, --reply-src ip\t\tSource addres from reply direction
        -q, --reply-dst ip\t\tDestination address from reply direction
        -p, --protonum proto\t\tLayer 4 Protocol, eg. 'tcp'
        -f, --family proto\t\tLayer 3 Protocol, eg. 'ipv6'
        -t, --timeout timeout\t\tSet timeout
        -u, --status status\t\tSet status, eg. ASSURED
        -w, --zone value\t\tSet conntrack zone
        --orig-zone value\t\tSet zone for original direction
        --reply-zone value\t\tSet zone for reply direction
        -b, --buffer-size\t\tNetlink socket buffer size
        --mask-src ip\t\t\tSource mask address
        --mask-dst ip\t\t\tDestination mask address

      """;

  /** A usage error: conntrack's message, exit status 2. */
  private static final class ParameterProblem extends Exception {
    private static final long serialVersionUID = 1L;

    ParameterProblem(String message) {
      super(message, null, false, false);
    }
  }

  /** The parsed command line. */
  private static final class Request {
    char command;
    String table = "conntrack";
    boolean extended;
    int protocol = -1;
    /** The first filter option given, named as conntrack names it in "Illegal option" errors. */
    String firstFilter;
    final List<Predicate<Connection>> filters = new ArrayList<>();
  }

  @Override
  public int run(Invocation call) {
    List<String> args = call.argv().subList(1, call.argv().size());
    if (args.isEmpty()) {
      call.out().print(USAGE);
      return 0;
    }
    Request request;
    try {
      request = parse(args);
    } catch (ParameterProblem e) {
      call.err().println(PREFIX + e.getMessage());
      call.err().println(TRY_HELP);
      return 2;
    }
    if (request == null) {
      return NotSimulated.report(call);
    }
    ConntrackTable table = call.world().kernel().runtime(call.netns()).conntrackTable();
    long now = call.world().kernel().scheduler().now();
    if (request.table.equals("expect")) {
      // netsim models no conntrack helpers, so there are never expectations
      return switch (request.command) {
        case 'L' -> summary(call, "0 expectations have been shown.", 0);
        case 'D' -> summary(call, "0 expectations have been deleted.", 1);
        case 'F' -> summary(call, "expectation table has been emptied.", 0);
        default -> {
          call.out().println(0);
          yield 0;
        }
      };
    }
    List<Connection> matching = table.entries(now).stream()
        .filter(c -> request.filters.stream().allMatch(f -> f.test(c))).toList();
    switch (request.command) {
      case 'L' -> {
        matching.forEach(c -> call.out().println(line(c, now, request.extended)));
        return summary(call, matching.size() + " flow entries have been shown.", 0);
      }
      case 'D' -> {
        for (Connection connection : matching) {
          call.out().println(line(connection, now, request.extended));
          table.remove(connection);
        }
        return summary(call, matching.size() + " flow entries have been deleted.", matching.isEmpty() ? 1 : 0);
      }
      case 'F' -> {
        table.flush();
        return summary(call, "connection tracking table has been emptied.", 0);
      }
      default -> {
        call.out().println(matching.size());
        return 0;
      }
    }
  }

  private static int summary(Invocation call, String text, int status) {
    call.err().println(PREFIX + text);
    return status;
  }

  private static String line(Connection connection, long now, boolean extended) {
    return (extended ? "ipv4     2 " : "") + connection.format(now);
  }

  /** Parses the command line; null when it asks for something netsim does not model. */
  private static Request parse(List<String> args) throws ParameterProblem {
    Request request = new Request();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      Character command = COMMANDS.get(arg);
      if (command != null) {
        if (request.command != 0) {
          throw new ParameterProblem("Invalid commands combination");
        }
        request.command = command;
        if (i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
          request.table = args.get(++i);
          if (!List.of("conntrack", "expect", "dying", "unconfirmed").contains(request.table)) {
            throw new ParameterProblem("unknown type `" + request.table + "'");
          }
          if (!request.table.equals("conntrack") && !request.table.equals("expect")) {
            return null;
          }
        }
        continue;
      }
      if (UNMODELLED_COMMANDS.contains(arg)) {
        return null;
      }
      i = option(request, args, i);
      if (i < 0) {
        return null;
      }
    }
    if (request.command == 0 && request.firstFilter == null) {
      throw new ParameterProblem("no command specified");
    }
    if (request.command != 'L' && request.command != 'D' && request.firstFilter != null) {
      throw new ParameterProblem("Illegal option `" + request.firstFilter + "' with this command");
    }
    return request;
  }

  /** Reads the option at {@code i}; returns the index of its last word, or -1 when it is not modelled. */
  private static int option(Request request, List<String> args, int i) throws ParameterProblem {
    String arg = args.get(i);
    String address = ADDRESS_OPTIONS.get(arg);
    if (address != null) {
      int value = address(arg, args, i);
      filter(request, address, c -> switch (address) {
        case "--orig-src" -> c.original().src() == value;
        case "--orig-dst" -> c.original().dst() == value;
        case "--reply-src" -> c.reply().src() == value;
        default -> c.reply().dst() == value;
      });
      return i + 1;
    }
    String nat = NAT_OPTIONS.get(arg);
    if (nat != null) {
      boolean hasAddress = i + 1 < args.size() && !args.get(i + 1).startsWith("-");
      int value = hasAddress ? address(arg, args, i) : 0;
      filter(request, nat, c -> switch (nat) {
        case "--src-nat" -> sourceNatted(c) && (!hasAddress || c.reply().dst() == value);
        case "--dst-nat" -> destinationNatted(c) && (!hasAddress || c.reply().src() == value);
        default -> sourceNatted(c) && (!hasAddress || c.reply().dst() == value)
            || destinationNatted(c) && (!hasAddress || c.reply().src() == value);
      });
      return hasAddress ? i + 1 : i;
    }
    String port = PORT_OPTIONS.get(arg);
    if (port != null && (request.protocol == 6 || request.protocol == 17)) {
      int value = (int) Math.min(65535, leadingNumber(required(arg, args, i)));
      filter(request, port, c -> switch (port) {
        case "--orig-port-src" -> c.original().srcKey() == value;
        case "--orig-port-dst" -> c.original().dstKey() == value;
        case "--reply-port-src" -> c.reply().srcKey() == value;
        default -> c.reply().dstKey() == value;
      });
      return i + 1;
    }
    switch (arg) {
      case "-p", "--proto", "--protonum" -> {
        String name = required(arg, args, i).toLowerCase(Locale.ROOT);
        int protocol = switch (name) {
          case "tcp", "6" -> 6;
          case "udp", "17" -> 17;
          case "icmp", "1" -> 1;
          default -> throw new ParameterProblem("`" + args.get(i + 1) + "' unsupported protocol");
        };
        request.protocol = protocol;
        filter(request, "--protonum", c -> c.protocol() == protocol);
        return i + 1;
      }
      case "--state" -> {
        if (request.protocol != 6) {
          throw new ParameterProblem("unknown option `" + arg + "'");
        }
        String state = required(arg, args, i).toUpperCase(Locale.ROOT);
        filter(request, "--state", c -> List.of(state.split(",")).contains(c.tcpState().name()));
        return i + 1;
      }
      case "-m", "--mark" -> {
        long mark = leadingNumber(required(arg, args, i));
        // conntrack 1.4.7 lists nothing for -m 0, not even entries whose mark is 0 (observed on Linux)
        filter(request, "--mark", c -> mark != 0 && Integer.toUnsignedLong(c.mark()) == mark);
        return i + 1;
      }
      case "--icmp-type", "--icmp-code", "--icmp-id" -> {
        if (request.protocol != 1) {
          throw new ParameterProblem("unknown option `" + arg + "'");
        }
        long value = leadingNumber(required(arg, args, i));
        filter(request, arg, c -> value == switch (arg) {
          case "--icmp-type" -> c.original().icmpType();
          case "--icmp-code" -> c.original().icmpCode();
          default -> c.original().srcKey();
        });
        return i + 1;
      }
      case "-o", "--output" -> {
        String format = required(arg, args, i);
        if (!format.equals("extended")) {
          return -1;
        }
        request.extended = true;
        return i + 1;
      }
      case "-f", "--family" -> {
        return required(arg, args, i).equals("ipv4") ? i + 1 : -1;
      }
      default -> {
        if (arg.startsWith("-") && knownElsewhere(arg)) {
          return -1;
        }
        throw new ParameterProblem(arg.startsWith("-") ? "unknown option `" + arg + "'"
            : "Bad parameter `" + arg + "'");
      }
    }
  }

  /** Options conntrack has that netsim does not model (timeouts, status, zones, events, labels, masks...). */
  private static boolean knownElsewhere(String arg) {
    return List.of("-t", "--timeout", "-u", "--status", "-w", "--zone", "--orig-zone", "--reply-zone", "-e",
        "--event-mask", "-z", "--zero", "-c", "--secmark", "-l", "--label", "-b", "--buffer-size", "--mask-src",
        "--mask-dst", "--tuple-src", "--tuple-dst", "--label-add", "--label-del").contains(arg);
  }

  private static void filter(Request request, String name, Predicate<Connection> test) {
    if (request.firstFilter == null) {
      request.firstFilter = name;
    }
    request.filters.add(test);
  }

  private static String required(String option, List<String> args, int i) throws ParameterProblem {
    if (i + 1 >= args.size()) {
      throw new ParameterProblem("option `" + option + "' requires an argument");
    }
    return args.get(i + 1);
  }

  private static int address(String option, List<String> args, int i) throws ParameterProblem {
    String text = required(option, args, i);
    long value = Addresses.inetAton(text);
    if (value < 0) {
      throw new ParameterProblem("Invalid IP address `" + text + "'");
    }
    return (int) value;
  }

  /** atoi(3)/strtoul's reading: the leading digits, 0 when there are none. */
  private static long leadingNumber(String text) {
    int end = 0;
    while (end < text.length() && end < 18 && Character.isDigit(text.charAt(end))) {
      end++;
    }
    return end == 0 ? 0 : Long.parseLong(text.substring(0, end));
  }

  /**
   * Whether source NAT was set up for the connection: conntrack 1.4.7 asks the kernel for entries whose
   * SRC_NAT_DONE status bit is set, which a null binding (the nat table saw the connection and left it)
   * sets too.
   */
  private static boolean sourceNatted(Connection c) {
    return c.has(Connection.SRC_NAT_DONE);
  }

  /** Whether destination NAT was set up for the connection (DST_NAT_DONE, null bindings included). */
  private static boolean destinationNatted(Connection c) {
    return c.has(Connection.DST_NAT_DONE);
  }
}
