package dev.netsim.sim.tools.docker;

import dev.netsim.core.value.Ipv4;
import dev.netsim.sim.programs.Host;
import dev.netsim.sim.stack.Endpoint;
import dev.netsim.sim.stack.Errno;
import dev.netsim.sim.stack.SocketError;
import dev.netsim.sim.stack.Stack;
import dev.netsim.sim.stack.TcpHandler;
import dev.netsim.sim.stack.TcpSocket;
import java.io.ByteArrayOutputStream;

/**
 * {@code docker-proxy}, Docker's userland proxy for one published TCP port (on by default in Docker 20.10-27):
 * it listens on the host's {@code 0.0.0.0:HOST} and relays each connection to the container's address and
 * port. Docker's DNAT rules catch what comes from outside and from the host's own non-loopback addresses;
 * the proxy serves what they leave out: connections to 127.0.0.1 and hairpin connections from docker0.
 */
final class DockerProxy {
  /** Go's listen(2) backlog on Linux: net.core.somaxconn, 4096 since Linux 5.4. */
  private static final int BACKLOG = 4096;
  /** docker-proxy's listening socket is its fourth descriptor (after stdin, stdout, stderr). */
  private static final int LISTEN_FD = 4;

  private final Stack stack;
  private final Endpoint endpoint;

  private DockerProxy(Stack stack, Endpoint endpoint) {
    this.stack = stack;
    this.endpoint = endpoint;
  }

  /**
   * Listens on the host's port {@code hostPort}, relaying to {@code target:targetPort}.
   *
   * @throws SocketError EADDRINUSE when something listens there already
   */
  static DockerProxy start(Host host, int hostPort, Ipv4 target, int targetPort) throws SocketError {
    Endpoint endpoint = new Endpoint(0, hostPort);
    Endpoint backend = new Endpoint(target.bits(), targetPort);
    Stack stack = host.stack();
    Errno error = stack.listen(endpoint, new Stack.Owner("docker-proxy", host.newPid(), LISTEN_FD), BACKLOG,
        client -> new Relay(stack, backend, client).start());
    if (error != null) {
      throw new SocketError(error);
    }
    return new DockerProxy(stack, endpoint);
  }

  void stop() {
    stack.stopListening(endpoint);
  }

  /** One relayed connection: the client's socket and the proxy's own connection to the container. */
  private static final class Relay {
    private final Stack stack;
    private final Endpoint backendAddress;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final TcpSocket client;
    private TcpSocket backend;
    private boolean backendOpen;
    private boolean clientClosed;

    Relay(Stack stack, Endpoint backendAddress, TcpSocket client) {
      this.stack = stack;
      this.backendAddress = backendAddress;
      this.client = client;
    }

    /** Connects to the container as the client's connection is accepted; returns the client side's handler. */
    TcpHandler start() {
      try {
        backend = stack.connect(backendAddress, backendSide());
      } catch (SocketError e) {
        client.abort();
      }
      return new TcpHandler() {
        @Override
        public void received(TcpSocket socket, byte[] data) {
          if (backendOpen) {
            backend.send(data);
          } else {
            pending.writeBytes(data);
          }
        }

        @Override
        public void peerClosed(TcpSocket socket) {
          clientClosed = true;
          if (backendOpen) {
            backend.close();
          }
          socket.close();
        }

        @Override
        public void failed(TcpSocket socket, Errno error) {
          if (backend != null) {
            backend.abort();
          }
        }
      };
    }

    private TcpHandler backendSide() {
      return new TcpHandler() {
        @Override
        public void connected(TcpSocket socket) {
          backendOpen = true;
          if (pending.size() > 0) {
            socket.send(pending.toByteArray());
            pending.reset();
          }
          if (clientClosed) {
            socket.close();
          }
        }

        @Override
        public void received(TcpSocket socket, byte[] data) {
          client.send(data);
        }

        @Override
        public void peerClosed(TcpSocket socket) {
          socket.close();
          client.close();
        }

        @Override
        public void failed(TcpSocket socket, Errno error) {
          client.abort();
        }
      };
    }
  }
}
