package dev.netsim.sim.programs;

import dev.netsim.core.value.Ipv4;
import dev.netsim.sim.engine.Scheduler;
import dev.netsim.sim.stack.Endpoint;
import dev.netsim.sim.stack.Errno;
import dev.netsim.sim.stack.SocketError;
import dev.netsim.sim.stack.Stack;
import dev.netsim.sim.stack.TcpHandler;
import dev.netsim.sim.stack.TcpSocket;
import dev.netsim.sim.stack.UdpHandler;
import dev.netsim.sim.stack.UdpSocket;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * {@code nc} from netcat-openbsd 1.219 (Debian 12) over a namespace's {@link Stack}: a client that connects
 * to each port in turn ({@code -z} only checks, {@code -u} for UDP, {@code -w} bounding the connect and
 * idle time) and a listener ({@code -l}, {@code -k} to keep accepting) that copies what it receives to
 * standard output. Messages and exit statuses are the real program's.
 */
public final class Netcat {
  /**
   * What the command line asked for; the tool parses it. {@code quitAfterEofNanos} is {@code -q} (-1: not
   * given), {@code shutdownOnEof} is {@code -N}: both act once standard input has been sent.
   */
  public record Options(boolean listen, boolean keepListening, boolean udp, boolean zeroIo, boolean verbose,
      boolean numeric, long timeoutNanos, long quitAfterEofNanos, boolean shutdownOnEof, String host,
      List<Integer> ports) {
    public Options {
      ports = List.copyOf(ports);
    }

    String protocol() {
      return udp ? "udp" : "tcp";
    }
  }

  /** A listening nc: it runs until its connection ends (without {@code -k}) or it is killed. */
  public interface Listening {
    boolean running();

    int exitStatus();

    /** Ends it as SIGTERM does: the sockets close. */
    void stop();
  }

  /** nc's listening socket is descriptor 3, right after the standard streams. */
  private static final int SOCKET_FD = 3;
  /** nc passes a backlog of 1 to listen(2). */
  private static final int BACKLOG = 1;
  /** In scan mode nc writes this many one-byte datagrams to check that a UDP port does not refuse them. */
  private static final int UDP_PROBES = 3;
  /**
   * How long a program's last packets take to settle once it has returned (its FIN and the answers to it):
   * the time the shell takes to start the next command.
   */
  private static final long SETTLE_NANOS = 100_000_000L;
  private static final byte[] UDP_PROBE = {'X'};
  /** What {@link #runListener} returns for a listener that nothing would ever end. */
  public static final int NEVER_ENDS = -1;
  /**
   * How much virtual time nc waits for something that may never come (a connection, a peer's close) when
   * nothing is scheduled to happen; a safety bound, as timers can keep the clock busy.
   */
  private static final long PATIENCE_NANOS = 24 * 3600 * 1_000_000_000L;

  private final Host host;
  private final PrintStream out;
  private final PrintStream err;
  private final byte[] input;
  /** This nc process, as {@code ss -p} names the owner of its sockets. */
  private final Stack.Owner owner;

  public Netcat(Host host, String stdin, PrintStream out, PrintStream err) {
    this.host = host;
    this.owner = new Stack.Owner("nc", host.newPid(), SOCKET_FD);
    this.input = stdin.getBytes(StandardCharsets.UTF_8);
    this.out = out;
    this.err = err;
  }

  // --- client

  /** Connects to each port of {@code options} in turn; 0 when one connection succeeded, else 1. */
  public int connect(Options options) {
    long address = options.numeric() ? Addresses.inetAton(options.host()) : Addresses.resolve(options.host());
    if (address < 0) {
      err.println("nc: getaddrinfo for host \"" + options.host() + "\" port " + options.ports().get(0) + ": "
          + (options.numeric() ? "Name or service not known" : "Temporary failure in name resolution"));
      return 1;
    }
    int status = 1;
    for (int port : options.ports()) {
      Endpoint to = new Endpoint((int) address, port);
      boolean connected = options.udp() ? udpClient(options, to) : tcpClient(options, to);
      if (connected) {
        status = 0;
      }
    }
    Scheduler scheduler = host.scheduler();
    scheduler.runUntil(scheduler.now() + SETTLE_NANOS);
    return status;
  }

  private boolean tcpClient(Options options, Endpoint to) {
    Scheduler scheduler = host.scheduler();
    TcpConnection connection = new TcpConnection();
    TcpSocket socket;
    try {
      socket = host.stack().connect(to, connection);
    } catch (SocketError e) {
      return connectFailed(options, to, "failed: " + e.errno().message());
    }
    // nc's poll(2) times out just before the kernel's first SYN retransmission, which is due after the same 1 s
    long deadline = scheduler.now() + (options.timeoutNanos() >= 0 ? options.timeoutNanos() - 1 : PATIENCE_NANOS);
    scheduler.runUntil(() -> connection.connected || connection.error != null, deadline);
    if (connection.error != null && !connection.connected) {
      return connectFailed(options, to, "failed: " + connection.error.message());
    }
    if (!connection.connected) {
      socket.close();
      return connectFailed(options, to, "timed out: " + Errno.EINPROGRESS.message());
    }
    succeeded(options, to);
    if (!options.zeroIo()) {
      if (input.length > 0) {
        socket.send(input);
      }
      if (options.shutdownOnEof()) {
        socket.close(); // -N: shutdown(SHUT_WR) once the input is sent; the peer's data still comes in
      }
      if (options.quitAfterEofNanos() >= 0) {
        long wait = options.timeoutNanos() >= 0 ? Math.min(options.quitAfterEofNanos(), options.timeoutNanos())
            : options.quitAfterEofNanos();
        scheduler.runUntil(() -> connection.closed, scheduler.now() + wait);
      } else {
        exchange(options, () -> connection.closed, "the connection stays open");
      }
    }
    socket.close();
    return true;
  }

  private boolean udpClient(Options options, Endpoint to) {
    Scheduler scheduler = host.scheduler();
    UdpConnection connection = new UdpConnection();
    UdpSocket socket;
    try {
      socket = host.stack().openUdp(new Endpoint(0, 0), to, owner,
          connection);
    } catch (SocketError e) {
      return connectFailed(options, to, "failed: " + e.errno().message());
    }
    try {
      if (options.verbose() || options.zeroIo()) {
        // nc checks the port with a few writes; an ICMP error to the first fails a later one (ECONNREFUSED)
        for (int probe = 0; probe < UDP_PROBES; probe++) {
          if (connection.error != null || socket.send(UDP_PROBE) != null) {
            return false;
          }
          scheduler.runUntil(scheduler.now() + SETTLE_NANOS / 100);
        }
        if (connection.error != null) {
          return false;
        }
        succeeded(options, to);
      }
      if (!options.zeroIo()) {
        if (input.length > 0) {
          socket.send(input);
        }
        exchange(options, () -> false, "UDP has no end of stream");
      }
      return true;
    } finally {
      socket.close();
    }
  }

  /** Waits while data flows: until {@code ended}, for {@code -w} seconds of silence, or until nothing is left to happen. */
  private void exchange(Options options, BooleanSupplier ended, String why) {
    Scheduler scheduler = host.scheduler();
    if (options.timeoutNanos() >= 0) {
      scheduler.runUntil(ended, scheduler.now() + options.timeoutNanos());
      return;
    }
    scheduler.runUntil(() -> ended.getAsBoolean() || scheduler.idle(), scheduler.now() + PATIENCE_NANOS);
    if (!ended.getAsBoolean()) {
      err.println("netsim: nc would wait here for ever (" + why + "); stopped as if by Ctrl-C");
    }
  }

  private boolean connectFailed(Options options, Endpoint to, String what) {
    if (options.verbose()) {
      err.println("nc: connect to " + options.host() + " port " + to.port() + " (" + options.protocol() + ") " + what);
    }
    return false;
  }

  private void succeeded(Options options, Endpoint to) {
    if (options.verbose()) {
      String service = Services.name(to.port(), options.protocol());
      err.println("Connection to " + options.host() + " " + to.port() + " port [" + options.protocol() + "/"
          + (service == null || options.numeric() ? "*" : service) + "] succeeded!");
    }
  }

  private final class TcpConnection implements TcpHandler {
    boolean connected;
    boolean closed;
    Errno error;

    @Override
    public void connected(TcpSocket socket) {
      connected = true;
    }

    @Override
    public void received(TcpSocket socket, byte[] data) {
      out.write(data, 0, data.length);
      out.flush();
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

  private final class UdpConnection implements UdpHandler {
    Errno error;

    @Override
    public void received(UdpSocket socket, Endpoint from, byte[] data) {
      out.write(data, 0, data.length);
      out.flush();
    }

    @Override
    public void failed(UdpSocket socket, Errno errno) {
      error = errno;
    }
  }

  // --- listener

  /**
   * Starts listening on {@code address} (0: every address) and the first of {@code options.ports()}; null
   * (after nc's message) when the port cannot be bound.
   */
  public Listening listen(Options options, int address) {
    Endpoint local = new Endpoint(address, options.ports().get(0));
    if (options.verbose()) {
      announce(options, (options.udp() ? "Bound on " : "Listening on ") + Ipv4.format(address) + " " + local.port());
    }
    return options.udp() ? udpListener(options, local) : tcpListener(options, local);
  }

  /**
   * Runs a listener in the foreground until it ends; {@link #NEVER_ENDS} (after stopping it) when nothing
   * in the model would ever end it, as a real nc would then wait for ever.
   */
  public int runListener(Options options, int address) {
    Listening listening = listen(options, address);
    if (listening == null) {
      return 1;
    }
    Scheduler scheduler = host.scheduler();
    scheduler.runUntil(() -> !listening.running() || scheduler.idle(), scheduler.now() + PATIENCE_NANOS);
    if (listening.running()) {
      listening.stop();
      return NEVER_ENDS;
    }
    return listening.exitStatus();
  }

  /**
   * A listener's -v line. Without -n nc first looks the address up with getnameinfo, which fails on the
   * simulated host (it has no DNS), and nc says so instead.
   */
  private void announce(Options options, String line) {
    err.println(options.numeric() ? line : "nc: getnameinfo: Temporary failure in name resolution");
  }

  private Listening tcpListener(Options options, Endpoint local) {
    Stack stack = host.stack();
    List<TcpSocket> connections = new ArrayList<>();
    boolean[] ended = new boolean[1];
    Errno error = stack.listen(local, owner, BACKLOG, socket -> {
      if (!options.keepListening()) {
        stack.stopListening(local);
      }
      connections.add(socket);
      if (options.verbose()) {
        announce(options, "Connection received on " + Ipv4.format(socket.remote().address()) + " " + socket.remote().port());
      }
      if (input.length > 0) {
        socket.send(input);
      }
      if (options.shutdownOnEof()) {
        socket.close();
      }
      return new TcpHandler() {
        @Override
        public void received(TcpSocket s, byte[] data) {
          out.write(data, 0, data.length);
          out.flush();
        }

        @Override
        public void peerClosed(TcpSocket s) {
          s.close();
          connections.remove(s);
          ended[0] = !options.keepListening();
        }

        @Override
        public void failed(TcpSocket s, Errno errno) {
          connections.remove(s);
          ended[0] = !options.keepListening();
        }
      };
    });
    if (error != null) {
      err.println("nc: " + error.message());
      return null;
    }
    return listening(ended, () -> {
      stack.stopListening(local);
      List.copyOf(connections).forEach(TcpSocket::close);
    });
  }

  private Listening udpListener(Options options, Endpoint local) {
    Stack stack = host.stack();
    UdpSocket[] socket = new UdpSocket[1];
    UdpHandler handler = new UdpHandler() {
      @Override
      public void received(UdpSocket s, Endpoint from, byte[] data) {
        if (s.peer() == null) {
          // nc connects its UDP socket to the first sender, and then hears only that one
          try {
            socket[0] = stack.connectUdp(s, from);
          } catch (SocketError e) {
            return;
          }
          if (options.verbose()) {
            announce(options, "Connection received on " + Ipv4.format(from.address()) + " " + from.port());
          }
        }
        out.write(data, 0, data.length);
        out.flush();
      }
    };
    try {
      socket[0] = stack.openUdp(local, null, owner, handler);
    } catch (SocketError e) {
      err.println("nc: " + e.errno().message());
      return null;
    }
    boolean[] ended = new boolean[1];
    return listening(ended, () -> socket[0].close());
  }

  /** A listener that runs until {@code ended[0]} is set, ends with status 0, and on SIGTERM closes its sockets. */
  private static Listening listening(boolean[] ended, Runnable closeSockets) {
    return new Listening() {
      @Override
      public boolean running() {
        return !ended[0];
      }

      @Override
      public int exitStatus() {
        return 0;
      }

      @Override
      public void stop() {
        closeSockets.run();
        ended[0] = true;
      }
    };
  }
}
