package dev.netsim.sim.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netsim.core.value.Ipv4;
import dev.netsim.sim.World;
import dev.netsim.sim.shell.RunOptions;
import dev.netsim.sim.shell.ScriptRunner;
import dev.netsim.sim.shell.ToolRegistry;
import dev.netsim.sim.stack.Endpoint;
import dev.netsim.sim.stack.Errno;
import dev.netsim.sim.stack.SocketError;
import dev.netsim.sim.stack.TcpHandler;
import dev.netsim.sim.stack.TcpSocket;
import dev.netsim.sim.tools.SimulatedHost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The HTTP server over two namespaces joined by a veth pair, asked by a raw TCP client. */
class HttpServerTest {
  private final World world = new World();

  HttpServerTest() {
    String setup = String.join("\n", "ip netns add C", "ip netns add S",
        "ip link add c0 netns C type veth peer name s0 netns S",
        "ip netns exec C ip addr add 192.0.2.1/24 dev c0", "ip netns exec S ip addr add 192.0.2.2/24 dev s0",
        "ip netns exec C ip link set c0 up", "ip netns exec S ip link set s0 up") + "\n";
    PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    new ScriptRunner(ToolRegistry.standard()).run(setup, "setup", null, new SimulatedHost(world),
        RunOptions.defaults(), sink, sink);
  }

  /** Sends {@code request} from C to S:80 and returns everything S answered until it closed or 1 s passed. */
  private String ask(String request) throws SocketError {
    StringBuilder answer = new StringBuilder();
    Host client = world.kernel().host("C");
    client.stack().connect(new Endpoint(Ipv4.parse("192.0.2.2").bits(), 80), new TcpHandler() {
      @Override
      public void connected(TcpSocket socket) {
        socket.send(request.getBytes(StandardCharsets.US_ASCII));
      }

      @Override
      public void received(TcpSocket socket, byte[] data) {
        answer.append(new String(data, StandardCharsets.UTF_8));
      }
    });
    client.scheduler().runUntil(client.scheduler().now() + 1_000_000_000L);
    return answer.toString();
  }

  @Test
  void servesTheNginxPageWithNginxHeaders() throws SocketError {
    HttpServer.start(world.kernel().host("S"), 80, "nginx", HttpServer.NGINX_WELCOME_PAGE);
    String answer = ask("GET / HTTP/1.1\r\nHost: 192.0.2.2\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 200 OK\r\nServer: nginx\r\nDate: Sun, 01 Sep 2024 09:00:00 GMT\r\n"
        + "Content-Type: text/html\r\nContent-Length: 615\r\nConnection: keep-alive\r\nAccept-Ranges: bytes\r\n\r\n");
    assertThat(answer).endsWith(HttpServer.NGINX_WELCOME_PAGE).contains("<title>Welcome to nginx!</title>");
  }

  @Test
  void headHasNoBodyAndUnknownPathsAre404() throws SocketError {
    HttpServer.start(world.kernel().host("S"), 80, "nginx", "hello\n");
    assertThat(ask("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n")).contains("Content-Length: 6\r\n").endsWith("\r\n\r\n");
    assertThat(ask("GET /nope HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 404 Not Found\r\n")
        .endsWith("<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
  }

  @Test
  void http10AndConnectionCloseEndTheConnectionAfterTheResponse() throws SocketError {
    HttpServer.start(world.kernel().host("S"), 80, "nginx", "hello\n");
    assertThat(ask("GET / HTTP/1.0\r\n\r\n")).contains("Connection: close\r\n").endsWith("\r\n\r\nhello\n");
    assertThat(ask("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).contains("Connection: close\r\n");
    // the server sent its FIN after the response; this test's client never closes, so the server waits in FIN_WAIT2
    assertThat(world.kernel().host("S").stack().connections())
        .extracting(TcpSocket::state).containsOnly(TcpSocket.State.FIN_WAIT2);
  }

  @Test
  void aRequestThatIsNotHttpGets400AndTheConnectionCloses() throws SocketError {
    HttpServer.start(world.kernel().host("S"), 80, "nginx", "hello\n");
    assertThat(ask("hello there\r\n\r\n")).startsWith("HTTP/1.1 400 Bad Request\r\n")
        .contains("Connection: close\r\n").endsWith("<center><h1>400 Bad Request</h1></center>\r\n"
            + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
  }

  @Test
  void aSecondServerOnTheSamePortFails() throws SocketError {
    HttpServer first = HttpServer.start(world.kernel().host("S"), 80, "nginx", "a");
    assertThatThrownBy(() -> HttpServer.start(world.kernel().host("S"), 80, "nginx", "b"))
        .isInstanceOfSatisfying(SocketError.class, e -> assertThat(e.errno()).isEqualTo(Errno.EADDRINUSE));
    assertThat(world.kernel().host("S").stack().listeners()).singleElement()
        .satisfies(l -> assertThat(l.owner().program()).isEqualTo("nginx"));
    first.stop();
    assertThat(world.kernel().host("S").stack().listeners()).isEmpty();
  }
}
