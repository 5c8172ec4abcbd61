package dev.netsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.sim.shell.FilePolicy;
import dev.netsim.sim.shell.RunOptions;
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
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A script runs nothing on the machine and reads only what its policy allows, through every tool that
 * takes a file: the real simulated machine (all standard tools) against the machine's own
 * {@code /etc/passwd}, through names, redirections, links and {@code /proc/sys/..} tricks. And netsim's own
 * code holds no way out: no process, socket or name lookup outside the kernel runner of
 * {@code netsim conform --kernel}, and no file access outside the sandbox and the command line.
 */
class NoEscapeTest {
  /** What /etc/passwd holds on any Linux machine, and no simulated output ever does. */
  private static final String PASSWD_CONTENT = "root:x:0:0";

  @TempDir
  Path root;

  private Path work;
  private final World world = new World();

  @BeforeEach
  void folders() throws IOException {
    work = Files.createDirectories(root.resolve("work"));
    Files.createSymbolicLink(work.resolve("rules.v4"), Path.of("/etc/passwd"));
    Files.createSymbolicLink(work.resolve("etc"), Path.of("/etc"));
  }

  /** The links lead out of the temporary folder: removed here, so that cleaning it up does not warn. */
  @AfterEach
  void removeLinks() throws IOException {
    Files.delete(work.resolve("rules.v4"));
    Files.delete(work.resolve("etc"));
  }

  private String run(FilePolicy files, String script) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new ScriptRunner(ToolRegistry.standard()).run(script, "escape.sh", work, new SimulatedHost(world),
        RunOptions.defaults().withEcho(true).withFiles(files), out, out);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void noToolReadsASystemFile() {
    String attempts = """
        cat /etc/passwd
        cat < /etc/passwd
        cat ../../../../../../etc/passwd
        cat /proc/sys/../../etc/passwd
        cat /proc/sys/net/../../../etc/passwd
        cat /proc/self/environ
        cat rules.v4
        cat etc/passwd
        iptables-restore < /etc/passwd
        iptables-restore /etc/passwd
        iptables-restore < rules.v4
        iptables-restore rules.v4
        iptables-restore < etc/passwd
        grep root /etc/passwd
        head -1 /etc/passwd; tail -1 /etc/passwd; wc -l /etc/passwd; sort /etc/passwd
        echo "$(cat /etc/passwd)"
        sh -c 'cat /etc/passwd'
        bash -c "cat < /etc/passwd"
        ip netns add X
        ip netns exec X cat /etc/passwd
        nsenter --net=/var/run/netns/X cat /etc/passwd
        sudo cat /etc/passwd
        tcpdump -r /etc/passwd
        curl file:///etc/passwd
        curl -s file:///etc/passwd
        source /etc/passwd
        . /etc/passwd
        """;
    for (FilePolicy files : List.of(FilePolicy.in(work), FilePolicy.off())) {
      String transcript = run(files, attempts);
      assertThat(transcript).as("with %s", files).doesNotContain(PASSWD_CONTENT).contains(
          "cat: /etc/passwd: Permission denied", "bash: /etc/passwd: Permission denied",
          "cat: /proc/sys/../../etc/passwd: Permission denied", "cat: /proc/self/environ: Permission denied",
          "cat: rules.v4: Permission denied", "cat: etc/passwd: Permission denied",
          "Can't open /etc/passwd: Permission denied", "Can't open rules.v4: Permission denied",
          "bash: rules.v4: Permission denied", "grep: /etc/passwd: Permission denied");
    }
  }

  @Test
  void noToolWritesOutsideTheWorkingFolder() throws IOException {
    Path outside = Files.createDirectories(root.resolve("outside"));
    Files.createSymbolicLink(work.resolve("out"), outside);
    String transcript = run(FilePolicy.in(work), """
        echo x > %1$s/a
        echo x >> ../outside/b
        echo x > out/c
        echo x 2> out/d
        echo x &> out/e
        iptables-save > out/f
        iptables-save -f %1$s/g
        tcpdump -w %1$s/h -c 1
        tee out/i < /dev/null
        """.formatted(outside));
    assertThat(transcript).contains("Permission denied");
    try (Stream<Path> files = Files.list(outside)) {
      assertThat(files).isEmpty();
    }
  }

  /** APIs that reach beyond the process: other processes, the network, name lookups, live capture. */
  private static final Pattern OUTSIDE = Pattern.compile("ProcessBuilder|Runtime\\.getRuntime\\(\\)\\.exec"
      + "|java\\.net\\.(Socket|ServerSocket|DatagramSocket|URL|HttpURLConnection|NetworkInterface)\\b"
      + "|java\\.nio\\.channels\\.(Socket|ServerSocket|Datagram)Channel|java\\.net\\.http|openConnection"
      + "|InetAddress\\.getBy(Name|AllByName)|getAllByName|org\\.pcap4j\\.core|System\\.loadLibrary|ProcessHandle");
  /** APIs that touch real files. */
  private static final Pattern FILES = Pattern.compile("java\\.nio\\.file\\.Files|java\\.io\\.File(InputStream|"
      + "OutputStream|Reader|Writer)?\\b|RandomAccessFile|FileChannel");

  /**
   * {@code Captures.recordPcap(s)}, {@code TraceDiagrams.attach} (behind {@code netsim run --svg DIR}) and the
   * ClassBench readers (behind {@code netsim bench --rules/--trace}, and the benchmarks).
   */
  private static final Set<String> JAVA_CALLER_CHOOSES_THE_FILE = Set.of(
      "dev/netsim/sim/capture/Captures.java", "dev/netsim/sim/diagram/TraceDiagrams.java",
      "dev/netsim/rules/workload/HeaderTrace.java", "dev/netsim/rules/workload/RuleSets.java");

  @Test
  void netsimsOwnCodeHasNoWayOut() throws IOException {
    List<String> offences = new ArrayList<>();
    for (String module : List.of("../core", "../rules", ".")) {
      Path sources = Path.of(module, "src/main/java");
      assertThat(sources).isDirectory();
      try (Stream<Path> files = Files.walk(sources)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String name = sources.relativize(file).toString();
          String text = Files.readString(file);
          // the one place that runs real programs: netsim conform --kernel, which the user asks for by name
          if (OUTSIDE.matcher(text).find() && !name.equals("dev/netsim/sim/conform/KernelRunner.java")) {
            offences.add(name + " reaches outside the process");
          }
          // real files: the sandbox (for scripts), the command line (the script named) and conform, and the two
          // Java calls that write where their caller names (no tool a script runs reaches them)
          if (FILES.matcher(text).find() && !name.equals("dev/netsim/sim/shell/Sandbox.java")
              && !name.startsWith("dev/netsim/sim/cli/") && !name.startsWith("dev/netsim/sim/conform/")
              && !JAVA_CALLER_CHOOSES_THE_FILE.contains(name)) {
            offences.add(name + " touches real files outside the sandbox");
          }
        }
      }
    }
    assertThat(offences).isEmpty();
  }
}
