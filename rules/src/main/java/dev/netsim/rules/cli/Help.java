package dev.netsim.rules.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The version string and the {@code -h} texts of iptables 1.8.9 (nf_tables), copied from the real tools. */
final class Help {
  static final String VERSION = "1.8.9 (nf_tables)";

  private Help() {}

  /** {@code iptables -h}. */
  static String text() {
    return resource("iptables-help.txt");
  }

  /** {@code iptables-restore -h}. */
  static String restoreText() {
    return resource("iptables-restore-help.txt");
  }

  private static String resource(String name) {
    try (InputStream in = Help.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
