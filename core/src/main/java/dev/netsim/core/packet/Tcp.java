package dev.netsim.core.packet;

import java.util.Objects;

/**
 * A TCP segment. {@code flags} uses the header bit order (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08,
 * ACK 0x10, URG 0x20, ECE 0x40, CWR 0x80), the same as iptables' {@code --tcp-flags}.
 */
public record Tcp(
    int srcPort, int dstPort, long seq, long ack, int flags, int window, TcpOptions options, Payload payload)
    implements L4 {
  public static final int FIN = 0x01;
  public static final int SYN = 0x02;
  public static final int RST = 0x04;
  public static final int PSH = 0x08;
  public static final int ACK = 0x10;
  public static final int URG = 0x20;
  public static final int ECE = 0x40;
  public static final int CWR = 0x80;

  public Tcp {
    Ports.check(srcPort, dstPort);
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(payload, "payload");
  }

  @Override
  public int protocol() {
    return 6;
  }

  @Override
  public int length() {
    return 20 + options.length() + payload.length();
  }

  public boolean has(int flag) {
    return (flags & flag) == flag;
  }

  public Tcp withPorts(int newSrcPort, int newDstPort) {
    return new Tcp(newSrcPort, newDstPort, seq, ack, flags, window, options, payload);
  }
}
