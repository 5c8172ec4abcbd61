package dev.netsim.sim.conform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs scripts on the real kernel, as root, the safe way: each run is a bash harness (a resource of this
 * package) started under {@code unshare --net --mount --pid --fork --kill-child --mount-proc}, so the script's
 * "host" is a fresh network namespace, its named namespaces are bind mounts in a private tmpfs, and all of it
 * dies with the harness's process tree. A shutdown hook kills a run that is still going when the JVM is
 * interrupted; a run that outlives {@link #TIMEOUT_SECONDS} is killed too.
 */
public final class KernelRunner {
  /** The longest one run of one script may take. */
  public static final long TIMEOUT_SECONDS = 120;

  private static final List<String> UNSHARE = List.of("unshare", "--net", "--mount", "--pid", "--fork",
      "--kill-child", "--mount-proc", "--propagation", "private", "bash");

  private final Path harness;

  private KernelRunner(Path harness) {
    this.harness = harness;
  }

  /**
   * Checks that this process is root and that the tools are there; returns what is missing (empty when the
   * kernel side can run).
   */
  public static List<String> missingPrerequisites() {
    List<String> missing = new ArrayList<>();
    if (!"0".equals(output("id", "-u").strip())) {
      missing.add("root (run as root: the kernel side creates network namespaces)");
    }
    for (String tool : List.of("unshare", "ip", "iptables", "conntrack", "nc", "bash")) {
      if (output("bash", "-c", "command -v " + tool).isBlank()) {
        missing.add(tool);
      }
    }
    if (missing.stream().noneMatch(m -> m.equals("iptables")) && !output("iptables", "-V").contains("nf_tables")) {
      missing.add("iptables with nf_tables (`iptables -V` does not say nf_tables)");
    }
    return missing;
  }

  /** A runner; the caller checked {@link #missingPrerequisites()}. */
  public static KernelRunner create() throws IOException {
    Path harness = Files.createTempFile("netsim-kernel-harness", ".sh");
    harness.toFile().deleteOnExit();
    try (InputStream in = KernelRunner.class.getResourceAsStream("kernel-harness.sh")) {
      if (in == null) {
        throw new IllegalStateException("kernel-harness.sh is missing from the netsim jar");
      }
      Files.write(harness, in.readAllBytes());
    }
    return new KernelRunner(harness);
  }

  /** Runs {@code script} once on the kernel; returns its transcript text. */
  public String run(Path script) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(UNSHARE);
    command.add(harness.toString());
    command.add(script.toAbsolutePath().toString());
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Thread killer = new Thread(() -> destroyTree(process));
    Runtime.getRuntime().addShutdownHook(killer);
    try {
      process.getOutputStream().close();
      byte[][] output = new byte[1][];
      Thread reader = new Thread(() -> {
        try {
          output[0] = process.getInputStream().readAllBytes();
        } catch (IOException e) {
          output[0] = new byte[0];
        }
      });
      reader.start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        destroyTree(process);
        throw new IOException(script + ": killed after " + TIMEOUT_SECONDS + " s on the kernel");
      }
      reader.join();
      return new String(output[0], StandardCharsets.UTF_8);
    } finally {
      Runtime.getRuntime().removeShutdownHook(killer);
    }
  }

  /** Kills unshare; --kill-child takes the harness (pid 1 of its pid namespace) and so everything else. */
  private static void destroyTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /**
   * What the machine's own namespace shows: its named namespaces and its interfaces. Taken before and after a
   * conform run, it proves nothing leaked.
   */
  public static String rootNamespaceSnapshot() {
    return output("ip", "netns", "list") + "\n" + output("bash", "-c", "ip -o link | cut -d: -f2");
  }

  private static String output(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(10, TimeUnit.SECONDS);
      return p.exitValue() == 0 ? text : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    } catch (IllegalThreadStateException e) {
      return "";
    }
  }
}
