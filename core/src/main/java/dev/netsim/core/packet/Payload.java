package dev.netsim.core.packet;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes a packet carries above its transport header. Most simulated payloads are only a length
 * (ping's pattern, bulk data), so the bytes are kept only when they mean something (an HTTP request).
 */
public final class Payload {
  public static final Payload EMPTY = new Payload(0, null);

  private final int length;
  private final byte[] bytes;

  private Payload(int length, byte[] bytes) {
    this.length = length;
    this.bytes = bytes;
  }

  /** A payload of {@code length} bytes whose contents do not matter (they read as zeros). */
  public static Payload ofLength(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("negative payload length " + length);
    }
    return length == 0 ? EMPTY : new Payload(length, null);
  }

  public static Payload of(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new Payload(bytes.length, bytes.clone());
  }

  public static Payload ascii(String text) {
    return of(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  public int length() {
    return length;
  }

  /** Whether the contents are known (and not just a length). */
  public boolean hasContents() {
    return bytes != null;
  }

  /** A copy of the bytes; zeros when only the length is known. */
  public byte[] bytes() {
    return bytes != null ? bytes.clone() : new byte[length];
  }

  /** The contents as ISO-8859-1 text, for protocols that are text (HTTP). */
  public String text() {
    return new String(bytes(), StandardCharsets.ISO_8859_1);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Payload that && length == that.length && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * length + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return bytes != null ? "Payload[" + length + " bytes]" : "Payload[" + length + " zero bytes]";
  }
}
