package dev.netsim.sim.tools;

import dev.netsim.sim.World;
import dev.netsim.sim.shell.Tool;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the simple scripts kept under {@code kernel/topology/} (one command per line, {@code ;} between commands,
 * quotes, {@code sleep}, {@code echo}) against a {@link World} and writes the transcript the way
 * {@code ktools/ktrans} does: {@code $ LINE}, the output (stdout and stderr together), {@code [exit N]}.
 * A test stand-in for the real script runner.
 */
final class TranscriptRunner {
  private final World world;
  private final Map<String, Tool> tools;

  TranscriptRunner(World world, Map<String, Tool> tools) {
    this.world = world;
    this.tools = tools;
  }

  String run(String script) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    for (String line : script.split("\n", -1)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      stream.print("$ " + line + "\n");
      int status = 0;
      for (List<String> command : split(line)) {
        status = runCommand("", command, stream);
      }
      if (status != 0) {
        stream.print("[exit " + status + "]\n");
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  int runCommand(String netns, List<String> argv, PrintStream stream) {
    String name = argv.get(0);
    switch (name) {
      case "sleep" -> {
        world.clock().advance((long) (Double.parseDouble(argv.get(1)) * 1_000_000_000L));
        return 0;
      }
      case "echo" -> {
        stream.print(String.join(" ", argv.subList(1, argv.size())) + "\n");
        return 0;
      }
      case "true" -> {
        return 0;
      }
      default -> {
        Tool tool = tools.get(name);
        if (tool == null) {
          stream.print("netsim: not simulated: " + name + "\n");
          return 127;
        }
        return tool.run(new FakeInvocation(argv, world, netns, stream, this));
      }
    }
  }

  /** Splits a line into commands at unquoted {@code ;} and each command into words, removing quotes. */
  static List<List<String>> split(String line) {
    List<List<String>> commands = new ArrayList<>();
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (c == ';') {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
        if (!words.isEmpty()) {
          commands.add(words);
        }
        words = new ArrayList<>();
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    if (!words.isEmpty()) {
      commands.add(words);
    }
    return commands;
  }
}
