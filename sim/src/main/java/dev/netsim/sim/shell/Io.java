package dev.netsim.sim.shell;

import java.io.PrintStream;

/** A command's standard input (all of it) and its output streams. */
record Io(String stdin, PrintStream out, PrintStream err) {
  Io withStdin(String text) {
    return new Io(text, out, err);
  }

  Io withOut(PrintStream stream) {
    return new Io(stdin, stream, err);
  }

  Io withErr(PrintStream stream) {
    return new Io(stdin, out, stream);
  }
}
