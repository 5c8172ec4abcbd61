package dev.netsim.sim.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No escape: what a script may read and write, through tools, redirections and {@link FileAccess}. */
class SandboxTest {
  @TempDir
  Path root;

  private Path work;
  private Path scripts;
  private Path outside;
  private final ShellFixture shell = new ShellFixture();

  @BeforeEach
  void folders() throws IOException {
    work = Files.createDirectories(root.resolve("work"));
    scripts = Files.createDirectories(root.resolve("scripts"));
    outside = Files.createDirectories(root.resolve("outside"));
    Files.writeString(work.resolve("here.txt"), "in the working folder\n");
    Files.writeString(scripts.resolve("rules.v4"), "next to the script\n");
    Files.writeString(outside.resolve("secret"), "secret\n");
    shell.options = RunOptions.defaults().withEcho(true).withFiles(FilePolicy.in(work));
    shell.scriptDir = scripts;
    shell.sysctls.put(":net/ipv4/ip_forward", "0");
    shell.sysctls.put("RED:net/ipv4/ip_forward", "1");
    shell.namespaces.add("RED");
  }

  private String run(String script) {
    shell.runMerged(script);
    return shell.out();
  }

  @Test
  void cannotReadSystemFilesThroughCatOrARedirection() {
    assertThat(run("cat /etc/passwd\ncat < /etc/passwd\ngrep root /etc/passwd\nwc -l /etc/shadow\n")).isEqualTo("""
        $ cat /etc/passwd
        cat: /etc/passwd: Permission denied
        [exit 1]
        $ cat < /etc/passwd
        bash: /etc/passwd: Permission denied
        [exit 1]
        $ grep root /etc/passwd
        grep: /etc/passwd: Permission denied
        [exit 2]
        $ wc -l /etc/shadow
        wc: /etc/shadow: Permission denied
        [exit 1]
        """);
  }

  @Test
  void readsTheWorkingFolderThenNextToTheScript() {
    assertThat(run("cat here.txt rules.v4\ncat missing\n")).isEqualTo("""
        $ cat here.txt rules.v4
        in the working folder
        next to the script
        $ cat missing
        cat: missing: No such file or directory
        [exit 1]
        """);
  }

  @Test
  void relativePathsCannotClimbOut() {
    assertThat(run("cat ../outside/secret\ncat " + outside.resolve("secret") + "\n"))
        .contains("cat: ../outside/secret: Permission denied", "cat: " + outside.resolve("secret") + ": Permission denied")
        .doesNotContain("secret\n$");
  }

  @Test
  void aFolderNamedWithAllowReadCanBeRead() {
    shell.options = shell.options.withFiles(FilePolicy.in(work).allowRead(outside));
    assertThat(run("cat " + outside.resolve("secret") + "\n")).endsWith("secret\n");
  }

  @Test
  void aSymbolicLinkCannotLeadOut() throws IOException {
    Files.createSymbolicLink(work.resolve("link"), outside.resolve("secret"));
    Files.createSymbolicLink(work.resolve("dirlink"), outside);
    assertThat(run("cat link\necho x > link\necho y > dirlink/new\n")).isEqualTo("""
        $ cat link
        cat: link: Permission denied
        [exit 1]
        $ echo x > link
        bash: link: Permission denied
        [exit 1]
        $ echo y > dirlink/new
        bash: dirlink/new: Permission denied
        [exit 1]
        """);
    assertThat(Files.readString(outside.resolve("secret"))).isEqualTo("secret\n");
    assertThat(outside.resolve("new")).doesNotExist();
  }

  @Test
  void writesOnlyInsideTheWorkingFolder() {
    assertThat(run("echo a > out.txt; echo b >> out.txt; cat out.txt\necho x > ../outside/y\necho x > /tmp/netsim-x\n"
        + "echo x > " + scripts.resolve("z") + "\necho x > nofolder/file\n")).isEqualTo("""
        $ echo a > out.txt; echo b >> out.txt; cat out.txt
        a
        b
        $ echo x > ../outside/y
        bash: ../outside/y: Permission denied
        [exit 1]
        $ echo x > /tmp/netsim-x
        bash: /tmp/netsim-x: Permission denied
        [exit 1]
        $ echo x > %s
        bash: %s: Permission denied
        [exit 1]
        $ echo x > nofolder/file
        bash: nofolder/file: No such file or directory
        [exit 1]
        """.formatted(scripts.resolve("z"), scripts.resolve("z")));
    assertThat(work.resolve("out.txt")).hasContent("a\nb");
    assertThat(outside.resolve("y")).doesNotExist();
    assertThat(scripts.resolve("z")).doesNotExist();
  }

  @Test
  void devNullWorksForReadsAndWrites() {
    assertThat(run("echo gone > /dev/null; cat /dev/null; wc -l < /dev/null\n")).endsWith("0\n");
  }

  @Test
  void procSysIsTheSimulatedSysctlsOfTheCurrentNamespace() {
    assertThat(run("""
        cat /proc/sys/net/ipv4/ip_forward
        echo 1 > /proc/sys/net/ipv4/ip_forward
        cat /proc/sys/net/ipv4/ip_forward
        echo abc > /proc/sys/net/ipv4/ip_forward
        /bin/echo abc > /proc/sys/net/ipv4/ip_forward
        echo 5 > /proc/sys/net/ipv4/nonexist
        cat /proc/sys/net/ipv4/nonexist
        cat /proc/sys/net/ipv4
        nsenter --net=/var/run/netns/RED
        cat /proc/sys/net/ipv4/ip_forward
        echo 0 > /proc/sys/net/ipv4/ip_forward
        exit
        cat /var/run/netns/RED
        """)).isEqualTo("""
        $ cat /proc/sys/net/ipv4/ip_forward
        0
        $ echo 1 > /proc/sys/net/ipv4/ip_forward
        $ cat /proc/sys/net/ipv4/ip_forward
        1
        $ echo abc > /proc/sys/net/ipv4/ip_forward
        bash: echo: write error: Invalid argument
        [exit 1]
        $ /bin/echo abc > /proc/sys/net/ipv4/ip_forward
        /bin/echo: write error: Invalid argument
        [exit 1]
        $ echo 5 > /proc/sys/net/ipv4/nonexist
        bash: /proc/sys/net/ipv4/nonexist: No such file or directory
        [exit 1]
        $ cat /proc/sys/net/ipv4/nonexist
        cat: /proc/sys/net/ipv4/nonexist: No such file or directory
        [exit 1]
        $ cat /proc/sys/net/ipv4
        cat: /proc/sys/net/ipv4: Is a directory
        [exit 1]
        $ nsenter --net=/var/run/netns/RED
        $ cat /proc/sys/net/ipv4/ip_forward
        1
        $ echo 0 > /proc/sys/net/ipv4/ip_forward
        $ exit
        $ cat /var/run/netns/RED
        cat: /var/run/netns/RED: Invalid argument
        [exit 1]
        """);
    assertThat(shell.sysctls).containsEntry(":net/ipv4/ip_forward", "1").containsEntry("RED:net/ipv4/ip_forward", "0");
  }

  @Test
  void withFileAccessOffNoRealFileIsTouched() throws IOException {
    shell.options = shell.options.withFiles(FilePolicy.off());
    assertThat(run("cat here.txt\necho x > new.txt\ncat /proc/sys/net/ipv4/ip_forward\necho ok > /dev/null\n"))
        .isEqualTo("""
            $ cat here.txt
            cat: here.txt: Permission denied
            [exit 1]
            $ echo x > new.txt
            bash: new.txt: Permission denied
            [exit 1]
            $ cat /proc/sys/net/ipv4/ip_forward
            0
            $ echo ok > /dev/null
            """);
    assertThat(work.resolve("new.txt")).doesNotExist();
  }

  @Test
  void fileAccessDirectly() throws IOException {
    Sandbox files = new Sandbox(FilePolicy.in(work), scripts, shell.host, "");
    assertThat(files.exists("here.txt")).isTrue();
    assertThat(files.exists("rules.v4")).isTrue();
    assertThat(files.exists("/etc/passwd")).isFalse();
    assertThat(files.exists("/var/run/netns/RED")).isTrue();
    assertThat(files.exists("/run/netns/BLUE")).isFalse();
    assertThat(files.exists("/proc/sys/net/ipv4/ip_forward")).isTrue();
    assertThatThrownBy(() -> files.read("/etc/passwd")).isInstanceOf(IOException.class).hasMessage("Permission denied");
    assertThatThrownBy(() -> files.read(".")).hasMessage("Is a directory");
    assertThatThrownBy(() -> files.read("")).hasMessage("No such file or directory");
  }

  @Test
  void aFileLargerThanTheLimitIsRefused() throws IOException {
    try (var channel = Files.newByteChannel(work.resolve("huge"),
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE)) {
      channel.position(Sandbox.MAX_FILE_BYTES + 1).write(java.nio.ByteBuffer.wrap(new byte[] {1}));
    }
    assertThat(run("cat huge\n")).isEqualTo("$ cat huge\ncat: huge: File too large\n[exit 1]\n");
  }

  @Test
  void aFifoIsRefusedInsteadOfBlocking() throws Exception {
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", work.resolve("pipe").toString()).start();
    } catch (IOException e) {
      org.junit.jupiter.api.Assumptions.abort("no mkfifo on this machine");
      return;
    }
    org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
    assertThat(run("cat pipe\ncat < pipe\n")).isEqualTo("""
        $ cat pipe
        cat: pipe: Permission denied
        [exit 1]
        $ cat < pipe
        bash: pipe: Permission denied
        [exit 1]
        """);
  }
}
