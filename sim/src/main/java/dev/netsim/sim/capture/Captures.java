package dev.netsim.sim.capture;

import dev.netsim.core.packet.EthernetFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The captures running in one simulated machine, and the {@link CaptureTap} through which the engine feeds
 * them. A {@code tcpdump} in a script and a Java caller recording a probe both start theirs here.
 */
public final class Captures implements CaptureTap {
  /** The pseudo-interface that captures on every interface of a namespace. */
  public static final String ANY = "any";

  private final List<Capture> running = new ArrayList<>();

  /** Starts capturing; frames go to {@code sink} until the capture is stopped or reaches its count. */
  public Capture start(CaptureSpec spec, FrameSink sink) {
    return start(spec, sink, capture -> { });
  }

  /** As {@link #start(CaptureSpec, FrameSink)}, calling {@code whenEnded} once the capture has ended. */
  public Capture start(CaptureSpec spec, FrameSink sink, Consumer<Capture> whenEnded) {
    Capture capture = new Capture(this, spec, sink, whenEnded);
    running.add(capture);
    return capture;
  }

  /** The captures still running, oldest first. */
  public List<Capture> running() {
    return List.copyOf(running);
  }

  void remove(Capture capture) {
    running.remove(capture);
  }

  @Override
  public boolean watching(String netns, String device) {
    for (Capture capture : running) {
      CaptureSpec spec = capture.spec();
      if (spec.netns().equals(netns) && (spec.device().equals(ANY) || spec.device().equals(device))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean promiscuous(String netns, String device) {
    for (Capture capture : running) {
      CaptureSpec spec = capture.spec();
      if (spec.promiscuous() && spec.netns().equals(netns) && spec.device().equals(device)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void received(TapPoint at, EthernetFrame frame, long nanos) {
    deliver(CapturedFrame.received(at, frame, nanos), false);
  }

  @Override
  public void transmitted(TapPoint at, EthernetFrame frame, long nanos) {
    deliver(CapturedFrame.transmitted(at, frame, nanos), at.loopback());
  }

  private void deliver(CapturedFrame frame, boolean loopbackOutgoing) {
    if (running.isEmpty()) {
      return;
    }
    // A copy: a capture reaching its count removes itself while we iterate.
    for (Capture capture : List.copyOf(running)) {
      if (capture.spec().covers(frame.at())) {
        capture.offer(frame, loopbackOutgoing);
      }
    }
  }
}
