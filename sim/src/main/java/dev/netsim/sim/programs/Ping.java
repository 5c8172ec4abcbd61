package dev.netsim.sim.programs;

import dev.netsim.core.packet.Icmp;
import dev.netsim.core.packet.Ipv4Packet;
import dev.netsim.core.value.Ipv4;
import dev.netsim.sim.engine.Scheduler;
import dev.netsim.sim.stack.PingHandler;
import dev.netsim.sim.stack.SocketError;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ping} from iputils 20221126 (Debian 12): its options, its output line for line, its timing
 * (interval, -W reply timeout, -w deadline, the 10 s linger when nothing came back) and its exit status.
 * Without {@code -c} a real ping runs until interrupted; netsim stops it after
 * {@value #UNBOUNDED_COUNT} packets as if the user pressed Ctrl-C, and says so on stderr.
 */
public final class Ping {
  static final int UNBOUNDED_COUNT = 4;
  private static final long SECOND = 1_000_000_000L;
  private static final long LINGER = 10 * SECOND;

  private final Host host;
  private final PrintStream out;
  private final PrintStream err;

  // options
  private long count = -1;
  private long intervalNanos = SECOND;
  private long timeoutNanos = 0; // -W; 0 when not given (or given as 0)
  private long deadlineNanos = -1;
  private int ttl = Ipv4Packet.DEFAULT_TTL;
  private int size = 56;
  private String bind;
  /** The source address {@code -I ADDRESS} binds to; 0 lets routing choose. */
  private int boundSource;
  private boolean quiet;
  private boolean broadcast;
  private String destination;

  // state
  private int id;
  private int target;
  private long start;
  private long transmitted;
  private long received;
  private long errors;
  private long pipe = 1;
  private long lastEvent;
  private long[] sentAt;
  private boolean[] answered;
  private double rttMin = Double.MAX_VALUE;
  private double rttMax;
  private double rttSum;
  private double rttSumSquares;

  public Ping(Host host, PrintStream out, PrintStream err) {
    this.host = host;
    this.out = out;
    this.err = err;
  }

  /** Runs the command line {@code ping ARGS...} ({@code args.get(0)} is the program name); returns the exit status. */
  public int run(List<String> args) {
    Integer usage = parse(args);
    if (usage != null) {
      return usage;
    }
    long address = Addresses.resolve(destination);
    if (address < 0) {
      err.println("ping: " + destination + ": Temporary failure in name resolution");
      return 2;
    }
    target = (int) address;
    String from = "";
    if (bind != null) {
      long bound = Addresses.inetAton(bind);
      if (bound >= 0 && bind.indexOf('.') > 0) {
        if (!host.isLocalAddress((int) bound)) {
          err.println("ping: bind: Cannot assign requested address");
          return 2;
        }
        from = "from " + Ipv4.format((int) bound) + " : ";
        boundSource = (int) bound;
      } else {
        long deviceAddress = host.deviceAddress(bind);
        if (deviceAddress < 0) {
          err.println("ping: SO_BINDTODEVICE " + bind + ": No such device");
          return 2;
        }
        from = "from " + Ipv4.format((int) deviceAddress) + " " + bind + ": ";
      }
    }
    try {
      host.stack().output().sourceAddressFor(target);
    } catch (SocketError e) {
      err.println("ping: connect: " + e.errno().message());
      return 2;
    }
    if (host.isBroadcastAddress(target)) {
      if (!broadcast) {
        err.println("ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules");
        return 2;
      }
      err.println("WARNING: pinging broadcast address");
    }
    out.println("PING " + destination + " (" + Ipv4.format(target) + ") " + from + size + "(" + (size + 28) + ") bytes of data.");
    return loop();
  }

  private int loop() {
    Scheduler scheduler = host.scheduler();
    id = host.newPid() & 0xffff;
    long packets = count > 0 ? count : UNBOUNDED_COUNT;
    sentAt = new long[(int) Math.min(packets, 1 << 20) + 1];
    answered = new boolean[sentAt.length];
    host.stack().openPing(id, new PingHandler() {
      @Override
      public void reply(Ipv4Packet packet, Icmp reply) {
        onReply(packet, reply);
      }

      @Override
      public void error(Ipv4Packet packet, Icmp error, Icmp quotedRequest) {
        onError(packet, error, quotedRequest);
      }
    });
    try {
      start = scheduler.now();
      long end = deadlineNanos >= 0 ? start + deadlineNanos : Long.MAX_VALUE;
      for (int seq = 1; seq <= packets; seq++) {
        long sendTime = start + (seq - 1) * intervalNanos;
        if (sendTime >= end) {
          break;
        }
        scheduler.runUntil(sendTime);
        send(seq);
        if (seq < packets) {
          scheduler.runUntil(() -> false, Math.min(end, sendTime + intervalNanos) - 1);
        }
      }
      // -W 0 (or a value reading as 0) disarms iputils' exit timer: the replies still end ping; netsim then
      // waits as long as without -W, where iputils would wait for ever
      long wait = timeoutNanos > 0 ? timeoutNanos : received > 0 ? Math.max((long) (2 * rttMax * 1e6), 1_000_000) : LINGER;
      long until = Math.min(end, scheduler.now() + wait);
      scheduler.runUntil(() -> received + errors >= transmitted, until);
      if (count < 0) {
        err.println("netsim: ping runs until interrupted; stopped after " + transmitted + " packets as if by Ctrl-C");
      }
    } finally {
      host.stack().closePing(id);
    }
    printStatistics();
    if (received == 0 || deadlineNanos >= 0 && count > 0 && received < count) {
      return 1;
    }
    return 0;
  }

  private void send(int seq) {
    Scheduler scheduler = host.scheduler();
    sentAt[seq] = scheduler.now();
    lastEvent = scheduler.now();
    transmitted++;
    Icmp request = Icmp.echoRequest(id, seq, size);
    int source = boundSource;
    if (source == 0) {
      try {
        source = host.stack().output().sourceAddressFor(target);
      } catch (SocketError e) {
        return;
      }
    }
    Ipv4Packet packet = Ipv4Packet.of(Ipv4.of(source), Ipv4.of(target), request).withTtl(ttl);
    host.stack().output().send(packet);
  }

  private void onReply(Ipv4Packet packet, Icmp reply) {
    int seq = reply.seq();
    if (seq <= 0 || seq > transmitted || answered[seq]) {
      return;
    }
    answered[seq] = true;
    long now = host.scheduler().now();
    lastEvent = now;
    pipe = Math.max(pipe, transmitted - received - errors);
    received++;
    double rttMs = (now - sentAt[seq]) / 1e6;
    rttMin = Math.min(rttMin, rttMs);
    rttMax = Math.max(rttMax, rttMs);
    rttSum += rttMs;
    rttSumSquares += rttMs * rttMs;
    if (!quiet) {
      String from = destination.equals(Ipv4.format(packet.src())) || Addresses.inetAton(destination) >= 0
          ? Ipv4.format(packet.src())
          : destination + " (" + Ipv4.format(packet.src()) + ")";
      out.println((reply.length()) + " bytes from " + from + ": icmp_seq=" + seq + " ttl=" + packet.ttl()
          + " time=" + formatRtt(now - sentAt[seq]));
    }
  }

  private void onError(Ipv4Packet packet, Icmp error, Icmp request) {
    lastEvent = host.scheduler().now();
    pipe = Math.max(pipe, transmitted - received - errors);
    errors++;
    if (!quiet) {
      out.println("From " + Ipv4.format(packet.src()) + " icmp_seq=" + request.seq() + " " + describe(error));
    }
  }

  /** iputils' words for ICMP errors (pr_icmph). */
  static String describe(Icmp error) {
    int code = error.code();
    return switch (error.type()) {
      case Icmp.DEST_UNREACHABLE -> switch (code) {
        case 0 -> "Destination Net Unreachable";
        case 1 -> "Destination Host Unreachable";
        case 2 -> "Destination Protocol Unreachable";
        case 3 -> "Destination Port Unreachable";
        case 4 -> "Frag needed and DF set (mtu = 0)";
        case 5 -> "Source Route Failed";
        case 6 -> "Destination Net Unknown";
        case 7 -> "Destination Host Unknown";
        case 8 -> "Source Host Isolated";
        case 9 -> "Destination Net Prohibited";
        case 10 -> "Destination Host Prohibited";
        case 11 -> "Destination Net Unreachable for Type of Service";
        case 12 -> "Destination Host Unreachable for Type of Service";
        case 13 -> "Packet filtered";
        case 14 -> "Precedence Violation";
        case 15 -> "Precedence Cutoff";
        default -> "Dest Unreachable, Bad Code: " + code;
      };
      case Icmp.TIME_EXCEEDED -> code == 0 ? "Time to live exceeded" : "Frag reassembly time exceeded";
      case Icmp.PARAMETER_PROBLEM -> "Parameter problem: pointer = 0";
      case Icmp.REDIRECT -> "Redirect Network";
      default -> "Bad ICMP type: " + error.type();
    };
  }

  /** iputils prints 3 significant decimals below 1 ms, 2 below 10 ms, 1 below 100 ms, none above. */
  static String formatRtt(long nanos) {
    long micros = nanos / 1000;
    if (micros >= 100_000 - 50) {
      return (micros + 500) / 1000 + " ms";
    }
    if (micros >= 10_000 - 5) {
      return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
    }
    if (micros >= 1000) {
      return String.format(Locale.ROOT, "%.2f ms", micros / 1000.0);
    }
    return String.format(Locale.ROOT, "%.3f ms", micros / 1000.0);
  }

  private void printStatistics() {
    out.println();
    out.println("--- " + destination + " ping statistics ---");
    StringBuilder line = new StringBuilder();
    line.append(transmitted).append(" packets transmitted, ").append(received).append(" received");
    if (errors > 0) {
      line.append(", +").append(errors).append(" errors");
    }
    double loss = transmitted == 0 ? 0 : (transmitted - received) * 100.0 / transmitted;
    line.append(", ").append(formatLoss(loss)).append("% packet loss, time ")
        .append((lastEvent - start) / 1_000_000).append("ms");
    out.println(line);
    // iputils joins the rtt and pipe reports on one line with ", " and always ends that line.
    List<String> summary = new ArrayList<>();
    if (received > 0) {
      double avg = rttSum / received;
      double mdev = Math.sqrt(Math.max(0, rttSumSquares / received - avg * avg));
      summary.add(String.format(Locale.ROOT, "rtt min/avg/max/mdev = %.3f/%.3f/%.3f/%.3f ms", rttMin, avg, rttMax, mdev));
    }
    if (pipe > 1) {
      summary.add("pipe " + pipe);
    }
    out.println(String.join(", ", summary));
  }

  /** {@code %g}, as iputils prints the loss: 0, 100, 33.3333. */
  private static String formatLoss(double loss) {
    if (loss == Math.rint(loss)) {
      return Long.toString((long) loss);
    }
    String text = String.format(Locale.ROOT, "%.6g", loss);
    return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
  }

  // --- options

  private Integer parse(List<String> args) {
    for (int i = 1; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("-") || arg.length() == 1) {
        if (destination == null) {
          destination = arg;
        }
        continue;
      }
      for (int j = 1; j < arg.length(); j++) {
        char option = arg.charAt(j);
        if ("ciWwtsI".indexOf(option) >= 0) {
          String value = j + 1 < arg.length() ? arg.substring(j + 1) : i + 1 < args.size() ? args.get(++i) : null;
          if (value == null) {
            err.println("ping: option requires an argument -- '" + option + "'");
            return usage();
          }
          Integer failed = option(option, value);
          if (failed != null) {
            return failed;
          }
          break;
        }
        switch (option) {
          case 'q' -> quiet = true;
          case 'b' -> broadcast = true;
          case 'n', '4' -> {}
          default -> {
            err.println("ping: invalid option -- '" + option + "'");
            return usage();
          }
        }
      }
    }
    if (destination == null) {
      err.println("ping: usage error: Destination address required");
      return 1;
    }
    return null;
  }

  private Integer option(char option, String value) {
    switch (option) {
      case 'c' -> {
        Long number = integer(value, 1, Long.MAX_VALUE);
        if (number == null) {
          return 1;
        }
        count = number;
      }
      case 't' -> {
        Long number = integer(value, 0, 255);
        if (number == null) {
          return 1;
        }
        if (number == 0) {
          err.println("ping: cannot set unicast time-to-live: Invalid argument");
          return 2;
        }
        ttl = number.intValue();
      }
      case 's' -> {
        Long number = integer(value, 0, Integer.MAX_VALUE);
        if (number == null) {
          return 1;
        }
        size = number.intValue();
      }
      case 'i' -> {
        Double number = seconds(value, "bad timing interval", false);
        if (number == null) {
          return 2;
        }
        // as root, iputils takes a negative interval as no wait at all
        intervalNanos = Math.max(0, (long) (number * SECOND));
      }
      case 'W' -> {
        Double number = seconds(value, "bad linger time", true);
        if (number == null) {
          return 2;
        }
        timeoutNanos = (long) (number * SECOND);
      }
      case 'w' -> {
        Long number = integer(value, 0, Integer.MAX_VALUE);
        if (number == null) {
          return 1;
        }
        deadlineNanos = number * SECOND;
      }
      case 'I' -> bind = value;
      default -> throw new AssertionError(option);
    }
    return null;
  }

  private Long integer(String value, long min, long max) {
    long number;
    try {
      number = Long.parseLong(value);
    } catch (NumberFormatException e) {
      err.println("ping: invalid argument: '" + value + "'");
      return null;
    }
    if (number < min || number > max) {
      err.println("ping: invalid argument: '" + value + "': out of range: " + min + " <= value <= " + max);
      return null;
    }
    return number;
  }

  /**
   * Seconds as iputils' ping_strtod reads them, with strtod: a leading number (decimal or hexadecimal, with
   * an exponent, or inf/nan), garbage after it only warned about; null (after the message) when the value
   * is empty, not finite, negative where {@code negativeRefused}, or more than INT_MAX milliseconds.
   */
  private Double seconds(String value, String refusal, boolean negativeRefused) {
    if (value.isEmpty()) {
      err.println("ping: " + refusal + ": ");
      return null;
    }
    Strtod.Result parsed = Strtod.parse(value);
    boolean overflow = parsed.overflow();
    if (parsed.end() < value.length() || overflow) {
      err.println("ping: option argument contains garbage: " + value.substring(parsed.end()));
      err.println("ping: this will become fatal error in the future");
    }
    if (overflow || !Double.isFinite(parsed.value())) {
      err.println("ping: " + refusal + ": " + value + ": Numerical result out of range");
      return null;
    }
    double seconds = parsed.value();
    if (negativeRefused && seconds < 0 || seconds > Integer.MAX_VALUE / 1000.0) {
      err.println("ping: " + refusal + ": " + value);
      return null;
    }
    return seconds;
  }

  private int usage() {
    err.print(USAGE);
    return 2;
  }

  private static final String USAGE = """

      Usage
        ping [options] <destination>

      Options:
        <destination>      dns name or ip address
        -a                 use audible ping
        -A                 use adaptive ping
        -B                 sticky source address
        -c <count>         stop after <count> replies
        -C                 call connect() syscall on socket creation
        -D                 print timestamps
        -d                 use SO_DEBUG socket option
        -e <identifier>    define identifier for ping session, default is random for
                           SOCK_RAW and kernel defined for SOCK_DGRAM
                           Imply using SOCK_RAW (for IPv4 only for identifier 0)
        -f                 flood ping
        -h                 print help and exit
        -I <interface>     either interface name or address
        -i <interval>      seconds between sending each packet
        -L                 suppress loopback of multicast packets
        -l <preload>       send <preload> number of packages while waiting replies
        -m <mark>          tag the packets going out
        -M <pmtud opt>     define mtu discovery, can be one of <do|dont|want>
        -n                 no dns name resolution
        -O                 report outstanding replies
        -p <pattern>       contents of padding byte
        -q                 quiet output
        -Q <tclass>        use quality of service <tclass> bits
        -s <size>          use <size> as number of data bytes to be sent
        -S <size>          use <size> as SO_SNDBUF socket option value
        -t <ttl>           define time to live
        -U                 print user-to-user latency
        -v                 verbose output
        -V                 print version and exit
        -w <deadline>      reply wait <deadline> in seconds
        -W <timeout>       time to wait for response

      IPv4 options:
        -4                 use IPv4
        -b                 allow pinging broadcast
        -R                 record route
        -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>

      IPv6 options:
        -6                 use IPv6
        -F <flowlabel>     define flow label, default is random
        -N <nodeinfo opt>  use icmp6 node info query, try <help> as argument

      For more details see ping(8).
      """;
}
