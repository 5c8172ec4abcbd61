package dev.netsim.sim.programs;

import dev.netsim.core.value.Ipv4;
import dev.netsim.sim.engine.Scheduler;
import dev.netsim.sim.stack.Endpoint;
import dev.netsim.sim.stack.Errno;
import dev.netsim.sim.stack.SocketError;
import dev.netsim.sim.stack.TcpHandler;
import dev.netsim.sim.stack.TcpSocket;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code curl} 7.88.1 (Debian 12) fetching one {@code http://} URL over a namespace's
 * {@code Stack}: GET or HEAD ({@code -I}), HTTP/1.1 with curl's request headers, the progress meter curl writes to
 * standard error when its output is not a terminal (unless {@code -s}), {@code -v}'s trace, {@code -m}'s
 * time limit, and curl's error messages and exit codes. The meter's speeds and times are measured on the
 * virtual clock.
 */
public final class Curl {
  /** What the command line asked for; the tool parses it. */
  public record Options(boolean silent, boolean showError, boolean verbose, boolean head, long maxTimeNanos,
      Url url) {}

  /** An {@code http://} URL: the host as written, its port, and the path with any query. */
  public record Url(String host, int port, String path) {
    /** The Host header curl sends: the port only when it is not HTTP's. */
    String hostHeader() {
      return port == 80 ? host : host + ":" + port;
    }
  }

  /** The outcome: curl's exit code, and what it writes to its output (the body, or the headers with -I). */
  public record Result(int exitCode, byte[] output) {}

  private static final long SECOND = 1_000_000_000L;
  /**
   * How long curl waits without {@code -m} on the virtual clock: a safety bound (curl itself would wait for
   * ever), as timers can keep the clock busy.
   */
  private static final long PATIENCE_NANOS = 24 * 3600 * SECOND;
  private static final String USER_AGENT = "curl/7.88.1";
  private static final String METER_HEADER =
      "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n"
      + "                                 Dload  Upload   Total   Spent    Left  Speed\n";

  private final Host host;
  private final PrintStream err;

  public Curl(Host host, PrintStream err) {
    this.host = host;
    this.err = err;
  }

  /** What the server sent, as it arrives. */
  private static final class Exchange implements TcpHandler {
    boolean connected;
    boolean closed;
    Errno error;
    final ByteArrayOutputStream received = new ByteArrayOutputStream();

    @Override
    public void connected(TcpSocket socket) {
      connected = true;
    }

    @Override
    public void received(TcpSocket socket, byte[] data) {
      received.writeBytes(data);
    }

    @Override
    public void peerClosed(TcpSocket socket) {
      closed = true;
    }

    @Override
    public void failed(TcpSocket socket, Errno errno) {
      error = errno;
      closed = true;
    }
  }

  /** A response as far as it has arrived. */
  private record Response(String head, List<String> headerLines, long contentLength, byte[] body) {
    /** The response parsed from {@code bytes}, or null while its header is incomplete. */
    static Response parse(byte[] bytes) {
      String text = new String(bytes, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (end < 0) {
        return null;
      }
      String head = text.substring(0, end + 4);
      List<String> lines = List.of(text.substring(0, end).split("\r\n", -1));
      long length = -1;
      for (String line : lines) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
          try {
            length = Long.parseLong(line.substring(colon + 1).trim());
          } catch (NumberFormatException e) {
            length = -1;
          }
        }
      }
      byte[] body = Arrays.copyOfRange(bytes, end + 4, bytes.length);
      return new Response(head, lines, length, body);
    }
  }

  /** Fetches {@code options.url()}; messages go to standard error as curl writes them. */
  public Result fetch(Options options) {
    Url url = options.url();
    Scheduler scheduler = host.scheduler();
    long start = scheduler.now();
    long deadline = start + (options.maxTimeNanos() > 0 ? options.maxTimeNanos() : PATIENCE_NANOS);
    boolean meter = !options.silent();
    long address = Addresses.resolve(url.host());
    if (meter) {
      err.print(METER_HEADER);
      err.print(meterLine(0, 0, 0, 0));
    }
    if (address < 0) {
      return failed(options, start, 6, "Could not resolve host: " + url.host());
    }
    String target = Ipv4.format((int) address);
    verbose(options, "*   Trying " + target + ":" + url.port() + "...");
    Exchange exchange = new Exchange();
    TcpSocket socket;
    try {
      socket = host.stack().connect(new Endpoint((int) address, url.port()), exchange);
    } catch (SocketError e) {
      return connectFailed(options, start, target, e.errno());
    }
    long lastMeter = start;
    while (!exchange.connected && exchange.error == null && scheduler.now() < deadline) {
      long next = Math.min(deadline, lastMeter + SECOND);
      scheduler.runUntil(() -> exchange.connected || exchange.error != null, next);
      if (scheduler.now() == next && next < deadline) {
        if (meter) {
          err.print(meterLine(0, 0, 0, scheduler.now() - start));
        }
        lastMeter = next;
      }
    }
    if (!exchange.connected) {
      if (exchange.error != null) {
        return connectFailed(options, start, target, exchange.error);
      }
      socket.close();
      return failed(options, start, 28, "Connection timed out after " + millis(scheduler.now() - start)
          + " milliseconds");
    }
    verbose(options, "* Connected to " + url.host() + " (" + target + ") port " + url.port() + " (#0)");
    String request = (options.head() ? "HEAD " : "GET ") + url.path() + " HTTP/1.1\r\n"
        + "Host: " + url.hostHeader() + "\r\n"
        + "User-Agent: " + USER_AGENT + "\r\n"
        + "Accept: */*\r\n\r\n";
    if (options.verbose()) {
      for (String line : request.split("\n")) {
        err.println("> " + line);
      }
    }
    socket.send(request.getBytes(StandardCharsets.ISO_8859_1));
    boolean unbounded = options.maxTimeNanos() <= 0;
    while (!complete(options, exchange) && !exchange.closed && scheduler.now() < deadline
        && !(unbounded && scheduler.idle())) {
      long next = Math.min(deadline, lastMeter + SECOND);
      scheduler.runUntil(() -> complete(options, exchange) || exchange.closed, next);
      if (scheduler.now() == next && next < deadline) {
        if (meter) {
          Response partial = Response.parse(exchange.received.toByteArray());
          err.print(meterLine(expected(partial, options), partial == null ? 0 : partial.body().length, 0,
              scheduler.now() - start));
        }
        lastMeter = next;
      }
    }
    Response response = Response.parse(exchange.received.toByteArray());
    if (response != null && options.verbose()) {
      for (String line : response.headerLines()) {
        err.println("< " + line + "\r");
      }
      err.println("< \r");
      if (!options.head() && response.body().length > 0) {
        err.println("{ [" + response.body().length + " bytes data]");
      }
    }
    long received = response == null || options.head() ? 0 : response.body().length;
    long expected = expected(response, options);
    long elapsed = scheduler.now() - start;
    if (!complete(options, exchange)) {
      socket.close();
      if (exchange.error != null) {
        return failed(options, start, 56, "Recv failure: " + exchange.error.message());
      }
      if (exchange.closed && exchange.received.size() == 0) {
        return failed(options, start, 52, "Empty reply from server");
      }
      if (!exchange.closed && unbounded) {
        if (meter) {
          err.print("\n");
        }
        err.println("netsim: curl would wait here for ever (the server neither answers nor closes);"
            + " stopped as if by Ctrl-C");
        return new Result(130, new byte[0]);
      }
      if (!exchange.closed) {
        return failed(options, start, 28, "Operation timed out after " + millis(elapsed) + " milliseconds with "
            + (expected > 0 ? received + " out of " + expected : String.valueOf(received)) + " bytes received");
      }
      if (response == null || expected > received) {
        return failed(options, start, 18, "transfer closed with " + (expected - received)
            + " bytes remaining to read");
      }
    }
    if (meter) {
      err.print(meterLine(expected, received, 0, elapsed) + "\n");
    }
    verbose(options, "* Connection #0 to host " + url.host() + " left intact");
    socket.close();
    byte[] output = options.head() ? response.head().getBytes(StandardCharsets.ISO_8859_1) : response.body();
    return new Result(0, output);
  }

  /** Whether the whole response is in: its header, and as many body bytes as Content-Length says. */
  private static boolean complete(Options options, Exchange exchange) {
    Response response = Response.parse(exchange.received.toByteArray());
    if (response == null) {
      return false;
    }
    if (options.head()) {
      return true;
    }
    return response.contentLength() >= 0 ? response.body().length >= response.contentLength() : exchange.closed;
  }

  private static long expected(Response response, Options options) {
    return response == null || options.head() ? 0 : Math.max(0, response.contentLength());
  }

  private Result connectFailed(Options options, long start, String target, Errno errno) {
    Url url = options.url();
    verbose(options, "* connect to " + target + " port " + url.port() + " failed: " + errno.message());
    if (url.host().equalsIgnoreCase("localhost") && errno == Errno.ECONNREFUSED) {
      // localhost also resolves to ::1, which curl tries next; netsim has no IPv6 sockets, so it is refused too
      verbose(options, "*   Trying [::1]:" + url.port() + "...");
      verbose(options, "* connect to ::1 port " + url.port() + " failed: " + errno.message());
    }
    String message = "Failed to connect to " + url.host() + " port " + url.port() + " after "
        + millis(host.scheduler().now() - start) + " ms: Couldn't connect to server";
    verbose(options, "* " + message);
    return failed(options, start, 7, message);
  }

  /** Ends with curl's error: the meter's last line, the trace's closing line, then "curl: (N) message". */
  private Result failed(Options options, long start, int code, String message) {
    if (!options.silent()) {
      err.print(meterLine(0, 0, 0, host.scheduler().now() - start) + "\n");
    }
    verbose(options, "* Closing connection 0");
    if (!options.silent() || options.showError()) {
      err.println("curl: (" + code + ") " + message);
    }
    return new Result(code, new byte[0]);
  }

  private void verbose(Options options, String line) {
    if (options.verbose()) {
      err.println(line);
    }
  }

  private static long millis(long nanos) {
    return nanos / 1_000_000L;
  }

  /** One update of curl's progress meter (lib/progress.c), starting with a carriage return. */
  static String meterLine(long expected, long received, long sent, long elapsedNanos) {
    long percent = expected > 0 ? received * 100 / expected : 0;
    long micros = Math.max(1, elapsedNanos / 1000);
    long speed = received * 1_000_000L / micros;
    long currentSpeed = received * 1000L / Math.max(1, elapsedNanos / 1_000_000L);
    long seconds = elapsedNanos / SECOND;
    long totalSeconds = expected > 0 && speed > 0 ? expected / speed : 0;
    long leftSeconds = totalSeconds > seconds ? totalSeconds - seconds : 0;
    return String.format(Locale.ROOT, "\r%3d %s  %3d %s  %3d %s  %s  %s %s %s %s %s",
        percent, max5(expected), percent, max5(received), 0, max5(sent), max5(speed), max5(0),
        time(totalSeconds), time(seconds), time(leftSeconds), max5(currentSpeed));
  }

  /** curl's five-character sizes: plain up to 99999, then k, M, G units. */
  private static String max5(long bytes) {
    long kilo = 1024;
    long mega = kilo * 1024;
    if (bytes < 100000) {
      return String.format(Locale.ROOT, "%5d", bytes);
    }
    if (bytes < 10000 * kilo) {
      return String.format(Locale.ROOT, "%4dk", bytes / kilo);
    }
    if (bytes < 100 * mega) {
      return String.format(Locale.ROOT, "%2d.%dM", bytes / mega, bytes % mega / (mega / 10));
    }
    return String.format(Locale.ROOT, "%4dM", bytes / mega);
  }

  /** curl's eight-character durations: "--:--:--" for none, else hours:minutes:seconds. */
  private static String time(long seconds) {
    if (seconds <= 0) {
      return "--:--:--";
    }
    return String.format(Locale.ROOT, "%2d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }

  /** Reads a URL as curl does for http: an optional {@code http://}, a host, an optional port, a path. */
  public static Url parseUrl(String text) throws IllegalArgumentException {
    String rest = text;
    int scheme = rest.indexOf("://");
    if (scheme >= 0) {
      if (!rest.substring(0, scheme).equalsIgnoreCase("http")) {
        throw new UnsupportedOperationException(rest.substring(0, scheme));
      }
      rest = rest.substring(scheme + 3);
    }
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "/" : rest.substring(slash);
    int colon = authority.lastIndexOf(':');
    String hostName = colon < 0 ? authority : authority.substring(0, colon);
    int port = 80;
    if (colon >= 0 && colon + 1 < authority.length()) {
      String digits = authority.substring(colon + 1);
      if (!digits.matches("[0-9]{1,5}") || Integer.parseInt(digits) > 65535) {
        throw new IllegalArgumentException(digits);
      }
      port = Integer.parseInt(digits);
    }
    if (hostName.isEmpty()) {
      throw new IllegalArgumentException(text);
    }
    return new Url(hostName, port, path);
  }
}
