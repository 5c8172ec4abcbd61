package dev.netsim.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.core.value.Mac;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BridgeFdbTest {
  private static final long S = 1_000_000_000L;
  private static final Mac RED = Mac.parse("6e:23:aa:2c:08:8c");
  private static final Mac BLUE = Mac.parse("6a:a9:50:c6:eb:9a");
  private static final Mac PORT1 = Mac.parse("ce:52:64:2e:e2:f5");
  private static final int RETH1 = 2;
  private static final int BETH1 = 3;

  private final BridgeFdb fdb = new BridgeFdb();

  BridgeFdbTest() {
    fdb.setLocal(Map.of(PORT1, RETH1));
  }

  @Test
  void learnsSourcesAndForwardsToThem() {
    assertThat(fdb.forward(BLUE, 0)).isEqualTo(BridgeFdb.FLOOD);
    fdb.learn(RETH1, RED, 0);
    fdb.learn(BETH1, BLUE, S);
    assertThat(fdb.forward(BLUE, 2 * S)).isEqualTo(BETH1);
    assertThat(fdb.forward(RED, 2 * S)).isEqualTo(RETH1);
    assertThat(fdb.learned(2 * S)).extracting(FdbEntry::mac).containsExactly(BLUE, RED);
  }

  @Test
  void floodsBroadcastAndMulticastAndDeliversLocalAddressesUp() {
    fdb.learn(RETH1, RED, 0);
    assertThat(fdb.forward(Mac.BROADCAST, 0)).isEqualTo(BridgeFdb.FLOOD);
    assertThat(fdb.forward(Mac.parse("01:00:5e:00:00:01"), 0)).isEqualTo(BridgeFdb.FLOOD);
    assertThat(fdb.forward(Mac.parse("33:33:00:00:00:01"), 0)).isEqualTo(BridgeFdb.FLOOD);
    assertThat(fdb.forward(PORT1, 0)).isEqualTo(BridgeFdb.LOCAL);
  }

  @Test
  void doesNotLearnGroupOrOwnAddresses() {
    fdb.learn(RETH1, Mac.parse("01:00:5e:00:00:01"), 0);
    fdb.learn(BETH1, PORT1, 0);
    fdb.learn(BETH1, Mac.ZERO, 0);
    assertThat(fdb.learned(0)).isEmpty();
  }

  @Test
  void stationsMoveAndAgeOut() {
    fdb.learn(RETH1, RED, 0);
    fdb.learn(BETH1, RED, 10 * S);
    assertThat(fdb.forward(RED, 10 * S)).isEqualTo(BETH1);
    // traffic to a station does not refresh it; only frames from it do
    assertThat(fdb.forward(RED, 300 * S)).isEqualTo(BETH1);
    assertThat(fdb.forward(RED, 311 * S)).isEqualTo(BridgeFdb.FLOOD);
    assertThat(fdb.learned(311 * S)).isEmpty();
    fdb.setAgeingTime(5 * S);
    fdb.learn(RETH1, BLUE, 400 * S);
    assertThat(fdb.forward(BLUE, 404 * S)).isEqualTo(RETH1);
    assertThat(fdb.forward(BLUE, 406 * S)).isEqualTo(BridgeFdb.FLOOD);
  }

  @Test
  void forgettingAPortDropsItsStations() {
    fdb.learn(RETH1, RED, 0);
    fdb.learn(BETH1, BLUE, 0);
    fdb.forgetPort(RETH1);
    assertThat(fdb.learned(0)).extracting(FdbEntry::port).containsExactly(BETH1);
  }
}
