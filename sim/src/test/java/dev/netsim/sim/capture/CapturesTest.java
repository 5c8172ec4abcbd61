package dev.netsim.sim.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.core.packet.EthernetFrame;
import dev.netsim.core.value.Mac;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapturesTest {
  private final Captures captures = new Captures();
  private final List<CapturedFrame> frames = new ArrayList<>();
  private final EthernetFrame echo = SampleFrames.all().get(3);

  @Test
  void capturesOnlyTheirInterfaceOrTheirWholeNamespace() {
    captures.start(CaptureSpec.of("", "br0"), FrameSink.collect(frames));
    captures.start(CaptureSpec.of("RED", Captures.ANY), FrameSink.collect(frames));

    captures.received(SeedBridge.RETH1, echo, 1);
    captures.received(SeedBridge.BR0, echo, 2);
    captures.transmitted(SeedBridge.RETH0, echo, 3);

    assertThat(frames).extracting(frame -> frame.at().device() + " " + frame.type())
        .containsExactly("br0 OTHERHOST", "reth0 OUTGOING");
    assertThat(captures.watching("", "br0")).isTrue();
    assertThat(captures.watching("", "reth1")).isFalse();
    assertThat(captures.watching("RED", "reth0")).isTrue();
  }

  @Test
  void onlyANamedNonPDeviceCaptureMakesTheDevicePromiscuous() {
    captures.start(CaptureSpec.of("", Captures.ANY), FrameSink.collect(frames));
    assertThat(captures.promiscuous("", "br0")).isFalse();

    Capture quiet = captures.start(CaptureSpec.of("", "br0").withPromiscuous(false), FrameSink.collect(frames));
    assertThat(captures.promiscuous("", "br0")).isFalse();

    Capture loud = captures.start(CaptureSpec.of("", "br0"), FrameSink.collect(frames));
    assertThat(captures.promiscuous("", "br0")).isTrue();
    loud.stop();
    quiet.stop();
    assertThat(captures.promiscuous("", "br0")).isFalse();
    assertThat(captures.running()).hasSize(1);
  }

  @Test
  void loopbackShowsTheReceivedCopyAndCountsBoth() {
    TapPoint lo = TapPoint.loopback("", 1);
    EthernetFrame local = SampleFrames.all().stream().filter(f -> f.src().bits() == 0).findFirst().orElseThrow();
    Capture capture = captures.start(CaptureSpec.of("", Captures.ANY), FrameSink.collect(frames));

    captures.transmitted(lo, local, 1);
    captures.received(lo, local, 1);

    assertThat(frames).extracting(CapturedFrame::type).containsExactly(PacketType.HOST);
    assertThat(capture.captured()).isEqualTo(1);
    assertThat(capture.receivedByFilter()).isEqualTo(2);
  }

  @Test
  void aCountStopsTheCaptureAndTellsWhy() throws FilterSyntaxException {
    List<Capture.End> ends = new ArrayList<>();
    Capture capture = captures.start(CaptureSpec.of("", "br0").withCount(1).withFilter(CaptureFilter.parse("icmp")),
        FrameSink.collect(frames), ended -> ends.add(ended.end()));

    captures.received(SeedBridge.BR0, SampleFrames.all().get(0), 1);
    captures.received(SeedBridge.BR0, echo, 2);
    captures.received(SeedBridge.BR0, echo, 3);

    assertThat(frames).hasSize(1);
    assertThat(capture.running()).isFalse();
    assertThat(ends).containsExactly(Capture.End.COUNT_REACHED);
    capture.stop();
    assertThat(ends).hasSize(1);
  }

  @Test
  void classifiesReceivedFramesAsTheKernelDoes() {
    TapPoint port = SeedBridge.RETH1;

    assertThat(CapturedFrame.received(port, SampleFrames.all().get(0), 0).type()).isEqualTo(PacketType.BROADCAST);
    assertThat(CapturedFrame.received(port, echo, 0).type()).isEqualTo(PacketType.OTHERHOST);
    assertThat(CapturedFrame.received(TapPoint.ethernet("", "x", 9, echo.dst()), echo, 0).type())
        .isEqualTo(PacketType.HOST);
    assertThat(PacketType.classify(false, Mac.parse("33:33:00:00:00:16"), port.mac()))
        .isEqualTo(PacketType.MULTICAST);
  }
}
