package dev.netsim.sim.stack;

import dev.netsim.core.packet.Ipv4Packet;
import dev.netsim.core.packet.Payload;
import dev.netsim.core.packet.Udp;
import dev.netsim.core.value.Ipv4;

/** A bound UDP socket; "connected" (a fixed peer) when {@code peer} is not null. */
public final class UdpSocket {
  private final Stack stack;
  private final Endpoint local;
  private final Endpoint peer;
  private final Stack.Owner owner;
  private final UdpHandler handler;

  UdpSocket(Stack stack, Endpoint local, Endpoint peer, Stack.Owner owner, UdpHandler handler) {
    this.stack = stack;
    this.local = local;
    this.peer = peer;
    this.owner = owner;
    this.handler = handler;
  }

  /** The process that opened the socket, as {@code ss -p} shows it. */
  public Stack.Owner owner() {
    return owner;
  }

  public Endpoint local() {
    return local;
  }

  /** The connected peer, or null when the socket is not connected. */
  public Endpoint peer() {
    return peer;
  }

  UdpHandler handler() {
    return handler;
  }

  /** Sends to the connected peer. */
  public Errno send(byte[] data) {
    return sendTo(peer, data);
  }

  public Errno sendTo(Endpoint to, byte[] data) {
    int source = local.address();
    if (source == 0) {
      try {
        source = stack.output().sourceAddressFor(to.address());
      } catch (SocketError e) {
        return e.errno();
      }
    }
    Udp datagram = new Udp(local.port(), to.port(), Payload.of(data));
    return stack.output().send(Ipv4Packet.of(Ipv4.of(source), Ipv4.of(to.address()), datagram));
  }

  public void close() {
    stack.forget(this);
  }

  void deliver(Endpoint from, byte[] data) {
    handler.received(this, from, data);
  }

  void icmpError(Errno error) {
    if (peer != null) {
      handler.failed(this, error);
    }
  }

  boolean accepts(int fromAddress, int fromPort) {
    return peer == null || peer.address() == fromAddress && peer.port() == fromPort;
  }
}
