package dev.netsim.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongKeyMapTest {
  @Test
  void behavesLikeAHashMapUnderRandomOperations() {
    Random random = new Random(7);
    Map<Long, Integer> reference = new HashMap<>();
    LongKeyMap<Integer> map = new LongKeyMap<>();
    for (int i = 0; i < 50_000; i++) {
      long key = random.nextInt(500) * 0x1_0000_0001L;
      if (random.nextBoolean()) {
        assertThat(map.remove(key)).isEqualTo(reference.remove(key) != null);
      } else {
        map.put(key, i);
        reference.put(key, i);
      }
      assertThat(map.size()).isEqualTo(reference.size());
    }
    for (Map.Entry<Long, Integer> entry : reference.entrySet()) {
      assertThat(map.get(entry.getKey())).isEqualTo(entry.getValue());
    }
    assertThat(map.keys()).hasSize(reference.size());
    map.clear();
    assertThat(map.size()).isZero();
    assertThat(map.get(0)).isNull();
  }
}
