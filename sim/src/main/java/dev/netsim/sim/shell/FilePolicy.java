package dev.netsim.sim.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which real files a script may touch. Relative paths resolve against {@code workDir}; a read that finds
 * nothing there is looked up in the script's folder. Reads are allowed inside the working folder, the
 * script's folder and {@code readDirs}; writes only inside the working folder. {@code /dev/null} and the
 * simulated {@code /proc/sys} work even when file access is off.
 *
 * @param workDir the working folder, or null when file access is off
 * @param readDirs further folders a script may read (e.g. {@code --allow-read DIR})
 */
public record FilePolicy(Path workDir, List<Path> readDirs) {
  public FilePolicy {
    readDirs = List.copyOf(readDirs);
    if (workDir == null && !readDirs.isEmpty()) {
      throw new IllegalArgumentException("read folders need file access on (a working folder)");
    }
  }

  /** No real file at all: every read and write of one is refused. */
  public static FilePolicy off() {
    return new FilePolicy(null, List.of());
  }

  /** Reads and writes inside {@code workDir} (and reads next to the script). */
  public static FilePolicy in(Path workDir) {
    return new FilePolicy(Objects.requireNonNull(workDir, "workDir").toAbsolutePath().normalize(), List.of());
  }

  /** This policy, also allowing reads inside {@code dir}. */
  public FilePolicy allowRead(Path dir) {
    List<Path> dirs = new ArrayList<>(readDirs);
    dirs.add(dir.toAbsolutePath().normalize());
    return new FilePolicy(workDir, dirs);
  }

  /** Whether real files can be used at all. */
  public boolean enabled() {
    return workDir != null;
  }
}
