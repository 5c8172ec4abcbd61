package dev.netsim.sim.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.sim.shell.syntax.Script;
import dev.netsim.sim.shell.syntax.SyntaxError;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever text a user pastes, the runner answers with output, a not-simulated note or a syntax error with
 * a line number — never an exception, never without end.
 */
class HostileInputTest {
  private static final String ALPHABET = "ab $'\"\\`(){}[]|&;<>#*?!=-+\n\t%12EOF";

  @Test
  void randomTextNeverThrows() {
    long seed = 0x686f7374696c65L; // fixed, so that a failure reproduces
    Random random = new Random(seed);
    for (int i = 0; i < 3000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(60);
      for (int k = 0; k < length; k++) {
        text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      String script = text.toString();
      try {
        Script.parse(script);
      } catch (SyntaxError e) {
        assertThat(e.line()).as("seed %d: %s", seed, script).isBetween(1, script.split("\n", -1).length + 1);
        continue;
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + ": parsing " + script.replace("\n", "\\n"), e);
      }
      ShellFixture shell = new ShellFixture();
      try {
        RunResult result = shell.runMerged(script);
        assertThat(result.status()).isIn(0, 127);
      } catch (RuntimeException e) {
        throw new AssertionError("seed " + seed + ": running " + script.replace("\n", "\\n"), e);
      }
    }
  }

  @Test
  void aWordCannotGrowWithoutBound() {
    ShellFixture shell = new ShellFixture();
    shell.options = shell.options.withEcho(true);
    StringBuilder script = new StringBuilder("x=0123456789abcdef\n");
    for (int i = 0; i < 40; i++) {
      script.append("x=$x$x\n");
    }
    script.append("echo ${#x}\n");
    RunResult result = shell.runMerged(script.toString());
    assertThat(result.status()).isZero();
    assertThat(shell.out()).contains("netsim: not simulated: x=$x$x (a word of more than 16 MiB)");
  }

  @Test
  void aHugePrintfFieldIsRefused() {
    ShellFixture shell = new ShellFixture();
    shell.runMerged("printf '%999999999d\\n' 1\n");
    assertThat(shell.out()).startsWith("netsim: not simulated: printf");
  }
}
