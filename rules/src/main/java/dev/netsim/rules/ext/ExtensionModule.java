package dev.netsim.rules.ext;

import java.util.List;

/**
 * An iptables extension as a loadable module: its name, the options it adds to the command line and a parser
 * per use. One class per extension extends {@link MatchModule} or {@link TargetModule} and is registered in
 * {@link ExtensionRegistry}.
 *
 * @param <T> {@link Match} or {@link Target}
 */
public abstract class ExtensionModule<T> {
  private final String name;
  private final List<OptionSpec> options;

  protected ExtensionModule(String name, List<OptionSpec> options) {
    this.name = name;
    this.options = List.copyOf(options);
  }

  /** The name after {@code -m} or {@code -j}. */
  public final String name() {
    return name;
  }

  public final List<OptionSpec> options() {
    return options;
  }

  /**
   * Whether libxtables checks this extension's options generically (the "x6" option API): "can only be used
   * once", "cannot be inverted", "must be specified", "cannot be used together with", "also requires".
   * Extensions with their own parse function do their checks themselves and return false.
   */
  public boolean genericChecks() {
    return true;
  }

  /**
   * Problems iptables reports when the module is loaded, before any option is parsed (e.g. a kernel module
   * missing on this machine): printed as warnings.
   */
  public List<String> loadWarnings() {
    return List.of();
  }

  public abstract ExtensionParser<T> newParser(ParseContext context);
}
