package dev.netsim.sim.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@link FileAccess} of commands running in one namespace. {@code /dev/null} reads empty and swallows
 * writes; {@code /proc/sys/...} is the namespace's simulated sysctls; {@code /var/run/netns/NAME} exists for
 * each named namespace; real files follow the {@link FilePolicy}. Anything else is refused with
 * "Permission denied", and real paths are checked after resolving symbolic links, so a link cannot lead
 * out of the allowed folders.
 */
final class Sandbox implements FileAccess {
  /** The largest real file a script may read or write. */
  static final long MAX_FILE_BYTES = 64L << 20;

  static final String NOT_FOUND = "No such file or directory";
  static final String DENIED = "Permission denied";
  static final String IS_DIRECTORY = "Is a directory";
  static final String TOO_LARGE = "File too large";

  private final FilePolicy policy;
  private final Path scriptDir;
  private final ShellHost host;
  private final String netns;

  Sandbox(FilePolicy policy, Path scriptDir, ShellHost host, String netns) {
    this.policy = policy;
    this.scriptDir = scriptDir == null ? null : scriptDir.toAbsolutePath().normalize();
    this.host = host;
    this.netns = netns;
  }

  @Override
  public String read(String path) throws IOException {
    return new String(readBytes(path), StandardCharsets.UTF_8);
  }

  @Override
  public byte[] readBytes(String path) throws IOException {
    if (path.isEmpty()) {
      throw new IOException(NOT_FOUND);
    }
    if (isDevNull(path)) {
      return new byte[0];
    }
    String key = procSysKey(path);
    if (key != null) {
      if (key.isEmpty()) {
        throw new IOException(IS_DIRECTORY);
      }
      return (host.procSys().read(netns, key) + "\n").getBytes(StandardCharsets.UTF_8);
    }
    String name = netnsName(path);
    if (name != null) {
      if (name.isEmpty()) {
        throw new IOException(IS_DIRECTORY);
      }
      // A namespace file is an nsfs inode: it exists, but reading it fails.
      throw new IOException(host.netnsExists(name) ? "Invalid argument" : NOT_FOUND);
    }
    Path file = existingReadable(path);
    if (Files.isDirectory(file)) {
      throw new IOException(IS_DIRECTORY);
    }
    if (!Files.isRegularFile(file)) {
      // a FIFO or a device would block or never end: not something a script may read
      throw new IOException(DENIED);
    }
    if (Files.size(file) > MAX_FILE_BYTES) {
      throw new IOException(TOO_LARGE);
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes((int) MAX_FILE_BYTES + 1); // the file may have grown since its size was read
    } catch (IOException e) {
      throw new IOException(DENIED, e);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new IOException(TOO_LARGE);
    }
    return bytes;
  }

  @Override
  public void write(String path, String contents, boolean append) throws IOException {
    writeBytes(path, contents.getBytes(StandardCharsets.UTF_8), append);
  }

  @Override
  public void writeBytes(String path, byte[] bytes, boolean append) throws IOException {
    if (path.isEmpty()) {
      throw new IOException(NOT_FOUND);
    }
    if (isDevNull(path)) {
      return;
    }
    String key = procSysKey(path);
    if (key != null) {
      if (key.isEmpty()) {
        throw new IOException(IS_DIRECTORY);
      }
      if (bytes.length == 0) {
        // Opening for writing: the file must exist; an empty write changes nothing.
        host.procSys().read(netns, key);
      } else {
        host.procSys().write(netns, key, new String(bytes, StandardCharsets.UTF_8).strip());
      }
      return;
    }
    if (netnsName(path) != null || !policy.enabled()) {
      throw new IOException(DENIED);
    }
    Path workDir = policy.workDir();
    Path file = resolve(workDir, path);
    if (!file.startsWith(workDir)) {
      throw new IOException(DENIED);
    }
    Path parent = file.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new IOException(NOT_FOUND);
    }
    Path realWorkDir = workDir.toRealPath();
    if (!parent.toRealPath().startsWith(realWorkDir)) {
      throw new IOException(DENIED);
    }
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      if (Files.isSymbolicLink(file) && !(Files.exists(file) && file.toRealPath().startsWith(realWorkDir))) {
        throw new IOException(DENIED);
      }
      if (Files.isDirectory(file)) {
        throw new IOException(IS_DIRECTORY);
      }
    }
    long existing = append && Files.exists(file) ? Files.size(file) : 0;
    if (existing + bytes.length > MAX_FILE_BYTES) {
      throw new IOException(TOO_LARGE);
    }
    try {
      Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new IOException(DENIED, e);
    }
  }

  @Override
  public boolean exists(String path) {
    if (path.isEmpty()) {
      return false;
    }
    if (isDevNull(path)) {
      return true;
    }
    String key = procSysKey(path);
    if (key != null) {
      if (key.isEmpty()) {
        return true;
      }
      try {
        host.procSys().read(netns, key);
        return true;
      } catch (IOException e) {
        return false;
      }
    }
    String name = netnsName(path);
    if (name != null) {
      return name.isEmpty() || host.netnsExists(name);
    }
    try {
      existingReadable(path);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The real file {@code path} names, if it exists and the policy lets scripts read it. */
  private Path existingReadable(String path) throws IOException {
    if (!policy.enabled()) {
      throw new IOException(DENIED);
    }
    Path given = resolve(null, path);
    List<Path> candidates = new ArrayList<>();
    if (given.isAbsolute()) {
      candidates.add(given.normalize());
    } else {
      candidates.add(policy.workDir().resolve(given).normalize());
      if (scriptDir != null) {
        candidates.add(scriptDir.resolve(given).normalize());
      }
    }
    Set<Path> roots = readRoots();
    boolean anyInside = false;
    for (Path candidate : candidates) {
      if (roots.stream().noneMatch(candidate::startsWith)) {
        continue;
      }
      anyInside = true;
      if (Files.exists(candidate)) {
        Path real = candidate.toRealPath();
        for (Path root : roots) {
          if (Files.exists(root) && real.startsWith(root.toRealPath())) {
            return real;
          }
        }
        throw new IOException(DENIED);
      }
    }
    throw new IOException(anyInside ? NOT_FOUND : DENIED);
  }

  /** {@code path} (against {@code base} when given), normalised; a name no file can have is not found. */
  private static Path resolve(Path base, String path) throws IOException {
    try {
      Path given = Path.of(path);
      return base == null ? given : base.resolve(given).normalize();
    } catch (InvalidPathException e) {
      throw new IOException(NOT_FOUND, e);
    }
  }

  private Set<Path> readRoots() {
    Set<Path> roots = new LinkedHashSet<>();
    roots.add(policy.workDir());
    if (scriptDir != null) {
      roots.add(scriptDir);
    }
    roots.addAll(policy.readDirs());
    return roots;
  }

  private static boolean isDevNull(String path) {
    return path.equals("/dev/null");
  }

  /** For a path in {@code /proc/sys}: the key below it ("" for the folder itself); else null. */
  static String procSysKey(String path) {
    String normal = absoluteNormal(path);
    if (normal == null) {
      return null;
    }
    if (normal.equals("/proc/sys")) {
      return "";
    }
    return normal.startsWith("/proc/sys/") ? normal.substring("/proc/sys/".length()) : null;
  }

  /** For a path in {@code /var/run/netns} or {@code /run/netns}: the name ("" for the folder); else null. */
  static String netnsName(String path) {
    String normal = absoluteNormal(path);
    if (normal == null) {
      return null;
    }
    for (String dir : List.of("/var/run/netns", "/run/netns")) {
      if (normal.equals(dir)) {
        return "";
      }
      if (normal.startsWith(dir + "/") && normal.indexOf('/', dir.length() + 1) < 0) {
        return normal.substring(dir.length() + 1);
      }
    }
    return null;
  }

  private static String absoluteNormal(String path) {
    if (!path.startsWith("/")) {
      return null;
    }
    try {
      return Path.of(path).normalize().toString();
    } catch (InvalidPathException e) {
      return null;
    }
  }
}
