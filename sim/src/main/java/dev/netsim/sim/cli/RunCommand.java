package dev.netsim.sim.cli;

import dev.netsim.sim.World;
import dev.netsim.sim.diagram.TraceDiagrams;
import dev.netsim.sim.shell.FilePolicy;
import dev.netsim.sim.shell.RunOptions;
import dev.netsim.sim.shell.RunResult;
import dev.netsim.sim.shell.ScriptRunner;
import dev.netsim.sim.tools.SimulatedHost;
import dev.netsim.sim.shell.ToolRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@code netsim run}: replays a script against a fresh simulated machine. */
final class RunCommand {
  /** The largest script {@code netsim run} reads. */
  static final long MAX_SCRIPT_BYTES = 16L << 20;

  static final String USAGE = """
      usage: netsim run [--echo] [--trace] [--svg DIR] [--strict] [--preset NAME] [--allow-read DIR]... FILE|-

      Runs FILE (or standard input) line by line as bash would, against a simulated Linux host: every command
      prints what it prints on a real host. Nothing runs on this machine; a failing command does not stop
      the script. The host is called `netsim' and you are root.

      options:
        --echo           print `$ ' and the line before each command line (a here-document's first line only;
                         continuation lines as `> ' lines), and `[exit N]' after one whose status N is not 0;
                         commands' standard error then goes to standard output too (one transcript)
        --trace          after a probe's output, print how each of its packets went, in a box:
                           ┌─ trace
                           │ ...
                           └─
        --svg DIR        write, for each packet, a diagram of its path through the netfilter hooks, tables and
                         bridge beside the topology to DIR (created if needed): DIR/001-icmp-echo-request-...svg
        --strict         stop at the first command netsim does not simulate (exit status 127)
        --preset NAME    start from a prepared host instead of an empty one (presets: %s); a script can
                         name its own in a leading comment line `# netsim: --preset NAME'
        --allow-read DIR let the script read files in DIR too
        -h, --help       show this text

      The script language is bash's: quoting, $VAR, ${VAR:-x}, $?, $$, $!, $(...), ;, &&, ||, |, !, &,
      here-documents, < > >> 2>&1 &> redirections, nsenter --net=/var/run/netns/NS (the following lines
      run in NS until `exit'), sudo CMD (you are root already), watch CMD (runs CMD once, prints its output),
      sh -c / bash -c, sleep (virtual time), jobs, kill, wait, export. Loops, conditionals, functions and
      other commands netsim does not know print `netsim: not simulated: ...' and exit 127; the script goes on.

      Files: relative paths are in the current folder (a read not found there is looked up next to the
      script); scripts read only there, next to the script and in --allow-read folders, and write only in
      the current folder; anything else is `Permission denied'. /proc/sys/... is the simulated host's.

      exit status: 0 when the script ran to its end (or to `exit'), 2 when it cannot be read or parsed
      (nothing runs; the message gives the line), 127 when --strict stopped it.
      """;

  private RunCommand() {}

  static int run(String[] args, PrintStream out, PrintStream err) {
    ToolRegistry tools = ToolRegistry.standard();
    RunOptions options = RunOptions.defaults();
    FilePolicy files = FilePolicy.in(Path.of("").toAbsolutePath());
    String file = null;
    Path svgDir = null;
    boolean optionsDone = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String value = null;
      if (!optionsDone && arg.startsWith("--") && arg.contains("=")) {
        value = arg.substring(arg.indexOf('=') + 1);
        arg = arg.substring(0, arg.indexOf('='));
      }
      if (optionsDone || !arg.startsWith("-") || arg.equals("-")) {
        if (file != null) {
          return usageError(err, "more than one script given: `" + file + "' and `" + args[i] + "'");
        }
        file = args[i];
        continue;
      }
      switch (arg) {
        case "--" -> optionsDone = true;
        case "-h", "--help" -> {
          out.print(usage(tools));
          return 0;
        }
        case "--echo" -> options = options.withEcho(true);
        case "--trace" -> options = options.withTrace(true);
        case "--strict" -> options = options.withStrict(true);
        case "--preset", "--allow-read", "--svg" -> {
          if (value == null) {
            if (i + 1 >= args.length) {
              return usageError(err, "option `" + arg + "' needs an argument");
            }
            value = args[++i];
          }
          if (arg.equals("--svg")) {
            try {
              svgDir = Path.of(value);
            } catch (InvalidPathException e) {
              return usageError(err, "not a folder: `" + value + "'");
            }
          } else if (arg.equals("--preset")) {
            if (tools.preset(value).isEmpty()) {
              err.println("netsim run: unknown preset `" + value + "'" + known(tools));
              return 2;
            }
            options = options.withPreset(value);
          } else {
            Path dir;
            try {
              dir = Path.of(value);
            } catch (InvalidPathException e) {
              return usageError(err, "not a folder: `" + value + "'");
            }
            if (!Files.isDirectory(dir)) {
              return usageError(err, "not a folder: `" + value + "'");
            }
            files = files.allowRead(dir);
          }
        }
        default -> {
          return usageError(err, "unknown option `" + arg + "'");
        }
      }
    }
    if (file == null) {
      return usageError(err, "no script given");
    }
    String text;
    Path scriptDir;
    try {
      if (file.equals("-")) {
        text = read(System.in, file);
        scriptDir = null;
      } else {
        Path path = Path.of(file);
        if (Files.isDirectory(path)) {
          err.println("netsim: " + file + ": Is a directory");
          return 2;
        }
        try (InputStream in = Files.newInputStream(path)) {
          text = read(in, file);
        }
        scriptDir = path.toAbsolutePath().getParent();
      }
    } catch (NoSuchFileException | InvalidPathException e) {
      err.println("netsim: " + file + ": No such file or directory");
      return 2;
    } catch (IOException e) {
      err.println("netsim: " + file + ": " + (e.getMessage() == null ? "cannot be read" : e.getMessage()));
      return 2;
    }
    options = options.withFiles(files);
    World world = new World();
    TraceDiagrams diagrams = null;
    if (svgDir != null) {
      try {
        diagrams = TraceDiagrams.attach(world, svgDir);
      } catch (IOException e) {
        err.println("netsim run: cannot create folder `" + svgDir + "': " + reason(e));
        return 2;
      }
    }
    PrintStream commandErr = options.echo() ? out : err;
    RunResult result = new ScriptRunner(tools).run(text, file, scriptDir, new SimulatedHost(world), options, out,
        commandErr);
    if (diagrams != null && diagrams.failure() != null) {
      out.flush();
      err.println("netsim run: cannot write diagram " + diagrams.failure().getMessage());
    }
    if (result.diagnostic() != null) {
      out.flush();
      for (String line : result.diagnostic().split("\n")) {
        err.println("netsim: " + line);
      }
    }
    return result.status();
  }

  private static String reason(IOException e) {
    return e instanceof java.nio.file.FileAlreadyExistsException ? "File exists"
        : e.getMessage() == null ? "cannot be created" : e.getMessage();
  }

  private static String read(InputStream in, String name) throws IOException {
    byte[] bytes = in.readNBytes((int) MAX_SCRIPT_BYTES + 1);
    if (bytes.length > MAX_SCRIPT_BYTES) {
      throw new IOException("script too large (the limit is " + (MAX_SCRIPT_BYTES >> 20) + " MiB)");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static String usage(ToolRegistry tools) {
    return USAGE.formatted(tools.presetNames().isEmpty() ? "none yet" : String.join(", ", tools.presetNames()));
  }

  private static String known(ToolRegistry tools) {
    return tools.presetNames().isEmpty() ? "; there are none yet" : "; known: " + String.join(", ", tools.presetNames());
  }

  private static int usageError(PrintStream err, String message) {
    err.println("netsim run: " + message);
    err.println("Try `netsim run --help' for more information.");
    return 2;
  }
}
