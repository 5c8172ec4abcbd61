package dev.netsim.rules.ext;

import java.util.List;

/** A match extension module ({@code -m NAME}). */
public abstract class MatchModule extends ExtensionModule<Match> {
  protected MatchModule(String name, List<OptionSpec> options) {
    super(name, options);
  }
}
