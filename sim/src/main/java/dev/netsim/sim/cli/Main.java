package dev.netsim.sim.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import dev.netsim.sim.conform.ConformCommand;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code netsim} command line: dispatches to one command and exits with its status. A user's mistake
 * is answered by the command itself (status 2, or the tool's own status inside a script); anything else
 * that escapes a command is netsim's bug: {@code netsim: internal error: ...} on standard error and status
 * {@value #INTERNAL_ERROR} (sysexits' EX_SOFTWARE), with the stack trace only when {@code NETSIM_DEBUG=1}.
 */
public final class Main {
  static final String USAGE = """
      usage: netsim COMMAND [OPTIONS] [ARGS]

      Simulates the Linux packet path (namespaces, veth, bridges, routing, ARP, iptables, conntrack, NAT)
      in memory, and explains why each packet was delivered, dropped, rejected or rewritten.

      commands:
        run FILE        replay a shell session (ip, iptables, ping, docker, ...) and print what Linux prints
        conform FILE... compare a script's transcript in netsim with the real kernel's
        bench           measure how fast netsim evaluates an iptables-save rule set
        help            show this text

      Run `netsim COMMAND --help` for a command's options.
      """;

  /** The exit status of an internal error: sysexits' EX_SOFTWARE. */
  static final int INTERNAL_ERROR = 70;

  private Main() {}

  public static void main(String[] args) {
    // Scripts and tools speak UTF-8 (the seed is Korean) whatever the platform's default encoding.
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /** Runs the command line {@code args}; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, "1".equals(System.getenv("NETSIM_DEBUG")));
  }

  /** Runs the command line {@code args}; an internal error's stack trace is printed only when {@code debug}. */
  static int run(String[] args, PrintStream out, PrintStream err, boolean debug) {
    try {
      return dispatch(args, out, err);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      out.flush();
      err.println("netsim: internal error: " + e
          + (debug ? "" : " (NETSIM_DEBUG=1 shows where; please report it)"));
      if (debug) {
        e.printStackTrace(err);
      }
      err.flush();
      return INTERNAL_ERROR;
    }
  }

  private static int dispatch(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.print(USAGE);
      return 2;
    }
    String command = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (command) {
      case "help", "--help", "-h" -> {
        out.print(USAGE);
        return 0;
      }
      case "run" -> {
        return RunCommand.run(rest, out, err);
      }
      case "conform" -> {
        return new ConformCommand(new EchoTranscripts()).run(List.of(rest), out, err);
      }
      case "bench" -> {
        return BenchCommand.run(rest, out, err);
      }
      default -> {
        err.println("netsim: unknown command `" + command + "'");
        err.print(USAGE);
        return 2;
      }
    }
  }
}
