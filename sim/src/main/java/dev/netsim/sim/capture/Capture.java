package dev.netsim.sim.capture;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One running capture (a tcpdump, or a Java API recording): it keeps the frames its {@link CaptureSpec}
 * selects, hands them to its {@link FrameSink}, and counts them as libpcap does. Started and stopped through
 * {@link Captures}. Like the rest of the simulation, not thread-safe.
 */
public final class Capture {
  /** Why a capture ended. */
  public enum End {
    /** Stopped from outside (tcpdump killed, {@link #stop()} called). */
    STOPPED,
    /** Its packet limit ({@code -c}) was reached. */
    COUNT_REACHED,
    /** Its sink failed (a pcap file could not be written); see {@link #failure()}. */
    FAILED,
    /** Killed (SIGKILL): the program could not report anything. */
    KILLED
  }

  private final Captures owner;
  private final CaptureSpec spec;
  private final FrameSink sink;
  private final Consumer<Capture> whenEnded;
  private long captured;
  private long receivedByFilter;
  private End end;
  private IOException failure;

  Capture(Captures owner, CaptureSpec spec, FrameSink sink, Consumer<Capture> whenEnded) {
    this.owner = owner;
    this.spec = Objects.requireNonNull(spec, "spec");
    this.sink = Objects.requireNonNull(sink, "sink");
    this.whenEnded = Objects.requireNonNull(whenEnded, "whenEnded");
  }

  public CaptureSpec spec() {
    return spec;
  }

  public boolean running() {
    return end == null;
  }

  /** How it ended, or null while it runs. */
  public End end() {
    return end;
  }

  /** The sink's error when it {@linkplain End#FAILED failed}, else null. */
  public IOException failure() {
    return failure;
  }

  /** Frames kept: tcpdump's "packets captured". */
  public long captured() {
    return captured;
  }

  /**
   * Frames the kernel filter passed: tcpdump's "packets received by filter". Higher than {@link #captured()}
   * when libpcap discards some after the kernel filter: {@code lo}'s outgoing copies and {@code -Q}.
   */
  public long receivedByFilter() {
    return receivedByFilter;
  }

  /** Stops the capture (a no-op once it has ended). */
  public void stop() {
    finish(End.STOPPED);
  }

  /** Ends the capture as SIGKILL ends tcpdump (a no-op once it has ended). */
  public void kill() {
    finish(End.KILLED);
  }

  /** Offers a frame that crossed an interface this capture covers. */
  void offer(CapturedFrame frame, boolean loopbackOutgoing) {
    if (end != null || !spec.filter().matches(frame.frame())) {
      return;
    }
    receivedByFilter++;
    if (loopbackOutgoing || !spec.direction().accepts(frame.type())) {
      return;
    }
    captured++;
    try {
      sink.accept(frame);
    } catch (IOException e) {
      failure = e;
      finish(End.FAILED);
      return;
    }
    if (spec.count() > 0 && captured >= spec.count()) {
      finish(End.COUNT_REACHED);
    }
  }

  private void finish(End why) {
    if (end != null) {
      return;
    }
    end = why;
    owner.remove(this);
    try {
      sink.close();
    } catch (IOException e) {
      if (failure == null) {
        failure = e;
      }
    }
    whenEnded.accept(this);
  }
}
