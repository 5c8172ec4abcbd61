package dev.netsim.sim.shell;

import java.io.IOException;

/**
 * The files a script may read and write. Paths are as written in the script; the implementation resolves
 * them, confines them to the allowed folders and serves simulated files such as {@code /proc/sys/...}.
 * Errors are {@link IOException}s whose message is what {@code cat} or bash would print after the path
 * (e.g. "No such file or directory", "Permission denied").
 */
public interface FileAccess {
  /** The file's text (UTF-8). */
  String read(String path) throws IOException;

  /** The file's bytes, for binary files such as pcap captures. */
  byte[] readBytes(String path) throws IOException;

  /** Writes {@code contents} as UTF-8. */
  void write(String path, String contents, boolean append) throws IOException;

  /** Writes {@code contents} as they are. */
  void writeBytes(String path, byte[] contents, boolean append) throws IOException;

  boolean exists(String path);
}
