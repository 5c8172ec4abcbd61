package dev.netsim.sim.shell;

import java.io.IOException;

/**
 * The simulated {@code /proc/sys} of each network namespace: what {@code cat /proc/sys/...} reads and
 * {@code echo 1 > /proc/sys/...} writes. Keys are the path below {@code /proc/sys/}, with slashes, e.g.
 * {@code net/ipv4/ip_forward} or {@code net/ipv4/conf/eth0.100/rp_filter}.
 *
 * <p>Errors are {@link IOException}s whose message is what {@code cat} prints after the path, e.g.
 * "No such file or directory", "Is a directory", "Invalid argument".
 */
public interface ProcSys {
  /** The value without its trailing newline, e.g. "1". */
  String read(String netns, String key) throws IOException;

  /** Sets a value; {@code value} has surrounding whitespace (the newline {@code echo} adds) removed. */
  void write(String netns, String key, String value) throws IOException;
}
