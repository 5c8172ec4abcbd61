package dev.netsim.rules.ext;

import java.util.List;

/** A target extension module ({@code -j NAME}). */
public abstract class TargetModule extends ExtensionModule<Target> {
  protected TargetModule(String name, List<OptionSpec> options) {
    super(name, options);
  }
}
