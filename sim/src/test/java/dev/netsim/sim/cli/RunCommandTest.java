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

/** {@code netsim run}: options, exit statuses and where output goes. */
class RunCommandTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String script(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file.toString();
  }

  @Test
  void runsAScriptToItsEndWhateverItsCommandsReturn() throws IOException {
    assertThat(run("run", script("a.sh", "echo 한국어\nfalse\ngrep x nofile\n"))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("한국어\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("grep: nofile: No such file or directory\n");
  }

  @Test
  void echoPrintsOneTranscriptOnStandardOutput() throws IOException {
    assertThat(run("run", "--echo", script("a.sh", "echo a\ngrep x nofile\n"))).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("$ echo a\na\n$ grep x nofile\ngrep: nofile: No such file or directory\n[exit 2]\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aScriptThatDoesNotParseExitsTwoWithTheLine() throws IOException {
    String file = script("bad.sh", "echo ran\ncat <<EOF\nno end\n");
    assertThat(run("run", file)).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("netsim: " + file + ": line 2: here-document delimited by end-of-file (wanted `EOF')\n");
  }

  @Test
  void aScriptThatCannotBeReadExitsTwo() {
    assertThat(run("run", dir.resolve("missing.sh").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("netsim: " + dir.resolve("missing.sh") + ": No such file or directory\n");
  }

  @Test
  void strictStopsWithOneHundredTwentySeven() throws IOException {
    String file = script("s.sh", "echo a\nyq .\necho b\n");
    assertThat(run("run", "--strict", file)).isEqualTo(127);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("netsim: not simulated: yq .\n"
        + "netsim: " + file + ": line 2: stopped: a command is not simulated (--strict)\n");
  }

  @Test
  void anUnknownPresetIsRejected() throws IOException {
    assertThat(run("run", "--preset", "nope", script("a.sh", "echo a\n"))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("netsim run: unknown preset `nope'");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void presetStartsFromTheDockerHost() throws IOException {
    String file = script("a.sh", "iptables -S FORWARD | head -2\nip -br addr show docker0\n");
    assertThat(run("run", "--preset", "docker-host", file)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
        "-P FORWARD DROP\n-A FORWARD -j DOCKER-USER\ndocker0          DOWN           172.17.0.1/16 \n");
  }

  @Test
  void presetOnTheCommandLineWinsOverTheScriptsHeader() throws IOException {
    String file = script("a.sh", "# netsim: --preset nope\niptables -S FORWARD | head -1\n");
    assertThat(run("run", "--preset=docker", file)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("-P FORWARD DROP\n");
    out.reset();
    assertThat(run("run", file)).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
        "netsim: " + file + ": line 1: unknown preset `nope'; known: docker, docker-host\n");
  }

  @Test
  void allowReadOpensAnotherFolderForReading() throws IOException {
    Path other = Files.createDirectories(dir.resolve("other"));
    Files.writeString(other.resolve("rules.v4"), "*filter\n");
    String file = script("a.sh", "cat " + other.resolve("rules.v4") + "\n");
    assertThat(run("run", "--allow-read=" + other, file)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("*filter\n");
  }

  @Test
  void usageErrors() {
    assertThat(run("run")).isEqualTo(2);
    assertThat(run("run", "--frobnicate", "x.sh")).isEqualTo(2);
    assertThat(run("run", "a.sh", "b.sh")).isEqualTo(2);
    assertThat(run("run", "--allow-read", dir.resolve("nope").toString(), "a.sh")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(
        "netsim run: no script given", "netsim run: unknown option `--frobnicate'",
        "netsim run: more than one script given", "netsim run: not a folder");
  }

  @Test
  void helpDocumentsTheOptionsAndTheExitStatuses() {
    assertThat(run("run", "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("--echo", "--trace", "--strict", "--preset NAME", "--allow-read DIR", "127", "┌─ trace");
  }

  @Test
  void svgWritesADiagramPerPacketShowingTheDropInFilterForward() throws IOException {
    String file = script("seed.sh", String.join("\n",
        "ip netns add RED", "ip netns add BLUE",
        "ip link add reth0 netns RED type veth peer name reth1",
        "ip link add beth0 netns BLUE type veth peer name beth1",
        "ip netns exec RED ip addr add 11.11.11.2/24 dev reth0",
        "ip netns exec BLUE ip addr add 11.11.11.3/24 dev beth0",
        "ip netns exec RED ip link set reth0 up", "ip netns exec BLUE ip link set beth0 up",
        "ip link add br0 type bridge", "ip link set reth1 master br0", "ip link set beth1 master br0",
        "ip link set reth1 up", "ip link set beth1 up", "ip link set br0 up",
        "iptables -P FORWARD DROP",
        "ip netns exec RED ping -c 1 -W 1 11.11.11.3", ""));
    Path svgs = dir.resolve("svg/out");

    assertThat(run("run", "--svg", svgs.toString(), file)).isZero();
    try (var files = Files.list(svgs)) {
      assertThat(files.map(path -> path.getFileName().toString()))
          .containsExactly("001-icmp-echo-request-11.11.11.2-11.11.11.3.svg");
    }
    String svg = Files.readString(svgs.resolve("001-icmp-echo-request-11.11.11.2-11.11.11.3.svg"));
    assertThat(svg).startsWith("<?xml").contains("<svg", "filter · policy DROP", "FORWARD");
  }

  @Test
  void svgNeedsAFolderItCanCreate() throws IOException {
    String file = script("a.sh", "echo a\n");
    Files.writeString(dir.resolve("plain"), "");

    assertThat(run("run", "--svg", dir.resolve("plain").toString(), file)).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("netsim run: cannot create folder `" + dir.resolve("plain") + "': File exists\n");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void svgWantsAnArgument() throws IOException {
    assertThat(run("run", script("a.sh", "echo a\n"), "--svg")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("netsim run: option `--svg' needs an argument\n");
  }
}
