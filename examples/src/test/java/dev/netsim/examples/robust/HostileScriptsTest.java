package dev.netsim.examples.robust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.core.topo.Topology;
import dev.netsim.sim.World;
import dev.netsim.sim.cli.Main;
import dev.netsim.sim.shell.RunOptions;
import dev.netsim.sim.shell.RunResult;
import dev.netsim.sim.shell.ScriptRunner;
import dev.netsim.sim.shell.ToolRegistry;
import dev.netsim.sim.tools.SimulatedHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever a user pastes, {@code netsim run} ends with 0 (the script ran to its end), 2 (it does not parse:
 * nothing ran) or, with {@code --strict}, 127 (something not simulated) — never an internal error or a Java
 * exception. The input: the conformance suite's scripts with lines and words dropped, doubled, swapped,
 * replaced and cut short, and random bytes; a fixed seed and number of cases keep runs reproducible and
 * bounded. A failed {@code ip} command leaves the machine's topology as it was.
 */
class HostileScriptsTest {
  private static final long SEED = 0x726f62757374L;
  private static final Path SUITE = Path.of("conformance");
  /** Shell and tool words that reach corners: metacharacters, limits, empty words, odd bytes. */
  private static final String[] ODD_WORDS = {"", "''", "\"", "'", "\\", "$", "${", "$(", "`", "|", "&", ";", ";;",
      "&&", "||", "<", ">", ">>", "<<EOF", "2>&1", "(", ")", "{", "}", "!", "#", "-", "--", "0", "-1", "65536",
      "4294967296", "99999999999999999999", "0x", "1.2.3.4/33", "300.1.1.1", "ff:ff", "dev", "netns", "exec",
      "type", "veth", "bridge", "peer", "name", "master", "up", "down", "via", "default", "add", "del", "\u00e9",
      "\u0663", "x".repeat(40), "$$", "$?", "%s", "*", "~", "/etc/passwd", "..", "/proc/sys/net/ipv4/ip_forward"};

  private static final List<List<String>> SCRIPTS = new ArrayList<>();
  private static final List<String> IP_LINES = new ArrayList<>();

  @TempDir
  Path work;

  @BeforeAll
  static void corpus() throws IOException {
    try (Stream<Path> files = Files.list(SUITE)) {
      for (Path script : files.filter(p -> p.toString().endsWith(".sh")).sorted().toList()) {
        List<String> lines = Files.readAllLines(script);
        SCRIPTS.add(lines);
        lines.stream().filter(line -> line.startsWith("ip ")).forEach(IP_LINES::add);
      }
    }
    assertThat(SCRIPTS).hasSizeGreaterThan(20);
    assertThat(IP_LINES).hasSizeGreaterThan(200);
  }

  private static String randomWord(Random random) {
    if (random.nextBoolean()) {
      return ODD_WORDS[random.nextInt(ODD_WORDS.length)];
    }
    List<String> line = List.of(IP_LINES.get(random.nextInt(IP_LINES.size())).split(" "));
    return line.get(random.nextInt(line.size()));
  }

  /** {@code items} with one random edit (sometimes two or three): drop, double, swap, replace or insert one. */
  private static <T> List<T> mutate(Random random, List<T> items, java.util.function.Supplier<T> another) {
    List<T> result = new ArrayList<>(items);
    int edits = random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1;
    for (int e = 0; e < edits && !result.isEmpty(); e++) {
      int at = random.nextInt(result.size());
      switch (random.nextInt(5)) {
        case 0 -> result.remove(at);
        case 1 -> result.add(at, result.get(at));
        case 2 -> {
          int other = random.nextInt(result.size());
          T item = result.get(at);
          result.set(at, result.get(other));
          result.set(other, item);
        }
        case 3 -> result.set(at, another.get());
        default -> result.add(at, another.get());
      }
    }
    return result;
  }

  private static String mutatedLine(Random random, String line) {
    return String.join(" ", mutate(random, List.of(line.split(" ")), () -> randomWord(random)));
  }

  /** Runs {@code netsim run [--strict] --echo FILE}; checks the outcome is one a user may see. */
  private void runsToACleanEnd(String text, boolean strict, String what) throws IOException {
    Path file = work.resolve("pasted.sh");
    Files.writeString(file, text);
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    List<String> args = new ArrayList<>(List.of("run", "--echo"));
    if (strict) {
      args.add("--strict");
    }
    args.add(file.toString());
    int status = Main.run(args.toArray(String[]::new), new PrintStream(outBytes, true, StandardCharsets.UTF_8),
        new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    String out = outBytes.toString(StandardCharsets.UTF_8);
    String err = errBytes.toString(StandardCharsets.UTF_8);
    String described = what + "\n--- script\n" + text + "\n--- stderr\n" + err;
    assertThat(status).as(described).isIn(strict ? List.of(0, 2, 127) : List.of(0, 2));
    assertThat(out + err).as(described).doesNotContain("internal error", "Exception", "\tat ");
    if (status == 2) {
      assertThat(out).as("%s: a script that does not parse runs nothing", described).isEmpty();
      assertThat(err).as(described).startsWith("netsim: ");
    }
  }

  @Test
  void mutatedSuiteScriptsEndCleanly() throws IOException {
    Random random = new Random(SEED);
    for (int i = 0; i < 150; i++) {
      List<String> script = SCRIPTS.get(random.nextInt(SCRIPTS.size()));
      List<String> lines = random.nextBoolean()
          ? mutate(random, script, () -> mutatedLine(random, IP_LINES.get(random.nextInt(IP_LINES.size()))))
          : new ArrayList<>(script);
      for (int k = random.nextInt(4); k > 0; k--) {
        int at = random.nextInt(lines.size());
        lines.set(at, mutatedLine(random, lines.get(at)));
      }
      String text = String.join("\n", lines) + "\n";
      if (random.nextInt(5) == 0) {
        text = text.substring(0, random.nextInt(text.length() + 1)); // pasted only in part
      }
      runsToACleanEnd(text, random.nextInt(3) == 0, "case " + i);
    }
  }

  @Test
  void randomBytesEndCleanly() throws IOException {
    Random random = new Random(SEED);
    for (int i = 0; i < 200; i++) {
      byte[] bytes = new byte[random.nextInt(300)];
      random.nextBytes(bytes);
      runsToACleanEnd(new String(bytes, StandardCharsets.ISO_8859_1), random.nextBoolean(), "case " + i);
    }
  }

  @Test
  void aFailedIpCommandLeavesTheTopologyAsItWas() {
    World world = new World();
    SimulatedHost host = new SimulatedHost(world);
    ScriptRunner runner = new ScriptRunner(ToolRegistry.standard());
    PrintStream discard = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    // a starting machine with namespaces, a veth pair, a bridge and addresses for the commands to refer to
    runner.run(String.join("\n", SCRIPTS.get(1)) + "\n", "setup.sh", null, host, RunOptions.defaults(), discard,
        discard);
    Random random = new Random(SEED);
    int failed = 0;
    int failedLinkAdds = 0;
    for (int i = 0; i < 3000; i++) {
      String line = mutatedLine(random, IP_LINES.get(random.nextInt(IP_LINES.size())));
      world.change(editor -> {}); // timers due now (link state, neighbour chatter) run first, not in the case
      Topology before = world.topology();
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
      RunResult result;
      try {
        result = runner.run(line + "\n", "line.sh", null, host, RunOptions.defaults(), out, out);
      } catch (RuntimeException e) {
        throw new AssertionError("case " + i + ": " + line + " threw " + e, e);
      }
      String output = bytes.toString(StandardCharsets.UTF_8);
      assertThat(output).as("case %d: %s", i, line).doesNotContain("Exception", "\tat ");
      boolean oneCommandFailed = result.diagnostic() == null && result.blocks().size() == 1
          && result.blocks().get(0).status() != 0 && !line.matches(".*[;&|].*")
          && !List.of(line.split(" ")).contains("exec"); // a command run by ip netns exec may fail part way
      if (oneCommandFailed) {
        failed++;
        failedLinkAdds += line.startsWith("ip link add ") ? 1 : 0;
        assertThat(world.topology()).as("case %d: %s failed with\n%s but changed the topology", i, line, output)
            .isSameAs(before);
      }
    }
    assertThat(failed).isGreaterThan(500);
    assertThat(failedLinkAdds).isGreaterThan(50);
  }
}
