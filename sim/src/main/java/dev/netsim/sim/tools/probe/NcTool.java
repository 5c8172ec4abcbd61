package dev.netsim.sim.tools.probe;

import dev.netsim.sim.programs.Addresses;
import dev.netsim.sim.programs.Netcat;
import dev.netsim.sim.programs.Services;
import dev.netsim.sim.shell.BackgroundJob;
import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.NotSimulated;
import dev.netsim.sim.shell.Tool;
import dev.netsim.sim.shell.text.Getopt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code nc} (netcat-openbsd 1.219, Debian 12): parses the command line as its getopt does and runs
 * {@link Netcat} in the invocation's namespace; a listener started with {@code &} keeps running as a job.
 */
public final class NcTool implements Tool {
  private static final String OPTIONS = "46CDdFhI:i:klM:m:NnO:P:p:q:rSs:T:tUuV:vW:w:X:x:Zz";
  /** The options netsim models (-4 changes nothing: netsim has only IPv4); any other is not simulated. */
  private static final Set<String> MODELLED = Set.of("4", "k", "l", "N", "n", "p", "q", "u", "v", "w", "z");
  private static final String USAGE = """
      usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]
      \t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]
      \t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]
      \t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]
      \t  [destination] [port]
      """;

  /** A parsed command line: the options for {@link Netcat}, or the exit status of a usage error already reported. */
  private record Parsed(Netcat.Options options, int localAddress, int status) {}

  @Override
  public int run(Invocation call) {
    Parsed parsed = parse(call);
    if (parsed.options() == null) {
      return parsed.status();
    }
    Netcat netcat = netcat(call);
    int status = parsed.options().listen()
        ? netcat.runListener(parsed.options(), parsed.localAddress())
        : netcat.connect(parsed.options());
    PingTool.explainTraces(call);
    if (status == Netcat.NEVER_ENDS) {
      return NotSimulated.report(call, String.join(" ", call.argv()) + " (would wait for ever: nothing connects)");
    }
    return status;
  }

  @Override
  public BackgroundJob start(Invocation call) {
    Parsed parsed = parse(call);
    if (parsed.options() == null || !parsed.options().listen()) {
      return parsed.options() == null ? BackgroundJob.finished(parsed.status()) : BackgroundJob.finished(run(call));
    }
    Netcat.Listening listening = netcat(call).listen(parsed.options(), parsed.localAddress());
    if (listening == null) {
      return BackgroundJob.finished(1);
    }
    return new BackgroundJob() {
      @Override
      public boolean running() {
        return listening.running();
      }

      @Override
      public int exitStatus() {
        return listening.exitStatus();
      }

      @Override
      public int stop() {
        listening.stop();
        return listening.exitStatus();
      }
    };
  }

  private static Netcat netcat(Invocation call) {
    return new Netcat(call.world().kernel().host(call.netns()), call.stdin(), call.out(), call.err());
  }

  private static Parsed parse(Invocation call) {
    Getopt getopt;
    try {
      getopt = new Getopt(call.argv().subList(1, call.argv().size()), OPTIONS, Map.of(), false);
    } catch (Getopt.UsageError e) {
      call.err().print("nc: " + e.getMessage() + "\n" + USAGE);
      return new Parsed(null, 0, 1);
    }
    boolean listen = false;
    boolean keep = false;
    boolean udp = false;
    boolean zero = false;
    boolean verbose = false;
    boolean numeric = false;
    long timeout = -1;
    long quit = -1;
    boolean shutdown = false;
    String sourcePort = null;
    for (Getopt.Option option : getopt.options) {
      if (!MODELLED.contains(option.name())) {
        return new Parsed(null, 0, NotSimulated.report(call));
      }
      switch (option.name()) {
        case "l" -> listen = true;
        case "k" -> keep = true;
        case "u" -> udp = true;
        case "z" -> zero = true;
        case "v" -> verbose = true;
        case "n" -> numeric = true;
        case "N" -> shutdown = true;
        case "q" -> {
          Long seconds = number(option.value(), Integer.MIN_VALUE, Integer.MAX_VALUE);
          if (seconds == null) {
            call.err().println("nc: quit timer " + rangeError(option.value(), Integer.MIN_VALUE, Integer.MAX_VALUE)
                + ": " + option.value());
            return new Parsed(null, 0, 1);
          }
          quit = seconds < 0 ? -1 : seconds * 1_000_000_000L; // negative: wait for ever, as without -q
        }
        case "p" -> sourcePort = option.value();
        case "w" -> {
          Long seconds = number(option.value(), 0, Integer.MAX_VALUE / 1000);
          if (seconds == null) {
            call.err().println("nc: timeout " + rangeError(option.value(), 0, Integer.MAX_VALUE / 1000) + ": "
                + option.value());
            return new Parsed(null, 0, 1);
          }
          timeout = seconds * 1_000_000_000L;
        }
        default -> {}
      }
    }
    List<String> operands = getopt.operands;
    if (!listen && operands.isEmpty()) {
      call.err().print(USAGE);
      return new Parsed(null, 0, 1);
    }
    if (listen && quit >= 0 || udp && (quit >= 0 || shutdown)) {
      return new Parsed(null, 0, NotSimulated.report(call)); // -q on a listener, -q/-N over UDP
    }
    if (!listen && sourcePort != null) {
      return new Parsed(null, 0, NotSimulated.report(call)); // binding a client's source port
    }
    String host = null;
    List<String> portWords = new ArrayList<>();
    if (listen) {
      if (sourcePort != null) {
        portWords.add(sourcePort);
        host = operands.isEmpty() ? null : operands.get(0);
      } else if (operands.size() == 1) {
        portWords.add(operands.get(0));
      } else if (operands.size() >= 2) {
        host = operands.get(0);
        portWords.add(operands.get(1));
      }
    } else {
      host = operands.get(0);
      portWords.addAll(operands.subList(1, operands.size()));
    }
    if (portWords.isEmpty()) {
      call.err().println("nc: missing port number");
      return new Parsed(null, 0, 1);
    }
    List<Integer> ports = new ArrayList<>();
    for (String word : portWords) {
      String error = ports(word, udp ? "udp" : "tcp", ports);
      if (error != null) {
        call.err().println("nc: " + error);
        return new Parsed(null, 0, 1);
      }
    }
    int localAddress = 0;
    if (listen && host != null) {
      long address = Addresses.resolve(host);
      if (address < 0) {
        call.err().println("nc: getaddrinfo: " + (numeric ? "Name or service not known" : "Temporary failure in name resolution"));
        return new Parsed(null, 0, 1);
      }
      localAddress = (int) address;
    }
    return new Parsed(new Netcat.Options(listen, keep, udp, zero, verbose, numeric, timeout, quit, shutdown,
        host, ports),
        localAddress, 0);
  }

  /**
   * Adds the ports {@code word} names ({@code 80}, {@code http} or {@code 20-25}, each end read as one port);
   * returns nc's error, or null.
   */
  private static String ports(String word, String protocol, List<Integer> ports) {
    int dash = word.indexOf('-');
    if (dash < 0 || !Character.isDigit(word.charAt(0))) {
      return port(word, protocol, ports); // nc reads a range only from a word that starts with a digit
    }
    List<Integer> ends = new ArrayList<>();
    // nc reads the high end first, so its error is the one reported when both are bad
    String error = port(word.substring(dash + 1), protocol, ends);
    if (error == null) {
      error = port(word.substring(0, dash), protocol, ends);
    }
    if (error != null) {
      return error;
    }
    for (int port = Math.min(ends.get(0), ends.get(1)); port <= Math.max(ends.get(0), ends.get(1)); port++) {
      ports.add(port);
    }
    return null;
  }

  /** Adds the one port {@code word} names (a number or a service name); returns nc's error, or null. */
  private static String port(String word, String protocol, List<Integer> ports) {
    Long port = number(word, 1, 65535);
    if (port == null) {
      int service = Services.port(word, protocol);
      if (service < 0) {
        return "port number " + rangeError(word, 1, 65535) + ": " + word;
      }
      port = (long) service;
    }
    ports.add(port.intValue());
    return null;
  }

  /** strtonum(3): a decimal number within bounds, or null. */
  private static Long number(String text, long min, long max) {
    if (!text.matches("[-+]?[0-9]{1,18}")) {
      return null;
    }
    long value = Long.parseLong(text);
    return value < min || value > max ? null : value;
  }

  /** strtonum's error word for {@code text}: "invalid", "too small" or "too large". */
  private static String rangeError(String text, long min, long max) {
    if (!text.matches("[-+]?[0-9]{1,18}")) {
      return "invalid";
    }
    return Long.parseLong(text) < min ? "too small" : "too large";
  }
}
