package dev.netsim.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.rules.ext.OptionSpec.Arg;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GetoptTest {
  private static final List<Getopt.LongOption> LONG = List.of(
      new Getopt.LongOption("append", Arg.REQUIRED, 'A'),
      new Getopt.LongOption("destination", Arg.REQUIRED, 'd'),
      new Getopt.LongOption("dport", Arg.REQUIRED, "tcp"),
      new Getopt.LongOption("destination-port", Arg.REQUIRED, "tcp"),
      new Getopt.LongOption("verbose", Arg.NONE, 'v'),
      new Getopt.LongOption("wait", Arg.OPTIONAL, 'w'));

  /** Every result until END, as short text. */
  private static List<String> parse(String... words) {
    List<String> argv = new ArrayList<>(List.of("iptables"));
    argv.addAll(List.of(words));
    Getopt getopt = new Getopt(argv, "A:d:vnw::");
    List<String> results = new ArrayList<>();
    while (true) {
      Getopt.Result result = getopt.next(LONG);
      switch (result.kind()) {
        case END -> {
          return results;
        }
        case SHORT -> results.add("-" + result.shortName() + (result.optarg() != null ? "=" + result.optarg() : ""));
        case LONG -> results.add("--" + result.longOption().name()
            + (result.optarg() != null ? "=" + result.optarg() : ""));
        case NONOPTION -> results.add("word " + result.optarg());
        case UNKNOWN -> results.add("unknown " + result.text());
        case MISSING_ARGUMENT -> results.add("missing " + result.text());
      }
    }
  }

  @Test
  void shortOptionsClusterAndTakeArgumentsInlineOrNext() {
    assertThat(parse("-vnAINPUT", "-d", "1.2.3.4", "x")).containsExactly("-v", "-n", "-A=INPUT", "-d=1.2.3.4",
        "word x");
    assertThat(parse("-w", "5", "-w5")).containsExactly("-w", "word 5", "-w=5");
    assertThat(parse("-x", "-A")).containsExactly("unknown -x", "missing -A");
  }

  @Test
  void longOptionsTakeUniquePrefixes() {
    assertThat(parse("--app", "INPUT", "--verb", "--wait=3", "--wait")).containsExactly("--append=INPUT",
        "--verbose", "--wait=3", "--wait");
    // an exact name wins over longer ones; entries of one option owner are not ambiguous with each other
    assertThat(parse("--destination", "1.1.1.1", "--dp", "22", "--destination-p", "23"))
        .containsExactly("--destination=1.1.1.1", "--dport=22", "--destination-port=23");
    assertThat(parse("--d", "x")).containsExactly("unknown --d", "word x");
    assertThat(parse("--verbose=1", "--append")).containsExactly("unknown --verbose=1", "missing --append");
    assertThat(parse("--", "-v")).isEmpty();
  }
}
