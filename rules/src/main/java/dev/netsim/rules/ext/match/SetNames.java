package dev.netsim.rules.ext.match;

import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.ParseContext;

/** Checks of ipset names and direction lists shared by {@code -m set} and {@code -j SET}. */
public final class SetNames {
  private SetNames() {}

  /** The set name, after checking that the set exists. */
  public static String checked(String name, ParseContext context) {
    if (name.length() > 31) {
      throw IptablesException.parameter("setname `" + name + "' too long, max 31 characters.");
    }
    if (!context.ipsetExists(name)) {
      throw IptablesException.parameter("Set " + name + " doesn't exist.\n");
    }
    return name;
  }

  /** {@code src,dst,...}: at most six words, each src or dst. */
  public static void checkDirections(String directions) {
    String[] words = directions.split(",", -1);
    if (words.length > 6) {
      throw IptablesException.parameter("Can't be more src/dst options than 6.");
    }
    for (String word : words) {
      if (!word.equals("src") && !word.equals("dst")) {
        throw IptablesException.parameter("You must specify (the comma separated list of) 'src' or 'dst'.");
      }
    }
  }
}
