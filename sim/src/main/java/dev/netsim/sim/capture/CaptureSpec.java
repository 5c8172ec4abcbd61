package dev.netsim.sim.capture;

import com.google.common.base.Preconditions;
import java.util.Objects;

/**
 * What to capture: an interface of a namespace (or {@value Captures#ANY}), the link-layer header to record,
 * a filter, a direction, a packet limit and whether the interface goes promiscuous.
 *
 * @param netns the namespace ("" for the host's own)
 * @param device an interface name, or {@value Captures#ANY} for all of the namespace's interfaces
 * @param link {@link LinkType#ETHERNET} on an interface; a cooked type on {@code any}
 * @param filter which frames to keep
 * @param direction tcpdump's {@code -Q}
 * @param count stop after this many frames (tcpdump's {@code -c}); 0 for no limit
 * @param promiscuous whether a capture on a named interface puts it in promiscuous mode (not {@code -p})
 * @param snapshotLength bytes kept per frame in pcap files (tcpdump's {@code -s})
 */
public record CaptureSpec(
    String netns, String device, LinkType link, CaptureFilter filter, CaptureDirection direction, long count,
    boolean promiscuous, int snapshotLength) {
  public CaptureSpec {
    Objects.requireNonNull(netns, "netns");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(direction, "direction");
    Preconditions.checkArgument(!device.isEmpty(), "empty device name");
    Preconditions.checkArgument(device.equals(Captures.ANY) == (link != LinkType.ETHERNET),
        "link type %s does not fit device '%s'", link, device);
    Preconditions.checkArgument(count >= 0, "negative packet count %s", count);
    Preconditions.checkArgument(snapshotLength > 0, "snapshot length must be positive: %s", snapshotLength);
  }

  /** Everything on {@code device} ({@value Captures#ANY} included), as plain {@code tcpdump -i DEVICE}. */
  public static CaptureSpec of(String netns, String device) {
    LinkType link = device.equals(Captures.ANY) ? LinkType.LINUX_SLL2 : LinkType.ETHERNET;
    return new CaptureSpec(netns, device, link, CaptureFilter.ALL, CaptureDirection.INOUT, 0, true,
        PcapWriter.SNAPSHOT_LENGTH);
  }

  public CaptureSpec withFilter(CaptureFilter newFilter) {
    return new CaptureSpec(netns, device, link, newFilter, direction, count, promiscuous, snapshotLength);
  }

  public CaptureSpec withDirection(CaptureDirection newDirection) {
    return new CaptureSpec(netns, device, link, filter, newDirection, count, promiscuous, snapshotLength);
  }

  public CaptureSpec withCount(long newCount) {
    return new CaptureSpec(netns, device, link, filter, direction, newCount, promiscuous, snapshotLength);
  }

  public CaptureSpec withPromiscuous(boolean newPromiscuous) {
    return new CaptureSpec(netns, device, link, filter, direction, count, newPromiscuous, snapshotLength);
  }

  public CaptureSpec withSnapshotLength(int newSnapshotLength) {
    return new CaptureSpec(netns, device, link, filter, direction, count, promiscuous, newSnapshotLength);
  }

  public CaptureSpec withLink(LinkType newLink) {
    return new CaptureSpec(netns, device, newLink, filter, direction, count, promiscuous, snapshotLength);
  }

  /** Whether frames crossing {@code at} concern this capture. */
  boolean covers(TapPoint at) {
    return at.netns().equals(netns) && (device.equals(Captures.ANY) || device.equals(at.device()));
  }
}
