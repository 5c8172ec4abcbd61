package dev.netsim.sim.capture;

import com.google.common.base.Preconditions;
import dev.netsim.core.value.Mac;
import java.util.Objects;

/**
 * An interface where frames can be captured: its namespace ("" for the host's own), its name, its kernel
 * index (what cooked captures record), its MAC address (which decides {@code In} versus {@code P}) and
 * whether it is a loopback device. The engine keeps one per interface and hands it to the {@link CaptureTap}.
 */
public record TapPoint(String netns, String device, int ifindex, Mac mac, boolean loopback) {
  public TapPoint {
    Objects.requireNonNull(netns, "netns");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(mac, "mac");
    Preconditions.checkArgument(!device.isEmpty() && !device.equals(Captures.ANY),
        "not a capturable device name: '%s'", device);
    Preconditions.checkArgument(ifindex > 0, "ifindex must be positive: %s", ifindex);
  }

  /** A non-loopback (Ethernet-like) interface: a veth, a bridge, a physical NIC. */
  public static TapPoint ethernet(String netns, String device, int ifindex, Mac mac) {
    return new TapPoint(netns, device, ifindex, mac, false);
  }

  /** The namespace's {@code lo}. */
  public static TapPoint loopback(String netns, int ifindex) {
    return new TapPoint(netns, "lo", ifindex, Mac.ZERO, true);
  }
}
