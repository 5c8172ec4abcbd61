package dev.netsim.sim.capture;

import dev.netsim.core.packet.ArpPacket;
import dev.netsim.core.packet.EthernetFrame;
import dev.netsim.core.packet.Icmp;
import dev.netsim.core.packet.Ipv4Packet;
import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Mac;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The seed's section 1.2 (RED and BLUE on br0, filter FORWARD policy DROP) as the packet engine will report
 * it to a {@link CaptureTap}, following the tap's contract; the addresses are those of the real run the tests
 * compare with. Also a {@link TcpdumpHost} for it, with files in memory.
 */
final class SeedBridge implements TcpdumpHost {
  static final Mac RED = Mac.parse("8a:e5:9b:c5:d2:c5");
  static final Mac BLUE = Mac.parse("f2:5e:f8:8b:9c:3e");
  static final TapPoint RETH0 = TapPoint.ethernet("RED", "reth0", 2, RED);
  static final TapPoint BETH0 = TapPoint.ethernet("BLUE", "beth0", 2, BLUE);
  static final TapPoint RETH1 = TapPoint.ethernet("", "reth1", 2, Mac.parse("62:7f:3a:55:6c:0e"));
  static final TapPoint BETH1 = TapPoint.ethernet("", "beth1", 3, Mac.parse("06:cb:6f:9b:d8:27"));
  static final TapPoint BR0 = TapPoint.ethernet("", "br0", 4, Mac.parse("2a:55:b9:b8:b2:31"));
  private static final Ipv4 RED_IP = Ipv4.parse("11.11.11.2");
  private static final Ipv4 BLUE_IP = Ipv4.parse("11.11.11.3");
  private static final List<TapPoint> DEVICES = List.of(RETH0, BETH0, RETH1, BETH1, BR0);

  final Captures captures = new Captures();
  final Map<String, ByteArrayOutputStream> files = new HashMap<>();
  long nanos = 1_000_000_000L;

  /** RED asks who has BLUE's address; the bridge floods the request; BLUE answers. */
  void arpExchange() {
    ArpPacket request = ArpPacket.request(RED, RED_IP, BLUE_IP);
    EthernetFrame broadcast = new EthernetFrame(RED, Mac.BROADCAST, request);
    captures.transmitted(RETH0, broadcast, nanos);
    captures.received(RETH1, broadcast, nanos);
    captures.transmitted(BETH1, broadcast, nanos);
    captures.received(BETH0, broadcast, nanos);
    captures.received(BR0, broadcast, nanos);
    nanos += 20_000;
    EthernetFrame reply = new EthernetFrame(BLUE, RED, request.reply(BLUE));
    captures.transmitted(BETH0, reply, nanos);
    captures.received(BETH1, reply, nanos);
    captures.transmitted(RETH1, reply, nanos);
    captures.received(RETH0, reply, nanos);
    bridgeDeviceSeesIfPromiscuous(reply);
    nanos += 10_000;
  }

  /** RED pings BLUE; br_netfilter runs filter FORWARD, whose policy DROP ends the echo request. */
  void pingDroppedInForward(int id, int seq) {
    EthernetFrame echo = new EthernetFrame(RED, BLUE,
        Ipv4Packet.of(RED_IP, BLUE_IP, Icmp.echoRequest(id, seq, 56)));
    captures.transmitted(RETH0, echo, nanos);
    captures.received(RETH1, echo, nanos);
    // Dropped by FORWARD: never transmitted on beth1. A promiscuous br0 still gets its copy.
    bridgeDeviceSeesIfPromiscuous(echo);
    nanos += 200_000_000L;
  }

  private void bridgeDeviceSeesIfPromiscuous(EthernetFrame unicast) {
    if (captures.promiscuous(BR0.netns(), BR0.device())) {
      captures.received(BR0, unicast, nanos);
    }
  }

  @Override
  public Captures captures() {
    return captures;
  }

  @Override
  public boolean deviceExists(String netns, String device) {
    return device.equals("lo") || DEVICES.stream().anyMatch(d -> d.netns().equals(netns) && d.device().equals(device));
  }

  @Override
  public String defaultDevice(String netns) {
    return DEVICES.stream().filter(d -> d.netns().equals(netns)).map(TapPoint::device).findFirst().orElse(null);
  }

  @Override
  public String deviceName(String netns, int ifindex) {
    return DEVICES.stream().filter(d -> d.netns().equals(netns) && d.ifindex() == ifindex)
        .map(TapPoint::device).findFirst().orElse(null);
  }

  @Override
  public OutputStream createFile(String path) throws FileNotFoundException {
    if (path.startsWith("/nonexistent/")) {
      throw new FileNotFoundException("No such file or directory");
    }
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    files.put(path, file);
    return file;
  }

  @Override
  public InputStream openFile(String path) throws FileNotFoundException {
    ByteArrayOutputStream file = files.get(path);
    if (file == null) {
      throw new FileNotFoundException("No such file or directory");
    }
    return new ByteArrayInputStream(file.toByteArray());
  }

  @Override
  public void runWhile(BooleanSupplier waiting) {}
}
