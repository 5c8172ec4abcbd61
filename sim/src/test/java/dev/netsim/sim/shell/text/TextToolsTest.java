package dev.netsim.sim.shell.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.sim.World;
import dev.netsim.sim.shell.RunOptions;
import dev.netsim.sim.shell.ScriptRunner;
import dev.netsim.sim.shell.ShellHost;
import dev.netsim.sim.shell.ToolRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What the ktrans transcripts cannot show: bash's messages with their {@code bash:} prefix (ktrans shows
 * its own wrapper's prefix), forms netsim reports as not simulated, and the registration itself.
 */
class TextToolsTest {
  private static String run(String script) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new ScriptRunner(ToolRegistry.builder().add(new TextTools()).build())
        .run(script, "t.sh", null, ShellHost.clockOnly(new World()), RunOptions.defaults().withEcho(true), out, out);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void registersTheTextToolsUnderTheirNames() {
    assertThat(ToolRegistry.builder().add(new TextTools()).build().toolNames())
        .containsExactly("cat", "echo", "false", "grep", "head", "jq", "printf", "sort", "tail", "true", "wc", "whoami");
  }

  @Test
  void printfReportsInvalidNumbersAsBashDoes() {
    assertThat(run("printf '%d\\n' abc\nprintf '%d\\n' 12abc\nprintf '%y'\nprintf 'a%5'\n")).isEqualTo("""
        $ printf '%d\\n' abc
        bash: printf: abc: invalid number
        0
        [exit 1]
        $ printf '%d\\n' 12abc
        bash: printf: 12abc: invalid number
        12
        [exit 1]
        $ printf '%y'
        bash: printf: `y': invalid format character
        [exit 1]
        $ printf 'a%5'
        abash: printf: `%5': missing format character
        [exit 1]
        """);
  }

  @Test
  void formsThatWouldNeverEndOrReachOutsideAreNotSimulated() {
    assertThat(run("tail -f x\ngrep -r x /\nprintf -v v x\nsort -o out\n")).isEqualTo("""
        $ tail -f x
        netsim: not simulated: tail -f x
        [exit 127]
        $ grep -r x /
        netsim: not simulated: grep -r x /
        [exit 127]
        $ printf -v v x
        netsim: not simulated: printf -v v x
        [exit 127]
        $ sort -o out
        netsim: not simulated: sort -o out
        [exit 127]
        """);
  }

  @Test
  void grepLeftmostLongestAndWholeWords() {
    assertThat(run("echo 'abcd foo_bar foo' | grep -oE '(a|ab)(c|bcd)?|foo'\n"))
        .isEqualTo("$ echo 'abcd foo_bar foo' | grep -oE '(a|ab)(c|bcd)?|foo'\nabcd\nfoo\na\nfoo\n");
    assertThat(run("echo 'foo_bar foo' | grep -ow foo\n")).endsWith("\nfoo\n");
  }
}
