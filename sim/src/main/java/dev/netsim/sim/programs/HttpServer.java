package dev.netsim.sim.programs;

import dev.netsim.sim.capture.SimulatedWallClock;
import dev.netsim.sim.stack.Endpoint;
import dev.netsim.sim.stack.Errno;
import dev.netsim.sim.stack.SocketError;
import dev.netsim.sim.stack.Stack;
import dev.netsim.sim.stack.TcpHandler;
import dev.netsim.sim.stack.TcpSocket;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A small HTTP/1.1 server over a namespace's {@link Stack}: it serves one page at {@code /} (and
 * {@code /index.html}) to GET and HEAD, answers other paths with 404 and other methods with 405 in nginx's
 * words, keeps connections open between requests (keep-alive) and closes when the client does. Enough for
 * {@code curl} and {@code nc} to see what a web server container answers.
 */
public final class HttpServer {
  /** The page the official nginx image serves at {@code /}. */
  public static final String NGINX_WELCOME_PAGE = """
      <!DOCTYPE html>
      <html>
      <head>
      <title>Welcome to nginx!</title>
      <style>
      html { color-scheme: light dark; }
      body { width: 35em; margin: 0 auto;
      font-family: Tahoma, Verdana, Arial, sans-serif; }
      </style>
      </head>
      <body>
      <h1>Welcome to nginx!</h1>
      <p>If you see this page, the nginx web server is successfully installed and
      working. Further configuration is required.</p>

      <p>For online documentation and support please refer to
      <a href="http://nginx.org/">nginx.org</a>.<br/>
      Commercial support is available at
      <a href="http://nginx.com/">nginx.com</a>.</p>

      <p><em>Thank you for using nginx.</em></p>
      </body>
      </html>
      """;

  /** listen(2)'s backlog as nginx passes it on Linux (NGX_LISTEN_BACKLOG). */
  private static final int BACKLOG = 511;
  /** nginx's listening socket is its seventh descriptor once its logs and worker channels are open. */
  private static final int LISTEN_FD = 7;
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT);

  private final Host host;
  private final Endpoint endpoint;
  private final String serverName;
  private final byte[] body;

  private HttpServer(Host host, Endpoint endpoint, String serverName, String body) {
    this.host = host;
    this.endpoint = endpoint;
    this.serverName = serverName;
    this.body = body.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Listens on {@code port} on every address of the host's namespace, as process {@code serverName};
   * responses carry {@code Server: serverName} and serve {@code body} at {@code /}. Fails with EADDRINUSE
   * when something listens there already (as a second nginx on the host network does).
   */
  public static HttpServer start(Host host, int port, String serverName, String body) throws SocketError {
    HttpServer server = new HttpServer(host, new Endpoint(0, port), serverName, body);
    Errno error = host.stack().listen(server.endpoint, new Stack.Owner(serverName, host.newPid(), LISTEN_FD),
        BACKLOG, socket -> server.new Connection());
    if (error != null) {
      throw new SocketError(error);
    }
    return server;
  }

  /** Stops listening (connections already open stay until their clients close them). */
  public void stop() {
    host.stack().stopListening(endpoint);
  }

  /** One client connection: collects request bytes and answers each complete request head. */
  private final class Connection implements TcpHandler {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    @Override
    public void received(TcpSocket socket, byte[] data) {
      pending.writeBytes(data);
      String text = pending.toString(StandardCharsets.ISO_8859_1);
      int end;
      while ((end = text.indexOf("\r\n\r\n")) >= 0) {
        String head = text.substring(0, end);
        text = text.substring(end + 4);
        if (!answer(socket, head)) {
          socket.close();
          pending.reset();
          return;
        }
      }
      pending.reset();
      pending.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public void peerClosed(TcpSocket socket) {
      socket.close();
    }
  }

  /** Sends the response to one request head; returns whether the connection stays open. */
  private boolean answer(TcpSocket socket, String head) {
    String[] lines = head.split("\r\n");
    String[] requestLine = lines[0].split(" ");
    if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.")) {
      socket.send(response(400, "Bad Request", errorPage(400, "Bad Request"), false, false));
      return false;
    }
    String method = requestLine[0];
    String path = requestLine[1];
    boolean headOnly = method.equals("HEAD");
    boolean keepAlive = keepAlive(requestLine[2], lines);
    if (!headOnly && !method.equals("GET")) {
      socket.send(response(405, "Not Allowed", errorPage(405, "Not Allowed"), headOnly, keepAlive));
    } else if (path.equals("/") || path.equals("/index.html")) {
      socket.send(response(200, "OK", body, headOnly, keepAlive));
    } else {
      socket.send(response(404, "Not Found", errorPage(404, "Not Found"), headOnly, keepAlive));
    }
    return keepAlive;
  }

  /** HTTP/1.1 keeps the connection unless the client says "Connection: close"; HTTP/1.0 only when asked to. */
  private static boolean keepAlive(String version, String[] lines) {
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0 && lines[i].substring(0, colon).trim().equalsIgnoreCase("Connection")) {
        return lines[i].substring(colon + 1).trim().equalsIgnoreCase("keep-alive");
      }
    }
    return version.equals("HTTP/1.1");
  }

  private byte[] errorPage(int status, String reason) {
    String title = status + " " + reason;
    return ("<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
        + "</h1></center>\r\n<hr><center>" + serverName + "</center>\r\n</body>\r\n</html>\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  private byte[] response(int status, String reason, byte[] content, boolean headOnly, boolean keepAlive) {
    String date = SimulatedWallClock.dateTime(SimulatedWallClock.epochMicros(host.scheduler().now()))
        .atOffset(ZoneOffset.UTC).format(HTTP_DATE);
    String headers = "HTTP/1.1 " + status + " " + reason + "\r\n"
        + "Server: " + serverName + "\r\n"
        + "Date: " + date + "\r\n"
        + "Content-Type: text/html\r\n"
        + "Content-Length: " + content.length + "\r\n"
        + "Connection: " + (keepAlive ? "keep-alive" : "close") + "\r\n"
        + (status == 200 ? "Accept-Ranges: bytes\r\n" : "")
        + "\r\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(headers.getBytes(StandardCharsets.ISO_8859_1));
    if (!headOnly) {
      bytes.writeBytes(content);
    }
    return bytes.toByteArray();
  }
}
