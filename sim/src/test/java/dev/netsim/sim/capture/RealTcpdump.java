package dev.netsim.sim.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the real tcpdump on a pcap file that netsim wrote, so tests compare netsim's lines with tcpdump's
 * own. Without tcpdump on the machine the test is skipped, except under CI (environment variable {@code CI}
 * set), which installs tcpdump: there a missing binary fails the test.
 */
final class RealTcpdump {
  private RealTcpdump() {}

  /** {@code tcpdump -r FILE ARGS...} in UTC; its standard output lines (exit status must be 0). */
  static List<String> read(Path file, String... args) {
    Result result = run(file, args);
    assertThat(result.status).as("tcpdump -r %s %s: %s", file, String.join(" ", args), result.stderr).isZero();
    return result.stdout;
  }

  /** The standard error of {@code tcpdump -r FILE ARGS...}. */
  static String stderr(Path file, String... args) {
    return run(file, args).stderr;
  }

  private record Result(int status, List<String> stdout, String stderr) {}

  private static Result run(Path file, String... args) {
    List<String> command = new ArrayList<>(List.of("tcpdump", "-r", file.toString()));
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("TZ", "UTC");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      if (System.getenv("CI") == null) {
        Assumptions.abort("the real tcpdump is not installed (apt-get install tcpdump)");
      }
      throw new AssertionError("the real tcpdump must be installed for this test (apt-get install tcpdump)", e);
    }
    try {
      process.getOutputStream().close();
      byte[] out = process.getInputStream().readAllBytes();
      byte[] err = process.getErrorStream().readAllBytes();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("tcpdump did not finish: " + command);
      }
      String stdout = new String(out, StandardCharsets.ISO_8859_1);
      List<String> lines = stdout.isEmpty() ? List.of() : List.of(stdout.split("\n", -1));
      if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
        lines = lines.subList(0, lines.size() - 1);
      }
      return new Result(process.exitValue(), lines, new String(err, StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new AssertionError("reading tcpdump's output failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
