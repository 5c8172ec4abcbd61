package dev.netsim.sim.capture;

import dev.netsim.core.packet.EthernetFrame;
import dev.netsim.core.topo.Link;
import dev.netsim.core.topo.Namespace;
import dev.netsim.core.topo.Topology;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * Records what crosses {@code device} of {@code netns} to the pcap file {@code file} (created or truncated),
   * as {@code tcpdump -i DEVICE -w FILE} does but without making the device promiscuous, so recording never
   * changes what the simulation does. Stop the capture to close the file.
   */
  public Capture recordPcap(String netns, String device, Path file) throws IOException {
    CaptureSpec spec = CaptureSpec.of(netns, device).withPromiscuous(false);
    OutputStream out = Files.newOutputStream(file);
    try {
      return start(spec, FrameSink.pcap(out, spec.link(), spec.snapshotLength()));
    } catch (IOException e) {
      out.close();
      throw e;
    }
  }

  /**
   * Records every interface of every namespace in {@code topology} (as it is now), each to its own pcap file in
   * {@code dir}: {@code NETNS-DEVICE.pcap}, with {@code host} for the host's namespace ({@code host-br0.pcap},
   * {@code RED-reth0.pcap}). Start it before sending probes; stop it to close the files.
   */
  public PcapRecording recordPcaps(Topology topology, Path dir) throws IOException {
    Files.createDirectories(dir);
    Map<String, Path> files = new LinkedHashMap<>();
    List<Capture> started = new ArrayList<>();
    try {
      for (Namespace ns : topology.namespaces()) {
        for (Link link : ns.links()) {
          Path file = dir.resolve((ns.isHost() ? "host" : ns.name()) + "-" + link.name() + ".pcap");
          started.add(recordPcap(ns.name(), link.name(), file));
          files.put(label(ns.name(), link.name()), file);
        }
      }
    } catch (IOException | RuntimeException e) {
      started.forEach(Capture::stop);
      throw e;
    }
    return new PcapRecording(files, started);
  }

  /** How {@link PcapRecording} names an interface: "RED/reth0", "host/br0". */
  static String label(String netns, String device) {
    return (netns.isEmpty() ? "host" : netns) + "/" + device;
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
