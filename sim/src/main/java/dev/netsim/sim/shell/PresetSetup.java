package dev.netsim.sim.shell;

/** What a {@link Preset} works with: the machine, and a way to run commands on it as a script would. */
public interface PresetSetup {
  ShellHost host();

  /**
   * Runs {@code script} (one or more lines, here-documents allowed) on the host namespace with the same
   * tools a user script has, discarding its output.
   *
   * @throws IllegalStateException if the script does not parse or a line exits with a status other than 0;
   *     the message names the line and shows its output
   */
  void run(String script);
}
