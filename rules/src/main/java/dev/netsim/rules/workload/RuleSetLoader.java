package dev.netsim.rules.workload;

import dev.netsim.rules.cli.IptablesRestore;
import dev.netsim.rules.state.IptablesState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Loads iptables-save text into a namespace's iptables, as {@code iptables-restore} would. */
public final class RuleSetLoader {
  private RuleSetLoader() {}

  /**
   * A fresh {@link IptablesState} holding {@code save}; throws IllegalArgumentException with iptables-restore's
   * message when it refuses the text.
   */
  public static IptablesState load(String save) {
    IptablesState state = new IptablesState();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
    int status = new IptablesRestore(state, name -> null).run(List.of("iptables-restore"), save, err, err);
    if (status != 0) {
      throw new IllegalArgumentException(errors.toString(StandardCharsets.UTF_8).strip());
    }
    return state;
  }
}
