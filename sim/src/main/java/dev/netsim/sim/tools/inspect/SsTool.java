package dev.netsim.sim.tools.inspect;

import dev.netsim.core.value.Ipv4;
import dev.netsim.sim.programs.Services;
import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.NotSimulated;
import dev.netsim.sim.shell.Tool;
import dev.netsim.sim.stack.Endpoint;
import dev.netsim.sim.stack.Stack;
import dev.netsim.sim.stack.TcpSocket;
import dev.netsim.sim.stack.UdpSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ss} from iproute2 6.1 for TCP and UDP sockets of the invocation's namespace: {@code -t}, {@code -u},
 * {@code -l}, {@code -a}, {@code -n}, {@code -p} (and {@code -4}), with ss's column layout when its output
 * is not a terminal (each column as wide as its widest cell, no spreading to a screen width).
 */
public final class SsTool implements Tool {
  private static final Map<String, Character> LONG_OPTIONS = Map.of("--tcp", 't', "--udp", 'u',
      "--listening", 'l', "--all", 'a', "--numeric", 'n', "--processes", 'p', "--ipv4", '4');
  private static final String SHORT_OPTIONS = "tulanp4";
  /** Linux's default ip_local_port_range: ss prints these ports as numbers, never as service names. */
  private static final int EPHEMERAL_LOW = Stack.EPHEMERAL_LOW;
  private static final int EPHEMERAL_HIGH = Stack.EPHEMERAL_HIGH;

  private enum Align { LEFT, RIGHT }

  /** One of ss's columns: its alignment, header and the delimiter printed before it. */
  private record Column(Align align, String header, String delimiter) {}

  private static final Column NETID = new Column(Align.LEFT, "Netid", "");
  private static final List<Column> COLUMNS = List.of(
      new Column(Align.LEFT, "State", " "),
      new Column(Align.LEFT, "Recv-Q", " "),
      new Column(Align.LEFT, "Send-Q", " "),
      new Column(Align.RIGHT, "Local Address:", " "),
      new Column(Align.LEFT, "Port", ""),
      new Column(Align.RIGHT, "Peer Address:", " "),
      new Column(Align.LEFT, "Port", ""),
      new Column(Align.LEFT, "Process", ""));

  /** What the command line asked for. */
  private record Request(boolean tcp, boolean udp, boolean listening, boolean all, boolean numeric,
      boolean processes) {
    boolean shows(String state) {
      if (all) {
        return true;
      }
      boolean listenState = state.equals("LISTEN") || state.equals("UNCONN");
      if (listening) {
        return listenState;
      }
      return !listenState && !state.equals("TIME-WAIT") && !state.equals("SYN-RECV");
    }
  }

  @Override
  public int run(Invocation call) {
    Request request = parse(call.argv());
    if (request == null) {
      return NotSimulated.report(call);
    }
    Stack stack = call.world().kernel().runtime(call.netns()).stack();
    boolean netid = request.tcp() && request.udp();
    List<List<String>> rows = new ArrayList<>();
    List<String> header = new ArrayList<>();
    if (netid) {
      header.add(NETID.header());
    }
    COLUMNS.forEach(c -> header.add(c.header()));
    rows.add(header);
    if (request.udp()) {
      for (UdpSocket socket : stack.udpSockets()) {
        Endpoint peer = socket.peer() == null ? new Endpoint(0, 0) : socket.peer();
        String state = socket.peer() == null ? "UNCONN" : "ESTAB";
        if (request.shows(state)) {
          rows.add(row(request, netid, "udp", state, 0, 0, socket.local(), peer, users(socket.owner())));
        }
      }
    }
    if (request.tcp()) {
      for (Stack.Listener listener : stack.listeners()) {
        if (request.shows("LISTEN")) {
          rows.add(row(request, netid, "tcp", "LISTEN", 0, listener.backlog(), listener.endpoint(),
              new Endpoint(0, 0), users(listener.owner())));
        }
      }
      for (TcpSocket socket : stack.connections()) {
        String state = stateName(socket.state());
        if (state != null && request.shows(state)) {
          rows.add(row(request, netid, "tcp", state, 0, 0, socket.local(), socket.remote(), ""));
        }
      }
    }
    call.out().print(render(rows, netid));
    return 0;
  }

  /** The process cell of {@code -p}, with the space ss prints before it. */
  private static String users(Stack.Owner owner) {
    return " users:((\"" + owner.program() + "\",pid=" + owner.pid() + ",fd=" + owner.fd() + "))";
  }

  private static List<String> row(Request request, boolean netid, String protocol, String state, int receiveQueue,
      int sendQueue, Endpoint local, Endpoint peer, String process) {
    List<String> cells = new ArrayList<>();
    if (netid) {
      cells.add(protocol);
    }
    cells.add(state);
    cells.add(String.format("%-6d", receiveQueue));
    cells.add(String.format("%-6d", sendQueue));
    cells.add(Ipv4.format(local.address()) + ":");
    cells.add(port(request, local.port(), protocol));
    cells.add(Ipv4.format(peer.address()) + ":");
    cells.add(port(request, peer.port(), protocol));
    cells.add(request.processes() ? process : "");
    return cells;
  }

  /** A port as ss prints it: "*" for none, a service name unless -n or an ephemeral port, else the number. */
  private static String port(Request request, int port, String protocol) {
    if (port == 0) {
      return "*";
    }
    if (!request.numeric() && (port < EPHEMERAL_LOW || port > EPHEMERAL_HIGH)) {
      String name = Services.name(port, protocol);
      if (name != null) {
        return name;
      }
    }
    return Integer.toString(port);
  }

  /** ss's names for TCP states; null for a socket ss no longer sees. */
  private static String stateName(TcpSocket.State state) {
    return switch (state) {
      case SYN_SENT -> "SYN-SENT";
      case SYN_RECV -> "SYN-RECV";
      case ESTABLISHED -> "ESTAB";
      case FIN_WAIT1 -> "FIN-WAIT-1";
      case FIN_WAIT2 -> "FIN-WAIT-2";
      case CLOSE_WAIT -> "CLOSE-WAIT";
      case CLOSING -> "CLOSING";
      case LAST_ACK -> "LAST-ACK";
      case TIME_WAIT -> "TIME-WAIT";
      case CLOSED -> null;
    };
  }

  /**
   * ss's rendering when standard output is not a terminal: each column as wide as its widest cell (header
   * included, the last row's process cell excepted) plus its delimiter, right-aligned columns padded on the
   * left, the others on the right.
   */
  static String render(List<List<String>> rows, boolean netid) {
    List<Column> columns = new ArrayList<>();
    if (netid) {
      columns.add(NETID);
    }
    columns.addAll(COLUMNS);
    int[] widths = new int[columns.size()];
    boolean first = true;
    int processColumn = columns.size() - 1;
    for (int c = 0; c < columns.size(); c++) {
      int longest = 0;
      for (int r = 0; r < rows.size(); r++) {
        // ss measures a cell when it moves on to the next one; the last row's last cell (its process) is
        // never moved on from, so it does not widen its column
        boolean unmeasured = c == processColumn && r == rows.size() - 1 && r > 0;
        if (!unmeasured) {
          longest = Math.max(longest, rows.get(r).get(c).length());
        }
      }
      widths[c] = !first && longest > 0 ? longest + columns.get(c).delimiter().length() : longest;
      if (widths[c] > 0) {
        first = false;
      }
    }
    StringBuilder text = new StringBuilder();
    for (List<String> row : rows) {
      for (int c = 0; c < columns.size(); c++) {
        Column column = columns.get(c);
        String cell = row.get(c);
        int printed = 0;
        if (c > 0) {
          text.append(column.delimiter());
          printed = column.delimiter().length();
        }
        if (column.align() == Align.RIGHT) {
          printed += pad(text, widths[c] - cell.length() - printed);
        }
        text.append(cell);
        printed += cell.length();
        if (column.align() == Align.LEFT) {
          pad(text, widths[c] - printed);
        }
      }
      text.append('\n');
    }
    return text.toString();
  }

  private static int pad(StringBuilder text, int spaces) {
    for (int i = 0; i < spaces; i++) {
      text.append(' ');
    }
    return Math.max(spaces, 0);
  }

  /** The request, or null when the command line asks for more than TCP and UDP sockets netsim models. */
  private static Request parse(List<String> argv) {
    boolean tcp = false;
    boolean udp = false;
    boolean listening = false;
    boolean all = false;
    boolean numeric = false;
    boolean processes = false;
    for (String arg : argv.subList(1, argv.size())) {
      List<Character> letters = new ArrayList<>();
      if (LONG_OPTIONS.containsKey(arg)) {
        letters.add(LONG_OPTIONS.get(arg));
      } else if (arg.startsWith("-") && !arg.startsWith("--") && arg.length() > 1) {
        for (char letter : arg.substring(1).toCharArray()) {
          if (SHORT_OPTIONS.indexOf(letter) < 0) {
            return null;
          }
          letters.add(letter);
        }
      } else {
        return null; // filters and other options
      }
      for (char letter : letters) {
        switch (letter) {
          case 't' -> tcp = true;
          case 'u' -> udp = true;
          case 'l' -> listening = true;
          case 'a' -> all = true;
          case 'n' -> numeric = true;
          case 'p' -> processes = true;
          default -> {}
        }
      }
    }
    if (!tcp && !udp) {
      return null; // without -t or -u, ss lists every socket family: netlink, unix, raw...
    }
    return new Request(tcp, udp, listening, all, numeric, processes);
  }
}
