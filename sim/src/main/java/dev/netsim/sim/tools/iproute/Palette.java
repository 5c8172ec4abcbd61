package dev.netsim.sim.tools.iproute;

/**
 * iproute2's colours ({@code -c}): it prints them even into a pipe, as these escape sequences.
 */
enum Palette {
  NONE(""),
  IFNAME("\033[36m"),
  MAC("\033[33m"),
  INET("\033[35m"),
  INET6("\033[34m"),
  UP("\033[32m"),
  DOWN("\033[31m");

  static final String RESET = "\033[0m";

  private final String code;

  Palette(String code) {
    this.code = code;
  }

  /** {@code text} in this colour when {@code enabled} (iproute2 puts the trailing space inside the colour). */
  String paint(String text, boolean enabled) {
    return enabled && this != NONE ? code + text + RESET : text;
  }
}
