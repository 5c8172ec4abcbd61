package dev.netsim.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netsim.rules.ext.target.StandardTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RuleListTest {
  private static Rule rule(int id) {
    return new Rule(id, new RuleSpec(IpHeader.ANY, List.of(), new StandardTarget(StandardTarget.Kind.ACCEPT)));
  }

  @Test
  void randomEditsAgreeWithAPlainList() {
    Random random = new Random(42);
    RuleList list = RuleList.EMPTY;
    List<Rule> expected = new ArrayList<>();
    int nextId = 0;
    for (int step = 0; step < 5_000; step++) {
      int choice = random.nextInt(10);
      if (choice < 5 || expected.isEmpty()) {
        int index = random.nextInt(expected.size() + 1);
        Rule rule = rule(nextId++);
        list = list.inserted(index, rule);
        expected.add(index, rule);
      } else if (choice < 8) {
        int index = random.nextInt(expected.size());
        list = list.removed(index);
        expected.remove(index);
      } else if (choice < 9) {
        int index = random.nextInt(expected.size());
        Rule rule = rule(nextId++);
        list = list.replaced(index, rule);
        expected.set(index, rule);
      } else {
        List<Rule> more = new ArrayList<>();
        for (int i = random.nextInt(700); i > 0; i--) {
          more.add(rule(nextId++));
        }
        list = list.appendedAll(more);
        expected.addAll(more);
      }
      if (step % 500 == 0) {
        assertThat(list).isEqualTo(expected);
      }
    }
    assertThat(list).hasSize(expected.size()).isEqualTo(expected);
    for (int i = 0; i < expected.size(); i += 97) {
      assertThat(list.get(i)).isSameAs(expected.get(i));
    }
  }

  @Test
  void changedCopiesLeaveTheOriginalAlone() {
    RuleList original = RuleList.of(List.of(rule(1), rule(2), rule(3)));
    RuleList inserted = original.inserted(1, rule(4));
    RuleList removed = original.removed(0);
    RuleList replaced = original.replaced(2, rule(5));
    assertThat(original).extracting(Rule::id).containsExactly(1, 2, 3);
    assertThat(inserted).extracting(Rule::id).containsExactly(1, 4, 2, 3);
    assertThat(removed).extracting(Rule::id).containsExactly(2, 3);
    assertThat(replaced).extracting(Rule::id).containsExactly(1, 2, 5);
    assertThat(original.removed(0).removed(0).removed(0)).isEmpty();
  }

  @Test
  void isAnEqualListAndRefusesBadIndexes() {
    List<Rule> plain = List.of(rule(1), rule(2));
    RuleList list = RuleList.of(plain);
    assertThat(list).isEqualTo(plain);
    assertThat(list.hashCode()).isEqualTo(plain.hashCode());
    assertThat(RuleList.of(list)).isSameAs(list);
    assertThatThrownBy(() -> list.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> list.inserted(3, rule(3))).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> list.removed(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> list.inserted(0, null)).isInstanceOf(NullPointerException.class);
  }
}
