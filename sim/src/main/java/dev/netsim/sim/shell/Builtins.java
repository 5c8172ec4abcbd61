package dev.netsim.sim.shell;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The builtins that act on the shell itself: {@code exit}, {@code export}, {@code unset}, {@code jobs},
 * {@code kill}, {@code wait} and {@code :}. Messages and statuses are bash's (as an interactive bash
 * prints them, with a {@code bash: } prefix).
 */
final class Builtins {
  private static final Set<String> NAMES = Set.of("exit", "export", "unset", "jobs", "kill", "wait", ":");
  private static final Map<String, Integer> SIGNALS = Map.of(
      "HUP", 1, "INT", 2, "QUIT", 3, "KILL", 9, "USR1", 10, "USR2", 12, "PIPE", 13, "ALRM", 14, "TERM", 15);
  private static final Set<String> STOP_SIGNALS = Set.of("STOP", "CONT", "TSTP", "19", "18", "20");

  private final Interpreter interpreter;

  Builtins(Interpreter interpreter) {
    this.interpreter = interpreter;
  }

  static boolean handles(String name) {
    return NAMES.contains(name);
  }

  int run(Shell shell, List<String> argv, Io io) {
    List<String> args = argv.subList(1, argv.size());
    return switch (argv.get(0)) {
      case "exit" -> exit(shell, args, io.err());
      case "export" -> export(shell, args, io);
      case "unset" -> unset(shell, args, io);
      case "jobs" -> jobs(shell, args, io);
      case "kill" -> kill(shell, args, io);
      case "wait" -> waitFor(shell, args, io);
      case ":" -> 0;
      default -> throw new IllegalArgumentException("not a builtin: " + argv.get(0));
    };
  }

  private static int exit(Shell shell, List<String> args, PrintStream err) {
    if (args.isEmpty()) {
      throw new Interpreter.ShellExit(shell, shell.lastStatus);
    }
    String arg = args.get(0);
    if (!arg.matches("[+-]?[0-9]{1,18}")) {
      err.println("bash: exit: " + arg + ": numeric argument required");
      throw new Interpreter.ShellExit(shell, 2);
    }
    if (args.size() > 1) {
      err.println("bash: exit: too many arguments");
      return 1;
    }
    throw new Interpreter.ShellExit(shell, (int) (Long.parseLong(arg) & 0xff));
  }

  private int export(Shell shell, List<String> args, Io io) {
    boolean remove = false;
    List<String> names = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("-n")) {
        remove = true;
      } else if (arg.equals("-f")) {
        return interpreter.notSimulated(io, Words.join(prepend("export", args)));
      } else if (!arg.equals("-p") && !arg.equals("--")) {
        names.add(arg);
      }
    }
    if (names.isEmpty()) {
      for (var variable : shell.environment().entrySet()) {
        io.out().println("declare -x " + variable.getKey() + "=\"" + variable.getValue().replaceAll("([\\\\\"$`])", "\\\\$1") + "\"");
      }
      return 0;
    }
    int status = 0;
    for (String arg : names) {
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        io.err().println("bash: export: `" + arg + "': not a valid identifier");
        status = 1;
        continue;
      }
      if (eq >= 0) {
        shell.set(name, arg.substring(eq + 1));
      }
      if (remove) {
        shell.unexport(name);
      } else {
        shell.export(name);
      }
    }
    return status;
  }

  private static int unset(Shell shell, List<String> args, Io io) {
    int status = 0;
    for (String arg : args) {
      if (arg.equals("-v") || arg.equals("-f") || arg.equals("--")) {
        continue;
      }
      if (!arg.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        io.err().println("bash: unset: `" + arg + "': not a valid identifier");
        status = 1;
      } else {
        shell.unset(arg);
      }
    }
    return status;
  }

  private int jobs(Shell shell, List<String> args, Io io) {
    boolean pids = false;
    boolean longFormat = false;
    boolean runningOnly = false;
    List<String> specs = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("-p")) {
        pids = true;
      } else if (arg.equals("-l")) {
        longFormat = true;
      } else if (arg.equals("-r")) {
        runningOnly = true;
      } else if (arg.startsWith("-") && arg.length() > 1) {
        return interpreter.notSimulated(io, Words.join(prepend("jobs", args)));
      } else {
        specs.add(arg);
      }
    }
    Jobs jobs = shell.jobs;
    List<Jobs.Job> listed = new ArrayList<>();
    int status = 0;
    if (specs.isEmpty()) {
      listed.addAll(jobs.visible());
    } else {
      for (String spec : specs) {
        Jobs.Job job = spec.startsWith("%") ? jobs.find(spec, false) : null;
        if (job == null) {
          io.err().println("bash: jobs: " + spec + ": no such job");
          status = 1;
        } else {
          listed.add(job);
        }
      }
    }
    List<Jobs.Job> reported = new ArrayList<>();
    for (Jobs.Job job : listed) {
      boolean running = job.running();
      if (runningOnly && !running) {
        continue;
      }
      if (pids) {
        io.out().println(job.pid);
        continue;
      }
      String state = running ? "Running" : job.status() == 0 ? "Done" : "Exit " + job.status();
      String command = job.command + (running ? " &" : "");
      char marker = jobs.marker(job);
      io.out().println(longFormat
          ? String.format("[%d]%c %5d %-24s%s", job.number, marker, job.pid, state, command)
          : String.format("[%d]%c  %-24s%s", job.number, marker, state, command));
      if (!running) {
        reported.add(job);
      }
    }
    // Bash reports a finished job once, then forgets it; killed jobs vanish without a report.
    reported.forEach(jobs::remove);
    jobs.all().stream().filter(Jobs.Job::killed).forEach(jobs::forgetKilled);
    return status;
  }

  private int kill(Shell shell, List<String> args, Io io) {
    PrintStream err = io.err();
    int signal = 15;
    int i = 0;
    if (i < args.size() && (args.get(i).equals("-l") || args.get(i).equals("-L"))) {
      return interpreter.notSimulated(io, Words.join(prepend("kill", args)));
    }
    if (i < args.size() && (args.get(i).equals("-s") || args.get(i).equals("-n"))) {
      if (i + 1 >= args.size()) {
        err.println("bash: kill: " + args.get(i) + ": option requires an argument");
        return 1;
      }
      String name = args.get(i + 1);
      if (STOP_SIGNALS.contains(name.toUpperCase().replaceFirst("^SIG", ""))) {
        return interpreter.notSimulated(io, Words.join(prepend("kill", args)));
      }
      signal = signalNumber(name);
      if (signal < 0) {
        err.println("bash: kill: " + name + ": invalid signal specification");
        return 1;
      }
      i += 2;
    } else if (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1 && !args.get(i).equals("--")) {
      String name = args.get(i).substring(1);
      if (STOP_SIGNALS.contains(name.toUpperCase().replaceFirst("^SIG", ""))) {
        return interpreter.notSimulated(io, Words.join(prepend("kill", args)));
      }
      signal = signalNumber(name);
      if (signal < 0) {
        err.println("bash: kill: " + name + ": invalid signal specification");
        return 1;
      }
      i++;
    }
    if (i < args.size() && args.get(i).equals("--")) {
      i++;
    }
    if (i >= args.size()) {
      err.println("kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]");
      return 2;
    }
    int status = 0;
    for (String target : args.subList(i, args.size())) {
      Jobs.Job job;
      if (target.startsWith("%")) {
        job = shell.jobs.find(target, false);
        if (job == null) {
          err.println("bash: kill: " + target + ": no such job");
          status = 1;
          continue;
        }
      } else if (target.matches("[0-9]{1,9}")) {
        int pid = Integer.parseInt(target);
        job = shell.jobs.byPid(pid);
        if (job == null || job.killed()) {
          if (interpreter.session().netnsOf(pid) != null && job == null) {
            return interpreter.notSimulated(io, Words.join(prepend("kill", args)));
          }
          err.println("bash: kill: (" + target + ") - No such process");
          status = 1;
          continue;
        }
      } else {
        err.println("bash: kill: " + target + ": arguments must be process or job IDs");
        status = 1;
        continue;
      }
      if (signal != 0 && job.running()) {
        if (job.job.catches(signal)) {
          job.job.stop();
        } else {
          job.job.kill();
          job.killedStatus = 128 + signal;
        }
      }
    }
    return status;
  }

  /** A signal name ({@code TERM}, {@code SIGTERM}, {@code term}) or number; -1 if unknown. */
  private static int signalNumber(String spec) {
    if (spec.matches("[0-9]{1,3}")) {
      int number = Integer.parseInt(spec);
      return number == 0 || SIGNALS.containsValue(number) ? number : -1;
    }
    String name = spec.toUpperCase().replaceFirst("^SIG", "");
    return SIGNALS.getOrDefault(name, -1);
  }

  private int waitFor(Shell shell, List<String> args, Io io) {
    if (args.stream().anyMatch(a -> a.startsWith("-"))) {
      return interpreter.notSimulated(io, Words.join(prepend("wait", args)));
    }
    Jobs jobs = shell.jobs;
    if (args.isEmpty()) {
      List<Jobs.Job> endless = new ArrayList<>();
      for (Jobs.Job job : jobs.visible()) {
        if (!awaitEnd(job)) {
          endless.add(job);
        }
      }
      for (Jobs.Job job : jobs.all()) {
        if (!job.running()) {
          jobs.remove(job);
        }
      }
      return endless.isEmpty() ? 0 : neverEnds(io, endless.get(0));
    }
    int status = 0;
    for (String arg : args) {
      Jobs.Job job;
      if (arg.startsWith("%")) {
        job = jobs.find(arg, true);
        if (job == null) {
          io.err().println("bash: wait: " + arg + ": no such job");
          status = 127;
          continue;
        }
      } else if (arg.matches("[0-9]{1,9}")) {
        job = jobs.byPid(Integer.parseInt(arg));
        Integer forgotten = job == null ? jobs.collectForgotten(Integer.parseInt(arg)) : null;
        if (forgotten != null) {
          status = forgotten;
          continue;
        }
        if (job == null) {
          io.err().println("bash: wait: pid " + arg + " is not a child of this shell");
          status = 127;
          continue;
        }
      } else {
        io.err().println("bash: wait: `" + arg + "': not a pid or valid job spec");
        status = 2;
        continue;
      }
      if (!awaitEnd(job)) {
        return neverEnds(io, job);
      }
      status = job.status();
      jobs.remove(job);
    }
    return status;
  }

  /** Lets time pass until {@code job} ends; false if it never would (nothing in the model ends it). */
  private boolean awaitEnd(Jobs.Job job) {
    if (!job.running()) {
      return true;
    }
    if (job.job instanceof TimedJob timed) {
      interpreter.session().host.advanceTo(timed.endsAtNanos());
      return !job.running();
    }
    return false;
  }

  private int neverEnds(Io io, Jobs.Job job) {
    return interpreter.notSimulated(io, "wait: [" + job.number + "] " + job.command + " would never end");
  }

  private static List<String> prepend(String name, List<String> args) {
    List<String> words = new ArrayList<>();
    words.add(name);
    words.addAll(args);
    return words;
  }
}
