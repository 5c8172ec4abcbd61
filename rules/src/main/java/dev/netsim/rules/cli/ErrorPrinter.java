package dev.netsim.rules.cli;

import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.state.KernelRefusal;
import java.io.PrintStream;

/** Prints failures the way iptables 1.8.9 and iptables-restore print them. */
final class ErrorPrinter {
  private ErrorPrinter() {}

  /**
   * Prints {@code error} for {@code program}; {@code line} is the iptables-restore input line (-1 for the
   * iptables command). Returns the exit status.
   */
  static int print(PrintStream err, String program, IptablesException error, int line) {
    String message = error.getMessage();
    switch (error.kind()) {
      case PARAMETER, OTHER, RESOURCE, VERSION -> {
        err.print(program + " v" + Help.VERSION + ": " + message + "\n");
        if (error.kind() == IptablesException.Kind.VERSION) {
          err.print("Perhaps iptables or your kernel needs to be upgraded.\n");
        }
      }
      case STRERROR -> {
        if (line >= 0) {
          err.print(program + ": line " + line + " failed: " + message + "\n");
        } else {
          err.print(program + ": " + message + "\n");
        }
        return error.status();
      }
      case BARE -> {
        if (message != null) {
          err.print(message + "\n");
        }
      }
    }
    if (error.kind() == IptablesException.Kind.PARAMETER || error.kind() == IptablesException.Kind.BARE) {
      if (line >= 0) {
        err.print("Error occurred at line: " + line + "\n");
      }
      err.print("Try `" + program + " -h' or '" + program + " --help' for more information.\n");
    }
    return error.status();
  }

  /** Prints a kernel refusal; {@code line} as in {@link #print}. Returns status 4. */
  static int print(PrintStream err, String program, KernelRefusal refusal, int line) {
    String where = line >= 0 ? "\nline " + line + ":" : "";
    err.print(program + " v" + Help.VERSION + ": " + where + " " + refusal.getMessage() + "\n");
    return 4;
  }
}
