package dev.netsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  @TempDir
  Path dir;

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpDescribesTheOptions() {
    assertThat(run("bench", "--help")).isZero();
    assertThat(out()).contains("--rules FILE", "--trace FILE", "--random N", "--quick", "--chain TABLE:CHAIN");
  }

  @Test
  void rulesAreRequired() {
    assertThat(run("bench", "--quick")).isEqualTo(2);
    assertThat(err()).isEqualTo("netsim bench: no rules given: use --rules FILE or --generate SET\n"
        + "Try `netsim bench --help' for more information.\n");
  }

  @Test
  void unknownOptionsAndMissingValuesAreUsageErrors() {
    assertThat(run("bench", "--fast")).isEqualTo(2);
    assertThat(err()).startsWith("netsim bench: unknown option `--fast'\n");
    err.reset();
    assertThat(run("bench", "--rules")).isEqualTo(2);
    assertThat(err()).startsWith("netsim bench: option `--rules' needs an argument\n");
    err.reset();
    assertThat(run("bench", "--generate", "docker:3", "--random", "0")).isEqualTo(2);
    assertThat(err()).startsWith("netsim bench: --random wants a positive number of packets, not `0'\n");
    err.reset();
    assertThat(run("bench", "--generate", "docker:3", "--random", "5", "--trace", "t")).isEqualTo(2);
    assertThat(err()).startsWith("netsim bench: --trace and --random cannot be used together\n");
    err.reset();
    assertThat(run("bench", "--generate", "docker:3", "--rules", "r")).isEqualTo(2);
    assertThat(err()).startsWith("netsim bench: --rules and --generate cannot be used together\n");
    err.reset();
    assertThat(run("bench", "--generate", "nginx:3")).isEqualTo(2);
    assertThat(err()).startsWith("netsim bench: unknown rule set `nginx:3': use docker:N or kube:N\n");
    err.reset();
    assertThat(run("bench", "--generate", "docker:3", "--chain", "filter:PREROUTING")).isEqualTo(2);
    assertThat(err()).startsWith("netsim bench: --chain wants a table and one of its built-in chains, e.g. "
        + "filter:FORWARD, not `filter:PREROUTING'\n");
    assertThat(out()).isEmpty();
  }

  @Test
  void unreadableOrInvalidInputIsReported() throws IOException {
    Path missing = dir.resolve("missing.rules");
    assertThat(run("bench", "--rules", missing.toString())).isEqualTo(2);
    assertThat(err()).isEqualTo("netsim bench: " + missing + ": No such file or directory\n");
    err.reset();
    Path broken = dir.resolve("broken.rules");
    Files.writeString(broken, "*filter\n-A FORWARD -p tcp --dport 99999 -j ACCEPT\nCOMMIT\n");
    assertThat(run("bench", "--rules", broken.toString())).isEqualTo(2);
    assertThat(err()).startsWith("netsim bench: " + broken + ": iptables-restore");
    err.reset();
    Path trace = dir.resolve("trace");
    Files.writeString(trace, "1 2 3 4 6\n1 2 three 4 6\n");
    assertThat(run("bench", "--generate", "docker:2", "--trace", trace.toString())).isEqualTo(2);
    assertThat(err()).isEqualTo("netsim bench: " + trace + ": line 2: `three' is not an unsigned number up to 65535\n");
    err.reset();
    assertThat(run("bench", "--generate", "docker:2", "--chain", "nat:PREROUTING")).isEqualTo(2);
    assertThat(err()).isEqualTo("netsim bench: docker:2 has no chain nat:PREROUTING\n");
  }

  @Test
  void measuresEveryEvaluatorOnARuleFile() throws IOException {
    Path rules = dir.resolve("host.rules");
    Files.writeString(rules, """
        *filter
        :INPUT DROP [0:0]
        :FORWARD ACCEPT [0:0]
        :OUTPUT ACCEPT [0:0]
        -A INPUT -i lo -j ACCEPT
        -A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
        -A INPUT -s 192.0.2.0/24 -j DROP
        COMMIT
        """);
    assertThat(run("bench", "--rules", rules.toString(), "--random", "500", "--quick")).isZero();
    assertThat(out()).startsWith("rules: " + rules + ", 3 rules reachable from filter:INPUT\n"
        + "packets: 500, random, aimed at the rules\n"
        + "check: reference, linear and compiled agree on every packet and counter\n");
    assertThat(out()).containsPattern("\nreference: [0-9.]+ ns/packet \\([0-9]+ packets/s\\)\n"
        + "linear: [0-9.]+ ns/packet \\([0-9]+ packets/s\\)\n"
        + "compiled: [0-9.]+ ns/packet \\([0-9]+ packets/s\\)\n"
        + "speedup vs reference: [0-9.]+x\n$");
    assertThat(err()).isEmpty();
  }
}
