package dev.netsim.core.topo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PersistentMapTest {
  @Test
  void behavesLikeAHashMapUnderRandomOperations() {
    Random random = new Random(42);
    Map<String, Integer> reference = new HashMap<>();
    PersistentMap<String, Integer> map = PersistentMap.empty();
    for (int i = 0; i < 20_000; i++) {
      String key = "k" + random.nextInt(3000);
      if (random.nextInt(3) == 0) {
        reference.remove(key);
        map = map.remove(key);
      } else {
        reference.put(key, i);
        map = map.put(key, i);
      }
      assertThat(map.size()).isEqualTo(reference.size());
    }
    for (int i = 0; i < 3000; i++) {
      assertThat(map.get("k" + i)).isEqualTo(reference.get("k" + i));
    }
    Map<String, Integer> visited = new HashMap<>();
    map.forEach(visited::put);
    assertThat(visited).isEqualTo(reference);
  }

  @Test
  void updatesLeaveEarlierVersionsIntact() {
    PersistentMap<String, Integer> one = PersistentMap.<String, Integer>empty().put("a", 1);
    PersistentMap<String, Integer> two = one.put("a", 2).put("b", 3);
    assertThat(one.get("a")).isEqualTo(1);
    assertThat(one.get("b")).isNull();
    assertThat(two.get("a")).isEqualTo(2);
    assertThat(two.remove("a").get("b")).isEqualTo(3);
    assertThat(two.get("a")).isEqualTo(2);
  }

  @Test
  void keepsKeysWithEqualHashesApart() {
    // "Aa" and "BB" have the same String.hashCode()
    PersistentMap<String, Integer> map = PersistentMap.<String, Integer>empty().put("Aa", 1).put("BB", 2);
    assertThat(map.get("Aa")).isEqualTo(1);
    assertThat(map.get("BB")).isEqualTo(2);
    assertThat(map.remove("Aa").get("BB")).isEqualTo(2);
    assertThat(map.remove("Aa").get("Aa")).isNull();
    assertThat(map.remove("Aa").remove("BB").size()).isZero();
  }
}
