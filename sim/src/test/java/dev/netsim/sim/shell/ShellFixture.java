package dev.netsim.sim.shell;

import dev.netsim.sim.World;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs scripts for tests: standard tools, a world whose sysctls are a map, named namespaces as given,
 * and captured output (one merged transcript, or standard output and error apart).
 */
final class ShellFixture {
  final World world = new World();
  final Map<String, String> sysctls = new HashMap<>();
  final java.util.Set<String> namespaces = new java.util.HashSet<>();
  final ToolRegistry.Builder tools = ToolRegistry.builder().add(new dev.netsim.sim.shell.text.TextTools());
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();
  RunOptions options = RunOptions.defaults();
  Path scriptDir;

  /** A fake /proc/sys: keys "netns:key"; a write of a non-number to a known key is refused. */
  final ProcSys procSys = new ProcSys() {
    @Override
    public String read(String netns, String key) throws IOException {
      String value = sysctls.get(netns + ":" + key);
      if (value == null) {
        throw new IOException(sysctls.keySet().stream().anyMatch(k -> k.startsWith(netns + ":" + key + "/"))
            ? "Is a directory" : "No such file or directory");
      }
      return value;
    }

    @Override
    public void write(String netns, String key, String value) throws IOException {
      read(netns, key);
      if (!value.matches("-?[0-9]+")) {
        throw new IOException("Invalid argument");
      }
      sysctls.put(netns + ":" + key, value);
    }
  };

  final ShellHost host = new ShellHost() {
    @Override
    public World world() {
      return world;
    }

    @Override
    public ProcSys procSys() {
      return procSys;
    }

    @Override
    public boolean netnsExists(String name) {
      return namespaces.contains(name);
    }

    @Override
    public void advanceTo(long atNanos) {
      world.clock().advanceTo(atNanos);
    }
  };

  /** Runs with standard output and error merged, as {@code netsim run --echo} prints them. */
  RunResult runMerged(String script) {
    PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
    return new ScriptRunner(tools.build()).run(script, "test.sh", scriptDir, host, options, stream, stream);
  }

  /** Runs with standard output and error apart. */
  RunResult run(String script) {
    return new ScriptRunner(tools.build()).run(script, "test.sh", scriptDir, host, options,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }
}
