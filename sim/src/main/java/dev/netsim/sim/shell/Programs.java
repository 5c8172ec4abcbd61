package dev.netsim.sim.shell;

import dev.netsim.core.time.VirtualClock;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Programs the shell implements because they run other commands or act on the shell's world:
 * {@code nsenter}, {@code sudo}, {@code watch}, {@code sh -c}/{@code bash -c}, {@code sleep} and
 * {@code hostname}.
 */
final class Programs {
  private static final Pattern DURATION =
      Pattern.compile("\\s*\\+?((?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|inf|infinity)([smhd]?)", Pattern.CASE_INSENSITIVE);
  private static final Set<String> OTHER_NAMESPACE_OPTIONS = Set.of(
      "-m", "-u", "-i", "-p", "-U", "-C", "-T", "-a", "-r", "-w", "-S", "-G", "-F", "-Z", "--mount", "--uts", "--ipc",
      "--pid", "--user", "--cgroup", "--time", "--all", "--root", "--wd", "--setuid", "--setgid", "--no-fork",
      "--follow-context", "--preserve-credentials");

  private final Interpreter interpreter;

  Programs(Interpreter interpreter) {
    this.interpreter = interpreter;
  }

  private Session session() {
    return interpreter.session();
  }

  // ---- nsenter ----

  /**
   * {@code nsenter --net=/var/run/netns/NS [CMD...]}: runs CMD in NS; without CMD, starts a shell there that
   * reads the script's following lines until {@code exit}.
   */
  BackgroundJob nsenter(Shell shell, String netns, List<String> argv, Io io, String source, boolean background) {
    PrintStream err = io.err();
    boolean net = false;
    String netFile = null;
    String target = null;
    int i = 1;
    while (i < argv.size()) {
      String arg = argv.get(i);
      if (arg.equals("--")) {
        i++;
        break;
      } else if (arg.equals("-n") || arg.equals("--net")) {
        net = true;
      } else if (arg.startsWith("--net=")) {
        net = true;
        netFile = arg.substring("--net=".length());
      } else if (arg.startsWith("-n") && !arg.startsWith("--")) {
        net = true;
        netFile = arg.substring(2);
      } else if (arg.equals("-t") || arg.equals("--target")) {
        if (i + 1 >= argv.size()) {
          err.println("nsenter: option requires an argument -- 't'");
          err.println("Try 'nsenter --help' for more information.");
          return BackgroundJob.finished(1);
        }
        target = argv.get(++i);
      } else if (arg.startsWith("--target=")) {
        target = arg.substring("--target=".length());
      } else if (arg.startsWith("-t") && !arg.startsWith("--")) {
        target = arg.substring(2);
      } else if (OTHER_NAMESPACE_OPTIONS.contains(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg)
          || arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
        return BackgroundJob.finished(interpreter.notSimulated(io, Interpreter.oneLine(source)));
      } else if (arg.startsWith("--")) {
        err.println("nsenter: unrecognized option '" + arg + "'");
        err.println("Try 'nsenter --help' for more information.");
        return BackgroundJob.finished(1);
      } else if (arg.startsWith("-") && arg.length() > 1) {
        err.println("nsenter: invalid option -- '" + arg.charAt(1) + "'");
        err.println("Try 'nsenter --help' for more information.");
        return BackgroundJob.finished(1);
      } else {
        break;
      }
      i++;
    }
    String targetNetns = netns;
    if (target != null && !target.matches("[0-9]{1,9}")) {
      err.println("nsenter: failed to parse pid: '" + target + "'");
      return BackgroundJob.finished(1);
    }
    if (net) {
      if (netFile == null) {
        if (target == null) {
          err.println("nsenter: neither filename nor target pid supplied for ns/net");
          return BackgroundJob.finished(1);
        }
        netFile = "/proc/" + target + "/ns/net";
      }
      targetNetns = namespaceFile(netFile, shell, io.err());
      if (targetNetns == null) {
        return BackgroundJob.finished(1);
      }
    }
    List<String> command = argv.subList(i, argv.size());
    if (!command.isEmpty()) {
      return interpreter.dispatch(shell, targetNetns, command, io, source, background);
    }
    if (!shell.interactive || background) {
      return BackgroundJob.finished(interpreter.notSimulated(io, Interpreter.oneLine(source)));
    }
    session().push(shell.child(session().newPid(targetNetns), targetNetns, true));
    return BackgroundJob.finished(0);
  }

  /** The namespace a file names ({@code /var/run/netns/NS}, {@code /proc/PID/ns/net}); null after an error. */
  private String namespaceFile(String file, Shell shell, PrintStream err) {
    String name = Sandbox.netnsName(file);
    if (name != null && !name.isEmpty()) {
      if (session().host.netnsExists(name)) {
        return name;
      }
      err.println("nsenter: cannot open " + file + ": No such file or directory");
      return null;
    }
    Matcher proc = Pattern.compile("/proc/(self|[0-9]{1,9})/ns/net").matcher(file);
    if (proc.matches()) {
      String netns = proc.group(1).equals("self") ? shell.netns : session().netnsOf(Integer.parseInt(proc.group(1)));
      if (netns != null) {
        return netns;
      }
      err.println("nsenter: cannot open " + file + ": No such file or directory");
      return null;
    }
    if (session().files(shell.netns).exists(file)) {
      err.println("nsenter: reassociate to namespace 'ns/net' failed: Invalid argument");
    } else {
      err.println("nsenter: cannot open " + file + ": No such file or directory");
    }
    return null;
  }

  // ---- sudo ----

  /** {@code sudo CMD...} runs CMD (the script already runs as root); a root shell is not simulated. */
  BackgroundJob sudo(Shell shell, String netns, List<String> argv, Io io, String source, boolean background) {
    int i = 1;
    while (i < argv.size() && argv.get(i).startsWith("-")) {
      String option = argv.get(i);
      if (option.equals("--")) {
        i++;
        break;
      }
      if (option.equals("-u") && i + 1 < argv.size() && argv.get(i + 1).equals("root")) {
        i += 2;
        continue;
      }
      if (!Set.of("-E", "-H", "-n", "-S", "-k", "-P", "--preserve-env", "--non-interactive").contains(option)) {
        return BackgroundJob.finished(interpreter.notSimulated(io, Interpreter.oneLine(source)));
      }
      i++;
    }
    List<String> command = argv.subList(i, argv.size());
    if (command.isEmpty() || Set.of("su", "bash", "sh", "-i", "-s").contains(ToolRegistry.programName(command.get(0)))) {
      return BackgroundJob.finished(interpreter.notSimulated(io, Interpreter.oneLine(source)));
    }
    return interpreter.dispatch(shell, netns, command, io, source, background);
  }

  // ---- watch ----

  /**
   * {@code watch [options] COMMAND}: runs COMMAND once, as {@code sh -c} would, and prints only its output
   * (no header, no screen clearing); returns its exit status.
   */
  int watch(Shell shell, String netns, List<String> argv, Io io, String source) {
    int i = 1;
    boolean exec = false;
    while (i < argv.size() && argv.get(i).startsWith("-")) {
      String option = argv.get(i);
      if (option.equals("--")) {
        i++;
        break;
      }
      if (option.equals("-n") || option.equals("--interval")) {
        i += 2;
        continue;
      }
      if (option.equals("-x") || option.equals("--exec")) {
        exec = true;
      } else if (!option.matches("-[dtbegcpwqr]+|-n.+|--interval=.*|--differences(=.*)?|--no-title|--beep|--errexit"
          + "|--chgexit|--color|--precise|--no-wrap|--equexit|--no-rerun")) {
        return interpreter.notSimulated(io, Interpreter.oneLine(source));
      }
      i++;
    }
    List<String> command = argv.subList(Math.min(i, argv.size()), argv.size());
    if (command.isEmpty()) {
      return interpreter.notSimulated(io, Interpreter.oneLine(source));
    }
    if (exec) {
      return interpreter.run(shell.subshell(), netns, command, io, source);
    }
    Shell child = shell.child(session().newPid(netns), netns, false);
    return interpreter.runText(child, String.join(" ", command), io, "sh: -c");
  }

  // ---- sh -c ----

  /** {@code sh -c 'COMMANDS'} and {@code bash -c ...}: runs COMMANDS in a new shell; other forms are not simulated. */
  int shell(Shell shell, String netns, List<String> argv, Io io, String source) {
    if (argv.size() < 3 || !argv.get(1).equals("-c")) {
      return interpreter.notSimulated(io, Interpreter.oneLine(source));
    }
    Shell child = shell.child(session().newPid(netns), netns, false);
    return interpreter.runText(child, argv.get(2), io, ToolRegistry.programName(argv.get(0)) + ": -c");
  }

  // ---- hostname ----

  int hostname(List<String> argv, Io io, String source) {
    List<String> args = argv.subList(1, argv.size());
    if (!args.isEmpty() && !(args.size() == 1 && Set.of("-s", "-f", "--short", "--fqdn", "--long").contains(args.get(0)))) {
      return interpreter.notSimulated(io, Interpreter.oneLine(source));
    }
    io.out().println(session().host.hostname());
    return 0;
  }

  // ---- sleep ----

  /** {@code sleep DURATION...}: lets virtual time pass (GNU sleep's syntax: 0.5, 1s, 2m, 1h, 1d, sums). */
  BackgroundJob sleep(List<String> argv, Io io, String source, boolean background) {
    PrintStream err = io.err();
    List<String> args = argv.subList(1, argv.size());
    if (args.isEmpty()) {
      err.println("sleep: missing operand");
      err.println("Try 'sleep --help' for more information.");
      return BackgroundJob.finished(1);
    }
    BigDecimal seconds = BigDecimal.ZERO;
    boolean forever = false;
    List<String> invalid = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--")) {
        return BackgroundJob.finished(interpreter.notSimulated(io, Interpreter.oneLine(source)));
      }
      if (arg.startsWith("-") && arg.length() > 1) {
        err.println("sleep: invalid option -- '" + arg.charAt(1) + "'");
        err.println("Try 'sleep --help' for more information.");
        return BackgroundJob.finished(1);
      }
      Matcher m = DURATION.matcher(arg);
      if (!m.matches()) {
        invalid.add(arg);
        continue;
      }
      if (m.group(1).toLowerCase().startsWith("inf")) {
        forever = true;
        continue;
      }
      int unit = switch (m.group(2)) {
        case "m" -> 60;
        case "h" -> 3600;
        case "d" -> 86400;
        default -> 1;
      };
      seconds = seconds.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)));
    }
    if (!invalid.isEmpty()) {
      for (String arg : invalid) {
        err.println("sleep: invalid time interval ‘" + arg + "’");
      }
      err.println("Try 'sleep --help' for more information.");
      return BackgroundJob.finished(1);
    }
    VirtualClock clock = session().host.world().clock();
    if (forever || seconds.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2_000_000_000L)) > 0) {
      if (background) {
        return new EndlessSleep();
      }
      return BackgroundJob.finished(interpreter.notSimulated(io, Interpreter.oneLine(source) + " (it would never end)"));
    }
    long end = clock.nanos() + seconds.movePointRight(9).longValue();
    if (background) {
      return new SleepJob(clock, end);
    }
    session().host.advanceTo(end);
    return BackgroundJob.finished(0);
  }

  /** {@code sleep N &}: running until the clock reaches its end. */
  private static final class SleepJob implements TimedJob {
    private final VirtualClock clock;
    private final long end;
    private int killedStatus = -1;

    SleepJob(VirtualClock clock, long end) {
      this.clock = clock;
      this.end = end;
    }

    @Override
    public boolean running() {
      return killedStatus < 0 && clock.nanos() < end;
    }

    @Override
    public int exitStatus() {
      return Math.max(killedStatus, 0);
    }

    @Override
    public int stop() {
      if (running()) {
        killedStatus = 143;
      }
      return exitStatus();
    }

    @Override
    public long endsAtNanos() {
      return end;
    }
  }

  /** {@code sleep infinity &}: running until killed. */
  private static final class EndlessSleep implements BackgroundJob {
    private boolean killed;

    @Override
    public boolean running() {
      return !killed;
    }

    @Override
    public int exitStatus() {
      return killed ? 143 : 0;
    }

    @Override
    public int stop() {
      killed = true;
      return 143;
    }
  }
}
