package dev.netsim.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpListsTheCommands() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("run FILE", "conform", "bench");
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("netsim: unknown command `frobnicate'");
  }

  /** Standard output that breaks: something no user input can cause, so it is netsim's internal error. */
  private static PrintStream broken() {
    return new PrintStream(new OutputStream() {
      @Override
      public void write(int b) {
        throw new IllegalStateException("output broke");
      }
    }, true, StandardCharsets.UTF_8);
  }

  @Test
  void anUnexpectedExceptionIsAnInternalErrorWithoutAStackTrace() {
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(Main.run(new String[] {"--help"}, broken(), errStream, false)).isEqualTo(70);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
        "netsim: internal error: java.lang.IllegalStateException: output broke"
            + " (NETSIM_DEBUG=1 shows where; please report it)\n");
  }

  @Test
  void withDebugAnInternalErrorShowsWhereItHappened() {
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(Main.run(new String[] {"--help"}, broken(), errStream, true)).isEqualTo(70);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("netsim: internal error: java.lang.IllegalStateException: output broke\n")
        .contains("\tat dev.netsim.sim.cli.Main.");
  }
}
