package dev.netsim.sim.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netsim.core.packet.EthernetFrame;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {
  @Test
  void decodingWhatTheEncoderWroteGivesTheFrameBack() throws FrameDecoder.UnsupportedFrameException {
    for (EthernetFrame frame : SampleFrames.all()) {
      assertThat(FrameDecoder.ethernet(FrameEncoder.frameBytes(frame))).as("%s", frame).isEqualTo(frame);
    }
  }

  @Test
  void framesNetsimDoesNotModelAreRefused() {
    // An IPv6 router solicitation from a real capture.
    byte[] ipv6 = HexFormat.of().parseHex("3333000000022a55b9b8b23186dd6000000000103afffe8000000000000028"
        + "55b9fffeb8b231ff0200000000000000000000000000028500");
    assertThatThrownBy(() -> FrameDecoder.ethernet(ipv6))
        .isInstanceOf(FrameDecoder.UnsupportedFrameException.class).hasMessage("ethertype 0x86dd");
    assertThatThrownBy(() -> FrameDecoder.ethernet(new byte[10]))
        .isInstanceOf(FrameDecoder.UnsupportedFrameException.class);
  }
}
