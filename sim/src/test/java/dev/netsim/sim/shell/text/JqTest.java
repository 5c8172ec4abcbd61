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

/** {@code jq .} against what jq 1.6 (Debian 12) printed for the same input. */
class JqTest {
  private static String run(String script) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new ScriptRunner(ToolRegistry.builder().add(new TextTools()).build())
        .run(script, "t.sh", null, ShellHost.clockOnly(new World()), RunOptions.defaults(), out, out);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void prettyPrintsEachValueAsJq16Does() {
    String input = "{\"a\":[1,2,{}],\"b\":\"x\\u003cy & z\",\"c\":null,\"d\":[],\"e\":1.50,\"f\":true,"
        + "\"g\":{\"h\":\"\\u00e9\\t\\u0001\"}} [1e20,12345678901234567890,1e-5,0.1,-2.5e-7,0,-0.0,123456.789] \"s\"";
    assertThat(run("jq <<'END'\n" + input + "\nEND\n")).isEqualTo("""
        {
          "a": [
            1,
            2,
            {}
          ],
          "b": "x<y & z",
          "c": null,
          "d": [],
          "e": 1.5,
          "f": true,
          "g": {
            "h": "é\\t\\u0001"
          }
        }
        [
          1e+20,
          12345678901234567000,
          1e-05,
          0.1,
          -2.5e-07,
          0,
          -0,
          123456.789
        ]
        "s"
        """);
  }

  @Test
  void otherFiltersAndInputThatIsNotJsonAreNotSimulated() {
    assertThat(run("echo '{}' | jq .a\necho nope | jq .\necho '' | jq .\n")).isEqualTo("""
        netsim: not simulated: jq .a
        netsim: not simulated: jq . (input that is not JSON)
        """);
  }
}
