package dev.netsim.core.packet;

import java.util.Objects;

/**
 * An ICMP message. Echo request/reply use {@code id} and {@code seq}; error messages (destination
 * unreachable, time exceeded, ...) quote the offending packet in {@code quoted} (null otherwise), which is
 * what conntrack reads to find the connection they are RELATED to.
 */
public record Icmp(int type, int code, int id, int seq, Payload payload, Ipv4Packet quoted) implements L4 {
  public static final int ECHO_REPLY = 0;
  public static final int DEST_UNREACHABLE = 3;
  public static final int REDIRECT = 5;
  public static final int ECHO_REQUEST = 8;
  public static final int TIME_EXCEEDED = 11;
  public static final int PARAMETER_PROBLEM = 12;

  /** Linux quotes at most this much of the offending packet: an error datagram fits in 576 bytes. */
  public static final int MAX_QUOTE = 576 - 20 - 8;

  public Icmp {
    if ((type | code) >>> 8 != 0) {
      throw new IllegalArgumentException("ICMP type/code out of range: " + type + "/" + code);
    }
    Objects.requireNonNull(payload, "payload");
  }

  public static Icmp echoRequest(int id, int seq, int dataBytes) {
    return new Icmp(ECHO_REQUEST, 0, id, seq, Payload.ofLength(dataBytes), null);
  }

  public static Icmp echoReply(Icmp request) {
    return new Icmp(ECHO_REPLY, 0, request.id, request.seq, request.payload, null);
  }

  /** An error message of {@code type}/{@code code} about {@code offending}. */
  public static Icmp error(int type, int code, Ipv4Packet offending) {
    return new Icmp(type, code, 0, 0, Payload.EMPTY, offending);
  }

  public boolean isError() {
    return isErrorType(type);
  }

  public static boolean isErrorType(int type) {
    return type == DEST_UNREACHABLE || type == REDIRECT || type == TIME_EXCEEDED
        || type == PARAMETER_PROBLEM || type == 4;
  }

  public boolean isEcho() {
    return type == ECHO_REQUEST || type == ECHO_REPLY;
  }

  @Override
  public int protocol() {
    return 1;
  }

  @Override
  public int length() {
    return 8 + (quoted != null ? Math.min(quoted.totalLength(), MAX_QUOTE) : payload.length());
  }
}
