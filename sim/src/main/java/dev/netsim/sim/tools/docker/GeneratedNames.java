package dev.netsim.sim.tools.docker;

import java.util.List;

/** The {@code adjective_surname} names Docker gives containers started without {@code --name}. */
final class GeneratedNames {
  private static final List<String> LEFT = List.of(
      "admiring", "bold", "brave", "clever", "dazzling", "eager", "elegant", "festive", "gifted", "happy",
      "jolly", "keen", "loving", "modest", "nifty", "optimistic", "peaceful", "quirky", "relaxed", "serene");
  private static final List<String> RIGHT = List.of(
      "babbage", "bell", "curie", "darwin", "einstein", "feynman", "goldberg", "hopper", "kepler", "lovelace",
      "mcclintock", "noether", "pascal", "ritchie", "shannon", "thompson", "turing", "wozniak", "yalow", "zhukovsky");

  private GeneratedNames() {}

  /** A name derived from the container's id, so a script gets the same names on every run. */
  static String forId(String id) {
    int left = Integer.parseInt(id.substring(0, 4), 16) % LEFT.size();
    int right = Integer.parseInt(id.substring(4, 8), 16) % RIGHT.size();
    return LEFT.get(left) + "_" + RIGHT.get(right);
  }
}
