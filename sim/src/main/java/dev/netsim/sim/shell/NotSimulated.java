package dev.netsim.sim.shell;

/**
 * How a tool says "this form is outside the model": one line {@code netsim: not simulated: <command>} on
 * standard error and exit status 127, like a missing command. Under {@code --strict} the script stops there.
 */
public final class NotSimulated {
  /** The exit status of a command netsim does not simulate. */
  public static final int STATUS = 127;

  private NotSimulated() {}

  /** Reports the whole command line of {@code call}; returns {@link #STATUS}. */
  public static int report(Invocation call) {
    return report(call, Words.join(call.argv()));
  }

  /** Reports {@code what} (a command line, or part of one); returns {@link #STATUS}. */
  public static int report(Invocation call, String what) {
    call.err().println(line(what));
    if (call instanceof ShellInvocation shellCall) {
      shellCall.session().noteNotSimulated();
    }
    return STATUS;
  }

  static String line(String what) {
    return "netsim: not simulated: " + what;
  }
}
