package dev.netsim.sim.shell;

import java.util.List;

/**
 * The options a script names for itself in its leading comments, e.g. {@code # netsim: --preset docker-host},
 * so that {@code netsim run FILE} starts from the host the script was written for. Only {@code --preset}
 * can be given this way; the command line's {@code --preset} wins over the header's.
 *
 * @param preset the preset the header names, or null
 * @param line the header's line number, 0 when there is none
 */
record ScriptHeader(String preset, int line) {
  private static final String MARK = "# netsim:";

  /**
   * Reads the comment lines (and blank lines) before the first command.
   *
   * @throws IllegalArgumentException naming the line, for a header netsim cannot read
   */
  static ScriptHeader of(String text) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        break;
      }
      if (!line.startsWith(MARK)) {
        continue;
      }
      List<String> words = List.of(line.substring(MARK.length()).strip().split("\\s+"));
      if (words.size() == 2 && words.get(0).equals("--preset")) {
        return new ScriptHeader(words.get(1), i + 1);
      }
      if (words.size() == 1 && words.get(0).startsWith("--preset=")) {
        return new ScriptHeader(words.get(0).substring("--preset=".length()), i + 1);
      }
      throw new IllegalArgumentException("line " + (i + 1) + ": `" + line + "': only `# netsim: --preset NAME' is understood");
    }
    return new ScriptHeader(null, 0);
  }
}
