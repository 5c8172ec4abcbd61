package dev.netsim.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties of the value parsers, on seeded random input (a fixed seed and number of cases, so a failure
 * reproduces and the run takes the same time): any text either parses or is refused with an
 * {@link InvalidValueException} naming the part that is wrong, never another exception; only ASCII parses;
 * whatever parses prints back to text that parses to the same value; and every value prints to text that
 * parses back to it.
 */
class ValueParsersPropertyTest {
  private static final long SEED = 0x6e657473696dL;
  private static final int CASES = 20_000;

  /** Characters the parsers care about, plus look-alikes: Arabic-Indic and fullwidth digits, a fullwidth A. */
  private static final String ALPHABET = "0123456789012345.../:::abcdefABCDEF-+ xg\t\n٣٦０１Ａ";

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(24);
    for (int i = 0; i < length; i++) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }

  /** A valid text of the value, mutated a little: one character changed, dropped or doubled. */
  private static String mutated(Random random, String valid) {
    if (valid.isEmpty()) {
      return randomText(random);
    }
    int at = random.nextInt(valid.length());
    char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    return switch (random.nextInt(3)) {
      case 0 -> valid.substring(0, at) + c + valid.substring(at + 1);
      case 1 -> valid.substring(0, at) + valid.substring(at + 1);
      default -> valid.substring(0, at) + valid.charAt(at) + valid.substring(at);
    };
  }

  /** Checks the parse properties of {@code parser} on random and mutated texts. */
  private static <T> void parsesOrRefusesCleanly(Function<String, T> parser, Function<Random, T> randomValue) {
    Random random = new Random(SEED);
    for (int i = 0; i < CASES; i++) {
      String text = i % 2 == 0 ? randomText(random) : mutated(random, randomValue.apply(random).toString());
      T value;
      try {
        value = parser.apply(text);
      } catch (InvalidValueException e) {
        assertThat(text).as("the refused part named by `%s'", e.getMessage()).contains(e.text());
        assertThat(e.getMessage()).contains("`" + e.text() + "'");
        continue;
      } catch (RuntimeException e) {
        throw new AssertionError("case " + i + ": `" + text + "' threw " + e, e);
      }
      assertThat(text.chars().allMatch(c -> c < 128)).as("`%s' parsed, but is not ASCII", text).isTrue();
      assertThat(parser.apply(value.toString())).as("`%s' printed as `%s'", text, value).isEqualTo(value);
    }
  }

  /** Every value prints to text that parses back to it. */
  private static <T> void roundTrips(Function<String, T> parser, Function<Random, T> randomValue) {
    Random random = new Random(SEED);
    for (int i = 0; i < CASES; i++) {
      T value = randomValue.apply(random);
      assertThat(parser.apply(value.toString())).as("%s", value).isEqualTo(value);
    }
  }

  private static Ipv4 randomAddress(Random random) {
    return Ipv4.of(random.nextInt());
  }

  private static Ipv4Prefix randomPrefix(Random random) {
    return random.nextInt(8) == 0
        ? new Ipv4Prefix(random.nextInt(), random.nextInt())
        : Ipv4Prefix.of(randomAddress(random), random.nextInt(33));
  }

  private static Mac randomMac(Random random) {
    return new Mac(random.nextLong() & 0xffff_ffff_ffffL);
  }

  private static Protocol randomProtocol(Random random) {
    return new Protocol(random.nextInt(256));
  }

  @Test
  void addresses() {
    parsesOrRefusesCleanly(Ipv4::parse, ValueParsersPropertyTest::randomAddress);
    roundTrips(Ipv4::parse, ValueParsersPropertyTest::randomAddress);
    Random random = new Random(SEED);
    for (int i = 0; i < CASES; i++) {
      String text = randomText(random);
      boolean parses;
      try {
        Ipv4.parse(text);
        parses = true;
      } catch (InvalidValueException e) {
        parses = false;
      }
      assertThat(Ipv4.isValid(text)).as("isValid(`%s') agrees with parse", text).isEqualTo(parses);
    }
  }

  @Test
  void prefixes() {
    parsesOrRefusesCleanly(Ipv4Prefix::parse, ValueParsersPropertyTest::randomPrefix);
    roundTrips(Ipv4Prefix::parse, ValueParsersPropertyTest::randomPrefix);
  }

  @Test
  void macAddresses() {
    parsesOrRefusesCleanly(Mac::parse, ValueParsersPropertyTest::randomMac);
    roundTrips(Mac::parse, ValueParsersPropertyTest::randomMac);
    roundTrips(text -> Mac.parse(text.toUpperCase(java.util.Locale.ROOT)), ValueParsersPropertyTest::randomMac);
  }

  @Test
  void protocols() {
    parsesOrRefusesCleanly(Protocol::parse, ValueParsersPropertyTest::randomProtocol);
    for (int number = 0; number < 256; number++) {
      Protocol protocol = new Protocol(number);
      assertThat(Protocol.parse(protocol.toString())).as("%d printed as %s", number, protocol).isEqualTo(protocol);
      assertThat(Protocol.parse(Integer.toString(number))).isEqualTo(protocol);
    }
  }

  @Test
  void portRangesHoldOnlyPorts() {
    Random random = new Random(SEED);
    for (int i = 0; i < CASES; i++) {
      int low = random.nextInt(70_000) - 1000;
      int high = random.nextInt(70_000) - 1000;
      boolean valid = low >= 0 && high <= 65535 && low <= high;
      if (valid) {
        PortRange range = new PortRange(low, high);
        assertThat(range.contains(low) && range.contains(high) && !range.contains(high + 1)).isTrue();
        assertThat(range.toString()).isEqualTo(low == high ? Integer.toString(low) : low + ":" + high);
      } else {
        assertThatThrownBy(() -> new PortRange(low, high)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("bad port range " + low + ":" + high);
      }
    }
  }

  /** Digits of other scripts are not numbers to iptables or ip, which read ASCII only. */
  @ParameterizedTest
  @ValueSource(strings = {"١٠.0.0.1", "10.0.0.0/٢٤", "10.0.0.0/２４", "02:42:ac:11:00:0Ａ", "٦", "１７"})
  void digitsOfOtherScriptsAreRefused(String text) {
    for (Function<String, ?> parser : java.util.List.<Function<String, ?>>of(Ipv4Prefix::parse, Mac::parse,
        Protocol::parse)) {
      assertThatThrownBy(() -> parser.apply(text)).isInstanceOf(InvalidValueException.class);
    }
  }
}
