package dev.netsim.sim.shell;

import dev.netsim.sim.shell.syntax.Block;
import dev.netsim.sim.shell.syntax.Script;
import dev.netsim.sim.shell.syntax.SyntaxError;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a script — shell-like lines such as a tutorial's session — against a simulated machine, writing
 * what each command prints to the given streams, in order, as a terminal would show it.
 *
 * <p>The whole script is parsed first: one that cannot be parsed runs nothing (status 2). A failing
 * command does not stop the script (bash without {@code set -e}); with {@link RunOptions#strict()} a
 * command netsim does not simulate does (status 127). Nothing ever runs on the real machine.
 *
 * <pre>{@code
 * RunResult result = new ScriptRunner(ToolRegistry.standard())
 *     .run(text, "seed.sh", scriptDir, host, RunOptions.defaults().withEcho(true), System.out, System.out);
 * }</pre>
 */
public final class ScriptRunner {
  private final ToolRegistry tools;

  public ScriptRunner(ToolRegistry tools) {
    this.tools = Objects.requireNonNull(tools, "tools");
  }

  /**
   * Parses and runs {@code text}. A leading {@code # netsim: --preset NAME} comment selects the preset when
   * {@code options} name none; an unknown one is an error (status 2) like a syntax error.
   *
   * @param name the script's name in diagnostics (a file name, or "-" for standard input)
   * @param scriptDir the folder a relative read falls back to, or null
   * @param out where commands' standard output goes (and, with echo, the transcript lines)
   * @param err where commands' standard error goes (pass {@code out} for one merged transcript)
   * @throws IllegalArgumentException if {@code options} name a preset the registry does not have
   */
  public RunResult run(String text, String name, Path scriptDir, ShellHost host, RunOptions options, PrintStream out,
      PrintStream err) {
    Script script;
    try {
      script = Script.parse(text);
    } catch (SyntaxError e) {
      return new RunResult(2, diagnostic(name, e), List.of());
    }
    RunOptions effective = options;
    if (options.preset() == null) {
      ScriptHeader header;
      try {
        header = ScriptHeader.of(text);
      } catch (IllegalArgumentException e) {
        return new RunResult(2, name + ": " + e.getMessage(), List.of());
      }
      if (header.preset() != null) {
        if (tools.preset(header.preset()).isEmpty()) {
          return new RunResult(2, name + ": line " + header.line() + ": unknown preset `" + header.preset() + "'; known: "
              + String.join(", ", tools.presetNames()), List.of());
        }
        effective = options.withPreset(header.preset());
      }
    }
    return run(script, name, scriptDir, host, effective, out, err);
  }

  /** Runs an already parsed script; see {@link #run(String, String, Path, ShellHost, RunOptions, PrintStream, PrintStream)}. */
  public RunResult run(Script script, String name, Path scriptDir, ShellHost host, RunOptions options, PrintStream out,
      PrintStream err) {
    if (options.preset() != null) {
      Preset preset = tools.preset(options.preset()).orElseThrow(
          () -> new IllegalArgumentException("unknown preset `" + options.preset() + "'; known: " + tools.presetNames()));
      preset.apply(new Setup(host, options.preset()));
    }
    Session session = new Session(host, tools, options, scriptDir, out, err);
    Interpreter interpreter = new Interpreter(session);
    PrintStream transcript = session.terminal.out();
    List<RunResult.BlockOutcome> outcomes = new ArrayList<>();
    for (Block block : script.blocks()) {
      if (options.echo()) {
        transcript.println("$ " + block.firstLine());
        block.echoLines().stream().skip(1).forEach(line -> transcript.println("> " + line));
      }
      int status = interpreter.runBlock(block);
      // A real shell starts the next line a moment later, when packets a command left in flight (a closing
      // connection's FIN and ACK) have long arrived.
      host.settle(BETWEEN_LINES_NANOS);
      if (options.echo() && status != 0) {
        transcript.println("[exit " + status + "]");
      }
      outcomes.add(new RunResult.BlockOutcome(block.line(), block.firstLine(), status));
      if (session.stopped()) {
        return new RunResult(NotSimulated.STATUS,
            name + ": line " + block.line() + ": stopped: a command is not simulated (--strict)", outcomes);
      }
      if (interpreter.ended()) {
        break;
      }
    }
    return new RunResult(0, null, outcomes);
  }

  /** The moment a shell takes to start the next line: packets in flight arrive, timers do not fire. */
  private static final long BETWEEN_LINES_NANOS = 1_000_000L;

  /** {@code NAME: line N: message}, and for a bad token bash's second line quoting the line. */
  private static String diagnostic(String name, SyntaxError e) {
    String first = name + ": line " + e.line() + ": " + e.getMessage();
    return e.sourceLine() == null ? first : first + "\n" + name + ": line " + e.line() + ": `" + e.sourceLine() + "'";
  }

  /** What a preset gets: the host, and silent script runs that must succeed. */
  private final class Setup implements PresetSetup {
    private final ShellHost host;
    private final String presetName;

    Setup(ShellHost host, String presetName) {
      this.host = host;
      this.presetName = presetName;
    }

    @Override
    public ShellHost host() {
      return host;
    }

    @Override
    public void run(String script) {
      Streams.Capture output = new Streams.Capture();
      RunResult result = ScriptRunner.this.run(script, "preset " + presetName, null, host, RunOptions.defaults(),
          output.stream(), output.stream());
      if (result.status() != 0) {
        throw new IllegalStateException(result.diagnostic());
      }
      for (RunResult.BlockOutcome block : result.blocks()) {
        if (block.status() != 0) {
          throw new IllegalStateException("preset " + presetName + ": line " + block.line() + ": `" + block.command()
              + "' failed with status " + block.status() + ":\n" + output.text());
        }
      }
    }
  }
}
