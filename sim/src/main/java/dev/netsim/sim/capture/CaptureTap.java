package dev.netsim.sim.capture;

import dev.netsim.core.packet.EthernetFrame;

/**
 * What the packet engine tells the capture layer: every frame that crosses an interface, in the order the
 * kernel's packet taps would see it. {@link Captures} implements it; {@link #NONE} ignores everything.
 *
 * <p>When to call, per interface ({@link TapPoint} identifies it, including {@code lo}):
 * <ul>
 *   <li>{@link #transmitted} when a frame leaves an interface (a veth end, a bridge port the bridge forwards
 *       or floods to, the bridge device itself when its own stack sends, {@code lo});</li>
 *   <li>{@link #received} when a frame arrives on an interface (the veth peer, a bridge port before the
 *       bridge handles it, {@code lo}). A bridge device receives a frame after the bridge has forwarded or
 *       flooded it, and only when it is for the bridge's own stack: addressed to the bridge's MAC, broadcast
 *       or multicast, or any frame while the bridge is {@linkplain #promiscuous promiscuous} (a capture on
 *       the bridge makes it so, which is why {@code tcpdump -i br0} shows pings that filter FORWARD drops).
 *       A frame dropped by br_netfilter's FORWARD is received on its port (and on a promiscuous bridge) but
 *       never transmitted.</li>
 *   <li>On {@code lo} a packet is transmitted and then received (frames carry 00:00:00:00:00:00 both ways);
 *       captures show the received copy only, as libpcap does.</li>
 * </ul>
 * The frame is what is on that wire at that moment: after NAT, with the TTL it has there.
 */
public interface CaptureTap {
  /** A tap that captures nothing. */
  CaptureTap NONE = new CaptureTap() {
    @Override
    public boolean watching(String netns, String device) {
      return false;
    }

    @Override
    public boolean promiscuous(String netns, String device) {
      return false;
    }

    @Override
    public void received(TapPoint at, EthernetFrame frame, long nanos) {}

    @Override
    public void transmitted(TapPoint at, EthernetFrame frame, long nanos) {}
  };

  /**
   * Whether any capture watches {@code device} in {@code netns} (directly or through {@code any}); the
   * engine may skip building frames for interfaces nobody watches.
   */
  boolean watching(String netns, String device);

  /** Whether a capture has put {@code device} in promiscuous mode (see the class comment for bridges). */
  boolean promiscuous(String netns, String device);

  /** A frame arrived on {@code at} at virtual time {@code nanos}. */
  void received(TapPoint at, EthernetFrame frame, long nanos);

  /** A frame left through {@code at} at virtual time {@code nanos}. */
  void transmitted(TapPoint at, EthernetFrame frame, long nanos);
}
