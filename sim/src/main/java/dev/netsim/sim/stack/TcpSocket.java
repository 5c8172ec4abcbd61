package dev.netsim.sim.stack;

import dev.netsim.core.packet.Ipv4Packet;
import dev.netsim.core.packet.Payload;
import dev.netsim.core.packet.Tcp;
import dev.netsim.core.packet.TcpOptions;
import dev.netsim.core.value.Ipv4;

/**
 * One end of a TCP connection, with the states and segments Linux produces for the simple exchanges
 * scripts make (connect, send, close, refuse, reset): handshake with Linux's SYN options, an immediate ACK
 * for data, a delayed ACK for a FIN (so that a program closing at once answers with one FIN/ACK, as real
 * captures show), SYN retransmission on Linux's backoff. No congestion control, no reordering.
 */
public final class TcpSocket {
  /** The TCP states a socket goes through (as {@code ss} names them). */
  public enum State {
    SYN_SENT,
    SYN_RECV,
    ESTABLISHED,
    FIN_WAIT1,
    FIN_WAIT2,
    CLOSE_WAIT,
    CLOSING,
    LAST_ACK,
    TIME_WAIT,
    CLOSED
  }

  static final long DELAYED_ACK_NANOS = 40_000_000L;
  static final long TIME_WAIT_NANOS = 60_000_000_000L;
  private static final long INITIAL_RTO_NANOS = 1_000_000_000L;
  private static final int SYN_RETRIES = 6;
  private static final int WINDOW_SCALE = 10;

  private final Stack stack;
  private final int localAddress;
  private final int localPort;
  private final int remoteAddress;
  private final int remotePort;
  private final boolean activeOpen;
  private TcpHandler handler;
  private State state;
  private final long iss;
  private long sendNext;
  private long receiveNext;
  private final long tsOffset;
  private long peerTsVal;
  private int synRetries;
  private boolean ackPending;

  TcpSocket(Stack stack, int localAddress, int localPort, int remoteAddress, int remotePort,
      boolean activeOpen, TcpHandler handler, long iss, long tsOffset) {
    this.stack = stack;
    this.localAddress = localAddress;
    this.localPort = localPort;
    this.remoteAddress = remoteAddress;
    this.remotePort = remotePort;
    this.activeOpen = activeOpen;
    this.handler = handler;
    this.iss = iss;
    this.sendNext = iss;
    this.tsOffset = tsOffset;
  }

  public State state() {
    return state;
  }

  public Endpoint local() {
    return new Endpoint(localAddress, localPort);
  }

  public Endpoint remote() {
    return new Endpoint(remoteAddress, remotePort);
  }

  void setHandler(TcpHandler handler) {
    this.handler = handler;
  }

  // --- opening

  Errno sendSyn() {
    state = State.SYN_SENT;
    Errno error = transmit(Tcp.SYN, synOptions(0), Payload.EMPTY, iss, 0);
    sendNext = iss + 1;
    if (error != null) {
      state = State.CLOSED;
      return error;
    }
    scheduleSynRetransmit();
    return null;
  }

  private void scheduleSynRetransmit() {
    long delay = INITIAL_RTO_NANOS << synRetries;
    stack.scheduler().after(delay, () -> {
      if (state != State.SYN_SENT) {
        return;
      }
      if (synRetries >= SYN_RETRIES) {
        close(Errno.ETIMEDOUT);
        return;
      }
      synRetries++;
      transmit(Tcp.SYN, synOptions(0), Payload.EMPTY, iss, 0);
      scheduleSynRetransmit();
    });
  }

  void acceptSyn(Tcp syn) {
    state = State.SYN_RECV;
    receiveNext = seq(syn.seq() + 1);
    peerTsVal = syn.options().tsVal();
    transmit(Tcp.SYN | Tcp.ACK, synOptions(peerTsVal), Payload.EMPTY, iss, receiveNext);
    sendNext = iss + 1;
  }

  private TcpOptions synOptions(long echo) {
    int mss = stack.mtuFor(remoteAddress) - 40;
    return new TcpOptions(mss, true, tsVal(), echo, WINDOW_SCALE);
  }

  // --- the program's calls

  /** Sends data (ignored unless the connection is open for sending). */
  public void send(byte[] data) {
    if (state != State.ESTABLISHED && state != State.CLOSE_WAIT) {
      return;
    }
    transmit(Tcp.PSH | Tcp.ACK, timestamps(), Payload.of(data), sendNext, receiveNext);
    sendNext = seq(sendNext + data.length);
  }

  /** Closes the sending side: FIN (or nothing more to do once closed). */
  public void close() {
    switch (state) {
      case ESTABLISHED -> {
        state = State.FIN_WAIT1;
        sendFin();
      }
      case CLOSE_WAIT -> {
        state = State.LAST_ACK;
        sendFin();
      }
      case SYN_SENT, SYN_RECV -> close(null);
      default -> {}
    }
  }

  /** Aborts the connection with a reset, as a program killed mid-connection does. */
  public void abort() {
    if (state == State.ESTABLISHED || state == State.CLOSE_WAIT || state == State.FIN_WAIT1
        || state == State.FIN_WAIT2 || state == State.SYN_RECV) {
      transmit(Tcp.RST | Tcp.ACK, TcpOptions.NONE, Payload.EMPTY, sendNext, receiveNext);
    }
    close(null);
  }

  private void sendFin() {
    transmit(Tcp.FIN | Tcp.ACK, timestamps(), Payload.EMPTY, sendNext, receiveNext);
    sendNext = seq(sendNext + 1);
  }

  // --- segments from the peer

  void receive(Tcp segment) {
    peerTsVal = segment.options().hasTimestamps() ? segment.options().tsVal() : peerTsVal;
    if (segment.has(Tcp.RST)) {
      Errno error = state == State.SYN_SENT ? Errno.ECONNREFUSED : Errno.ECONNRESET;
      boolean report = state != State.TIME_WAIT && state != State.CLOSED;
      close(report ? error : null);
      return;
    }
    switch (state) {
      case SYN_SENT -> {
        if (segment.has(Tcp.SYN | Tcp.ACK) && segment.ack() == sendNext) {
          receiveNext = seq(segment.seq() + 1);
          state = State.ESTABLISHED;
          transmit(Tcp.ACK, timestamps(), Payload.EMPTY, sendNext, receiveNext);
          handler.connected(this);
        }
      }
      case SYN_RECV -> {
        if (segment.has(Tcp.ACK) && segment.ack() == sendNext) {
          state = State.ESTABLISHED;
          stack.accepted(this);
          receiveData(segment);
        }
      }
      default -> receiveData(segment);
    }
  }

  private void receiveData(Tcp segment) {
    if (segment.has(Tcp.ACK) && segment.ack() == sendNext) {
      switch (state) {
        case FIN_WAIT1 -> state = State.FIN_WAIT2;
        case CLOSING -> enterTimeWait();
        case LAST_ACK -> {
          close(null);
          return;
        }
        default -> {}
      }
    }
    int length = segment.payload().length();
    if (length > 0 && segment.seq() == receiveNext && acceptsData()) {
      receiveNext = seq(receiveNext + length);
      transmit(Tcp.ACK, timestamps(), Payload.EMPTY, sendNext, receiveNext);
      handler.received(this, segment.payload().bytes());
    }
    if (segment.has(Tcp.FIN) && seq(segment.seq() + length) == receiveNext) {
      receiveNext = seq(receiveNext + 1);
      switch (state) {
        case ESTABLISHED -> {
          state = State.CLOSE_WAIT;
          scheduleDelayedAck();
          handler.peerClosed(this);
        }
        case FIN_WAIT1 -> {
          state = State.CLOSING;
          transmit(Tcp.ACK, timestamps(), Payload.EMPTY, sendNext, receiveNext);
        }
        case FIN_WAIT2 -> {
          transmit(Tcp.ACK, timestamps(), Payload.EMPTY, sendNext, receiveNext);
          enterTimeWait();
          handler.peerClosed(this);
        }
        default -> {}
      }
    }
  }

  private boolean acceptsData() {
    return state == State.ESTABLISHED || state == State.FIN_WAIT1 || state == State.FIN_WAIT2;
  }

  private void scheduleDelayedAck() {
    ackPending = true;
    stack.scheduler().after(DELAYED_ACK_NANOS, () -> {
      if (ackPending && state != State.CLOSED) {
        transmit(Tcp.ACK, timestamps(), Payload.EMPTY, sendNext, receiveNext);
      }
    });
  }

  private void enterTimeWait() {
    state = State.TIME_WAIT;
    stack.scheduler().after(TIME_WAIT_NANOS, () -> {
      if (state == State.TIME_WAIT) {
        close(null);
      }
    });
  }

  private void close(Errno error) {
    boolean wasOpen = state != State.CLOSED;
    state = State.CLOSED;
    stack.forget(this);
    if (wasOpen && error != null) {
      handler.failed(this, error);
    }
  }

  /** An ICMP error about one of this socket's segments. */
  void icmpError(Errno error) {
    if (state == State.SYN_SENT || state == State.SYN_RECV) {
      close(error);
    }
  }

  // --- segments to the peer

  private TcpOptions timestamps() {
    return new TcpOptions(-1, false, tsVal(), peerTsVal, -1);
  }

  private long tsVal() {
    return seq(tsOffset + stack.scheduler().now() / 1_000_000L);
  }

  private Errno transmit(int flags, TcpOptions options, Payload payload, long seq, long ack) {
    ackPending = false;
    int window = (flags & Tcp.SYN) != 0 ? (activeOpen ? 64240 : 65160) : (activeOpen ? 63 : 64);
    Tcp segment = new Tcp(localPort, remotePort, seq, ack, flags, window, options, payload);
    return stack.output().send(Ipv4Packet.of(Ipv4.of(localAddress), Ipv4.of(remoteAddress), segment));
  }

  static long seq(long value) {
    return value & 0xffff_ffffL;
  }
}
