package dev.netsim.sim.shell;

import java.io.IOException;

/**
 * The files a script may read and write. Paths are as written in the script; the implementation resolves
 * them, confines them to the allowed folders and serves simulated files such as {@code /proc/sys/...}.
 * Errors are {@link IOException}s whose message is what {@code cat} or bash would print after the path
 * (e.g. "No such file or directory", "Permission denied").
 */
public interface FileAccess {
  String read(String path) throws IOException;

  void write(String path, String contents, boolean append) throws IOException;

  boolean exists(String path);
}
