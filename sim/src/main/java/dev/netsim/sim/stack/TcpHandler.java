package dev.netsim.sim.stack;

/** A program's side of a TCP connection: the stack calls it as the connection progresses. */
public interface TcpHandler {
  /** The handshake completed. */
  default void connected(TcpSocket socket) {}

  /** Data arrived in order. */
  default void received(TcpSocket socket, byte[] data) {}

  /** The peer sent FIN: no more data will come. */
  default void peerClosed(TcpSocket socket) {}

  /** The connection failed or was reset; the socket is closed. */
  default void failed(TcpSocket socket, Errno error) {}
}
