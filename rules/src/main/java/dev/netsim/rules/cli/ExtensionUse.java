package dev.netsim.rules.cli;

import dev.netsim.rules.ext.ExtensionModule;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One use of an extension in a command line ({@code -m tcp ...} or {@code -j MARK ...}): its parser, the long
 * options it adds to getopt's table, and the generic option checks of libxtables' x6 API.
 */
final class ExtensionUse<T> {
  /** The owner of a long option in getopt's table: this use and the option. */
  record OptionKey(ExtensionUse<?> use, OptionSpec spec) {
    @Override
    public boolean equals(Object other) {
      return other instanceof OptionKey key && key.use == use && key.spec.equals(spec);
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(use) * 31 + spec.hashCode();
    }
  }

  private final ExtensionModule<T> module;
  private final ExtensionParser<T> parser;
  private final Set<String> seen = new HashSet<>();
  private final List<Getopt.LongOption> longOptions = new ArrayList<>();

  ExtensionUse(ExtensionModule<T> module, ParseContext context) {
    this.module = module;
    this.parser = module.newParser(context);
    for (OptionSpec spec : module.options()) {
      OptionKey key = new OptionKey(this, spec);
      longOptions.add(new Getopt.LongOption(spec.name(), spec.arg(), key));
      for (String alias : spec.aliases()) {
        longOptions.add(new Getopt.LongOption(alias, spec.arg(), key));
      }
    }
  }

  ExtensionModule<T> module() {
    return module;
  }

  List<Getopt.LongOption> longOptions() {
    return longOptions;
  }

  /** Parses one option, after libxtables' generic checks for x6 extensions. */
  void option(OptionSpec spec, String arg, boolean inverted, ParseContext context) {
    String name = module.name();
    if (module.genericChecks()) {
      if (!spec.multi() && seen.contains(spec.name())) {
        throw IptablesException.parameter(
            name + ": option \"--" + spec.name() + "\" can only be used once.\n");
      }
      if (inverted && !spec.invertible()) {
        throw IptablesException.parameter(name + ": option \"--" + spec.name() + "\" cannot be inverted.\n");
      }
      if (spec.hasArg() && arg == null) {
        throw IptablesException.parameter(
            name + ": option \"--" + spec.name() + "\" requires an argument.\n");
      }
    }
    parser.option(spec, arg, inverted, context);
    seen.add(spec.name());
  }

  /** The extension's final check, then libxtables' checks of mandatory, required and conflicting options. */
  T finish(ParseContext context) {
    parser.finalCheck(context);
    if (module.genericChecks()) {
      String name = module.name();
      for (OptionSpec spec : module.options()) {
        if (spec.mandatory() && !seen.contains(spec.name())) {
          throw IptablesException.parameter(
              name + ": option \"--" + spec.name() + "\" must be specified\n");
        }
        if (!seen.contains(spec.name())) {
          continue;
        }
        for (OptionSpec other : module.options()) {
          if (other == spec) {
            continue;
          }
          if (spec.also().contains(other.name()) && !seen.contains(other.name())) {
            throw IptablesException.parameter(name + ": option \"--" + spec.name() + "\" also requires \"--"
                + other.name() + "\".\n");
          }
          if (spec.excludes().contains(other.name()) && seen.contains(other.name())) {
            throw IptablesException.parameter(name + ": option \"--" + spec.name()
                + "\" cannot be used together with \"--" + other.name() + "\".\n");
          }
        }
      }
    }
    return parser.build(context);
  }
}
