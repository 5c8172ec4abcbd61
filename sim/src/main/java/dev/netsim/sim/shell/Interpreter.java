package dev.netsim.sim.shell;

import dev.netsim.sim.shell.syntax.AndOr;
import dev.netsim.sim.shell.syntax.Block;
import dev.netsim.sim.shell.syntax.Command;
import dev.netsim.sim.shell.syntax.CommandList;
import dev.netsim.sim.shell.syntax.Pipeline;
import dev.netsim.sim.shell.syntax.Redirect;
import dev.netsim.sim.shell.syntax.Script;
import dev.netsim.sim.shell.syntax.SyntaxError;
import dev.netsim.sim.shell.syntax.Word;
import dev.netsim.sim.shell.syntax.WordPart;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs parsed commands the way bash does, single-threaded: lists, and-or lists, pipelines (each stage
 * runs to completion, its output becoming the next one's input), expansions, redirections, builtins, and
 * programs — the shell's own ({@code nsenter}, {@code sudo}, {@code sleep}, ...) and the registered tools.
 */
final class Interpreter {
  /** {@code exit}: ends {@code shell}. */
  static final class ShellExit extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Shell shell;
    final int status;

    ShellExit(Shell shell, int status) {
      super(null, null, false, false);
      this.shell = shell;
      this.status = status;
    }
  }

  /** The longest word an expansion may produce; a script that doubles a variable in a loop stops here. */
  static final int MAX_WORD_CHARS = 16 << 20;

  /** An expansion grew beyond {@link #MAX_WORD_CHARS}. */
  private static final class WordTooLong extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WordTooLong() {
      super(null, null, false, false);
    }
  }

  private final Session session;
  private final Builtins builtins;
  private final Programs programs;
  private boolean ended;

  Interpreter(Session session) {
    this.session = session;
    this.builtins = new Builtins(this);
    this.programs = new Programs(this);
  }

  Session session() {
    return session;
  }

  /** Whether a top-level {@code exit} ended the script. */
  boolean ended() {
    return ended;
  }

  /** Runs one block of the script in the shell that reads it; returns its exit status. */
  int runBlock(Block block) {
    Shell shell = session.current();
    int status;
    try {
      status = runList(shell, block.commands(), session.terminal);
    } catch (ShellExit exit) {
      status = exit.status;
      if (!session.end(exit.shell, exit.status)) {
        ended = true;
      }
    }
    session.flushTraces();
    return status;
  }

  /**
   * Runs {@code text} as {@code sh -c} would, in {@code shell}; a syntax error is reported with
   * {@code prefix} (e.g. "bash: -c") and gives status 2.
   */
  int runText(Shell shell, String text, Io io, String prefix) {
    Script script;
    try {
      script = Script.parse(text);
    } catch (SyntaxError e) {
      io.err().println(prefix + ": line " + e.line() + ": " + e.getMessage());
      if (e.sourceLine() != null) {
        io.err().println(prefix + ": line " + e.line() + ": `" + e.sourceLine() + "'");
      }
      return 2;
    }
    int status = 0;
    try {
      for (Block block : script.blocks()) {
        if (!block.commands().items().isEmpty()) {
          status = runList(shell, block.commands(), io);
        }
      }
    } catch (ShellExit exit) {
      status = exit.status;
    }
    return status;
  }

  // ---- lists and pipelines ----

  int runList(Shell shell, CommandList list, Io io) {
    int status = 0;
    for (CommandList.Item item : list.items()) {
      if (session.stopped()) {
        break;
      }
      if (item.background()) {
        startBackground(shell, item, io);
        shell.lastStatus = 0;
        status = 0;
      } else {
        status = runAndOr(shell, item.andOr(), io);
      }
    }
    return status;
  }

  private int runAndOr(Shell shell, AndOr andOr, Io io) {
    int status = runPipeline(shell, andOr.pipelines().get(0), io);
    for (int i = 0; i < andOr.connectors().size() && !session.stopped(); i++) {
      boolean and = andOr.connectors().get(i) == AndOr.Connector.AND;
      if (and == (status == 0)) {
        status = runPipeline(shell, andOr.pipelines().get(i + 1), io);
      }
    }
    return status;
  }

  private int runPipeline(Shell shell, Pipeline pipeline, Io io) {
    session.enterPipeline();
    try {
      List<Command> commands = pipeline.commands();
      int status;
      if (commands.size() == 1) {
        status = runCommand(shell, commands.get(0), io);
      } else {
        status = 0;
        String input = io.stdin();
        for (int i = 0; i < commands.size(); i++) {
          boolean last = i == commands.size() - 1;
          Streams.Capture pipe = last ? null : new Streams.Capture();
          Io stageIo = new Io(input, last ? io.out() : pipe.stream(), io.err());
          Shell stage = shell.subshell();
          try {
            status = runCommand(stage, commands.get(i), stageIo);
          } catch (ShellExit exit) {
            status = exit.status;
          }
          if (!last) {
            input = pipe.text();
            if (pipe.overflowed()) {
              status = notSimulated(io, oneLine(commands.get(i).source()) + " (more than 64 MiB into a pipe)");
            }
          }
        }
      }
      if (pipeline.negated()) {
        status = status == 0 ? 1 : 0;
      }
      shell.lastStatus = status;
      return status;
    } finally {
      session.leavePipeline();
    }
  }

  private int runCommand(Shell shell, Command command, Io io) {
    if (session.stopped()) {
      return shell.lastStatus;
    }
    if (command instanceof Command.Simple simple) {
      return runSimple(shell, simple, io);
    }
    return notSimulated(io, oneLine(command.source()));
  }

  private int runSimple(Shell shell, Command.Simple command, Io io) {
    if (hasUnsupported(command)) {
      return notSimulated(io, oneLine(command.source()));
    }
    try {
      return expandAndRun(shell, command, io);
    } catch (WordTooLong e) {
      return notSimulated(io, oneLine(command.source()) + " (a word of more than 16 MiB)");
    }
  }

  private int expandAndRun(Shell shell, Command.Simple command, Io io) {
    Expansion expansion = new Expansion(shell, io);
    List<String> argv = expansion.fields(command.words());
    if (argv.isEmpty()) {
      for (var assignment : command.assignments()) {
        String value = expansion.string(assignment.value());
        String old = shell.get(assignment.name());
        shell.set(assignment.name(), assignment.append() && old != null ? old + value : value);
      }
      Redirected redirected = redirect(shell, command.redirects(), io, expansion);
      return redirected == null ? 1 : expansion.substitutionStatus;
    }
    Redirected redirected = redirect(shell, command.redirects(), io, expansion);
    if (redirected == null) {
      return 1;
    }
    int status;
    if (Builtins.handles(argv.get(0))) {
      status = builtins.run(shell, argv, redirected.io());
    } else {
      status = run(shell, shell.netns, argv, redirected.io(), command.source());
    }
    return redirected.reportWriteErrors(argv.get(0), status);
  }

  /**
   * {@code cmd &}: a simple command whose program runs in the background ({@link Tool#start}) is a live job.
   * In a pipeline ({@code tcpdump -l | grep ICMP &}) the first command is the live one and the rest run
   * again on each line it writes later, as line-buffered filters would. Anything else runs to its end at
   * once, in a subshell, and is a finished job.
   */
  private void startBackground(Shell shell, CommandList.Item item, Io io) {
    int pid = session.newPid(shell.netns);
    Shell sub = shell.subshell();
    BackgroundJob job = null;
    AndOr andOr = item.andOr();
    Pipeline pipeline = andOr.pipelines().get(0);
    if (andOr.pipelines().size() == 1 && !pipeline.negated()
        && pipeline.commands().get(0) instanceof Command.Simple first && !hasUnsupported(first)) {
      if (pipeline.commands().size() == 1) {
        job = startSimple(sub, first, io);
      } else {
        Streams.LinePipe pipe = new Streams.LinePipe();
        BackgroundJob upstream = startSimple(sub, first, io.withOut(pipe.stream()));
        if (upstream != null) {
          Pipeline rest = new Pipeline(false, pipeline.commands().subList(1, pipeline.commands().size()));
          int[] status = {runPipeline(sub.subshell(), rest, io.withStdin(pipe.drain()))};
          pipe.onLine(line -> status[0] = runPipeline(sub.subshell(), rest, io.withStdin(line)));
          job = new BackgroundJob() {
            @Override
            public boolean running() {
              return upstream.running();
            }

            @Override
            public int exitStatus() {
              return status[0];
            }

            @Override
            public int stop() {
              return upstream.stop();
            }
          };
        }
      }
    }
    if (job == null) {
      int status;
      try {
        status = runAndOr(sub, andOr, io);
      } catch (ShellExit exit) {
        status = exit.status;
      }
      job = BackgroundJob.finished(status);
    }
    shell.jobs.add(pid, item.source(), job);
    shell.lastBackgroundPid = pid;
  }

  /** Starts a simple command's program in the background; null for a builtin or an empty command. */
  private BackgroundJob startSimple(Shell shell, Command.Simple command, Io io) {
    Expansion expansion = new Expansion(shell, io);
    List<String> argv;
    try {
      argv = expansion.fields(command.words());
    } catch (WordTooLong e) {
      return BackgroundJob.finished(notSimulated(io, oneLine(command.source()) + " (a word of more than 16 MiB)"));
    }
    if (argv.isEmpty() || Builtins.handles(argv.get(0))) {
      return null;
    }
    Redirected redirected = redirect(shell, command.redirects(), io, expansion);
    return redirected == null
        ? BackgroundJob.finished(1)
        : dispatch(shell, shell.netns, argv, redirected.io(), command.source(), true);
  }

  // ---- programs ----

  /** Runs a program (not a builtin) in the foreground; returns its exit status. */
  int run(Shell shell, String netns, List<String> argv, Io io, String source) {
    return dispatch(shell, netns, argv, io, source, false).exitStatus();
  }

  /**
   * Runs or starts a program: one the shell implements, or a registered tool; anything else is not
   * simulated. In the foreground the returned job has finished.
   */
  BackgroundJob dispatch(Shell shell, String netns, List<String> argv, Io io, String source, boolean background) {
    String name = ToolRegistry.programName(argv.get(0));
    switch (name) {
      case "nsenter":
        return programs.nsenter(shell, netns, argv, io, source, background);
      case "sudo":
        return programs.sudo(shell, netns, argv, io, source, background);
      case "sleep":
        return programs.sleep(argv, io, source, background);
      case "watch":
        return BackgroundJob.finished(programs.watch(shell, netns, argv, io, source));
      case "sh":
      case "bash":
        return BackgroundJob.finished(programs.shell(shell, netns, argv, io, source));
      case "hostname":
        return BackgroundJob.finished(programs.hostname(argv, io, source));
      default:
        break;
    }
    Optional<Tool> tool = session.tools.tool(name);
    if (tool.isEmpty()) {
      return BackgroundJob.finished(notSimulated(io, oneLine(source)));
    }
    ShellInvocation call = new ShellInvocation(this, shell, netns, argv, io, background);
    if (!background) {
      return BackgroundJob.finished(tool.get().run(call));
    }
    BackgroundJob job = tool.get().start(call);
    return call.execJob() != null ? call.execJob() : job;
  }

  int notSimulated(Io io, String what) {
    io.err().println(NotSimulated.line(what));
    session.noteNotSimulated();
    return NotSimulated.STATUS;
  }

  /** A command as one line: continuation lines joined; of a multi-line command, its first line. */
  static String oneLine(String source) {
    String joined = source.replaceAll("[ \t]*\\\\\n[ \t]*", " ");
    int newline = joined.indexOf('\n');
    return newline < 0 ? joined : joined.substring(0, newline) + " ...";
  }

  // ---- expansion ----

  private static boolean hasUnsupported(Command.Simple command) {
    for (Word word : command.words()) {
      if (hasUnsupported(word)) {
        return true;
      }
    }
    for (var assignment : command.assignments()) {
      if (hasUnsupported(assignment.value())) {
        return true;
      }
    }
    for (Redirect redirect : command.redirects()) {
      if (redirect.op() == Redirect.Op.READ_WRITE
          || (redirect.target() != null && hasUnsupported(redirect.target()))
          || (redirect.hereDoc() != null && hasUnsupported(redirect.hereDoc().body()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasUnsupported(Word word) {
    for (WordPart part : word.parts()) {
      if (part instanceof WordPart.Unsupported
          || (part instanceof WordPart.Parameter p && p.argument() != null && hasUnsupported(p.argument()))) {
        return true;
      }
    }
    return false;
  }

  /** Expands words in one shell; remembers the status of the last command substitution. */
  private final class Expansion {
    private final Shell shell;
    private final Io io;
    int substitutionStatus;

    Expansion(Shell shell, Io io) {
      this.shell = shell;
      this.io = io;
    }

    /** Words to fields: expansions, then field splitting of unquoted expansion results. */
    List<String> fields(List<Word> words) {
      List<String> fields = new ArrayList<>();
      for (Word word : words) {
        fields.addAll(fields(word));
      }
      return fields;
    }

    List<String> fields(Word word) {
      List<String> fields = new ArrayList<>();
      StringBuilder current = null;
      for (WordPart part : word.parts()) {
        if (part instanceof WordPart.Literal literal) {
          current = current == null ? new StringBuilder() : current;
          current.append(literal.text());
          continue;
        }
        String value = value(part);
        if (part.quoted()) {
          current = current == null ? new StringBuilder() : current;
          current.append(value);
          continue;
        }
        for (int i = 0; i < value.length(); i++) {
          char c = value.charAt(i);
          if (c == ' ' || c == '\t' || c == '\n') {
            if (current != null) {
              fields.add(current.toString());
              current = null;
            }
          } else {
            current = current == null ? new StringBuilder() : current;
            current.append(c);
          }
        }
      }
      if (current != null) {
        fields.add(current.toString());
      }
      if (fields.stream().mapToLong(String::length).sum() > MAX_WORD_CHARS) {
        throw new WordTooLong();
      }
      return fields;
    }

    /** A word to one string, without field splitting (assignments, here-documents, redirection targets). */
    String string(Word word) {
      StringBuilder text = new StringBuilder();
      for (WordPart part : word.parts()) {
        text.append(part instanceof WordPart.Literal literal ? literal.text() : value(part));
        if (text.length() > MAX_WORD_CHARS) {
          throw new WordTooLong();
        }
      }
      return text.toString();
    }

    private String value(WordPart part) {
      if (part instanceof WordPart.Parameter parameter) {
        return parameter(parameter);
      }
      if (part instanceof WordPart.CommandSubstitution substitution) {
        return substitute(substitution);
      }
      throw new IllegalStateException("not expandable: " + part);
    }

    private String parameter(WordPart.Parameter parameter) {
      String value = lookup(parameter.name());
      boolean unset = value == null;
      boolean nullOrUnset = unset || value.isEmpty();
      return switch (parameter.op()) {
        case "" -> unset ? "" : value;
        case "#" -> String.valueOf(unset ? 0 : value.codePointCount(0, value.length()));
        case "-" -> unset ? string(parameter.argument()) : value;
        case ":-" -> nullOrUnset ? string(parameter.argument()) : value;
        case "+" -> unset ? "" : string(parameter.argument());
        case ":+" -> nullOrUnset ? "" : string(parameter.argument());
        case "=", ":=" -> {
          if (parameter.op().equals("=") ? unset : nullOrUnset) {
            String assigned = string(parameter.argument());
            shell.set(parameter.name(), assigned);
            yield assigned;
          }
          yield value;
        }
        default -> throw new IllegalStateException("unknown parameter operator " + parameter.op());
      };
    }

    private String lookup(String name) {
      return switch (name) {
        case "?" -> String.valueOf(shell.lastStatus);
        case "$" -> String.valueOf(shell.pid);
        case "!" -> shell.lastBackgroundPid < 0 ? null : String.valueOf(shell.lastBackgroundPid);
        case "#" -> "0";
        case "0" -> "bash";
        case "@", "*" -> "";
        case "-" -> "hB";
        default -> name.chars().allMatch(Character::isDigit) ? null : shell.get(name);
      };
    }

    private String substitute(WordPart.CommandSubstitution substitution) {
      Shell sub = shell.subshell();
      Streams.Capture capture = new Streams.Capture();
      int status;
      try {
        status = runList(sub, substitution.commands(), new Io("", capture.stream(), io.err()));
      } catch (ShellExit exit) {
        status = exit.status;
      }
      substitutionStatus = status;
      shell.lastStatus = status;
      String text = capture.text();
      int end = text.length();
      while (end > 0 && text.charAt(end - 1) == '\n') {
        end--;
      }
      return text.substring(0, end);
    }
  }

  // ---- redirection ----

  /** A command's streams after its redirections, and the files it writes, whose write errors it reports. */
  private record Redirected(Io io, List<Streams.FileSink> sinks) {
    /** Like bash: a write that failed (e.g. an invalid sysctl value) makes the command fail. */
    int reportWriteErrors(String program, int status) {
      for (Streams.FileSink sink : sinks) {
        IOException error = sink.error();
        if (error != null) {
          // The builtin echo reports as bash does; a program under its name as typed (/bin/echo, cat).
          String prefix = program.equals("echo") ? "bash: echo" : program;
          io.err().println(prefix + ": write error: " + error.getMessage());
          return 1;
        }
      }
      return status;
    }
  }

  /** Applies redirections in order; null when one failed (the message is printed). */
  private Redirected redirect(Shell shell, List<Redirect> redirects, Io io, Expansion expansion) {
    String stdin = io.stdin();
    PrintStream out = io.out();
    PrintStream err = io.err();
    List<Streams.FileSink> sinks = new ArrayList<>();
    FileAccess files = session.files(shell.netns);
    for (Redirect redirect : redirects) {
      int fd = redirect.fd();
      switch (redirect.op()) {
        case HERE_DOC -> {
          String body = redirect.hereDoc().expand()
              ? expansion.string(redirect.hereDoc().body())
              : redirect.hereDoc().body().literal();
          if (fd == 0) {
            stdin = body;
          }
        }
        case HERE_STRING -> {
          if (fd == 0) {
            stdin = expansion.string(redirect.target()) + "\n";
          }
        }
        case DUPLICATE -> {
          String target = expansion.string(redirect.target());
          if (target.equals("-")) {
            if (fd == 0) {
              stdin = "";
            } else if (fd == 1) {
              out = Streams.discard();
            } else if (fd == 2) {
              err = Streams.discard();
            }
          } else if ((fd == 1 || fd == 2) && (target.equals("1") || target.equals("2"))) {
            PrintStream source = target.equals("1") ? out : err;
            if (fd == 1) {
              out = source;
            } else {
              err = source;
            }
          } else if (!(fd == 0 && target.equals("0"))) {
            boolean number = !target.isEmpty() && target.chars().allMatch(Character::isDigit);
            err.println("bash: " + target + (number ? ": Bad file descriptor" : ": ambiguous redirect"));
            return null;
          }
        }
        case READ -> {
          String path = path(redirect.target(), expansion, err);
          if (path == null) {
            return null;
          }
          try {
            String text = files.read(path);
            if (fd == 0) {
              stdin = text;
            }
          } catch (IOException e) {
            err.println("bash: " + path + ": " + e.getMessage());
            return null;
          }
        }
        case WRITE, APPEND, WRITE_BOTH, APPEND_BOTH -> {
          String path = path(redirect.target(), expansion, err);
          if (path == null) {
            return null;
          }
          boolean append = redirect.op() == Redirect.Op.APPEND || redirect.op() == Redirect.Op.APPEND_BOTH;
          PrintStream sink;
          if (path.equals("/dev/stdout")) {
            sink = out;
          } else if (path.equals("/dev/stderr")) {
            sink = err;
          } else {
            try {
              files.write(path, "", append);
            } catch (IOException e) {
              err.println("bash: " + path + ": " + e.getMessage());
              return null;
            }
            Streams.FileSink file = new Streams.FileSink(files, path);
            sinks.add(file);
            sink = file.stream();
          }
          boolean both = redirect.op() == Redirect.Op.WRITE_BOTH || redirect.op() == Redirect.Op.APPEND_BOTH;
          if (both || fd == 1) {
            out = sink;
          }
          if (both || fd == 2) {
            err = sink;
          }
        }
        case READ_WRITE -> throw new IllegalStateException("`<>' is reported as not simulated before this");
        default -> throw new IllegalStateException("unknown redirection " + redirect.op());
      }
    }
    return new Redirected(new Io(stdin, out, err), sinks);
  }

  /** A redirection's file name: one field, or bash's "ambiguous redirect". */
  private static String path(Word target, Expansion expansion, PrintStream err) {
    List<String> fields = expansion.fields(target);
    if (fields.size() != 1) {
      err.println("bash: " + target.source() + ": ambiguous redirect");
      return null;
    }
    return fields.get(0);
  }
}
