package dev.netsim.sim.capture;

import dev.netsim.core.topo.Link;
import dev.netsim.core.topo.Namespace;
import dev.netsim.sim.World;
import dev.netsim.sim.engine.Scheduler;
import dev.netsim.sim.shell.FileAccess;
import dev.netsim.sim.shell.Invocation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.BooleanSupplier;

/** The simulated machine a script's {@code tcpdump} runs on: its world's kernel and the script's files. */
final class WorldTcpdumpHost implements TcpdumpHost {
  /**
   * How long a foreground capture lets virtual time run at most: long enough for any scripted exchange, and a
   * bound when periodic timers would otherwise keep the machine busy for ever.
   */
  static final long FOREGROUND_LIMIT_NANOS = 3600L * 1_000_000_000L;

  private final World world;
  private final FileAccess files;

  WorldTcpdumpHost(Invocation call) {
    this.world = call.world();
    this.files = call.files();
  }

  @Override
  public Captures captures() {
    return world.kernel().captures();
  }

  @Override
  public boolean deviceExists(String netns, String device) {
    Namespace ns = world.namespace(netns);
    return ns != null && ns.link(device) != null;
  }

  @Override
  public String defaultDevice(String netns) {
    Namespace ns = world.namespace(netns);
    if (ns == null) {
      return null;
    }
    return ns.links().stream()
        .filter(link -> link.adminUp() && !link.isLoopback())
        .min(Comparator.comparing((Link link) -> !link.lowerUp())
            .thenComparingInt(link -> trailingNumber(link.name()))
            .thenComparingInt(Link::index))
        .map(Link::name)
        .orElse(null);
  }

  /**
   * libpcap's "figure of merit" for the order of its device list: "most of the time, the lower-numbered
   * device is the one you want" (the number ending the name, 0 without one), running devices first.
   */
  private static int trailingNumber(String name) {
    int start = name.length();
    while (start > 0 && Character.isDigit(name.charAt(start - 1))) {
      start--;
    }
    String digits = name.substring(start);
    return digits.isEmpty() || digits.length() > 9 ? 0 : Integer.parseInt(digits);
  }

  @Override
  public String deviceName(String netns, int ifindex) {
    Namespace ns = world.namespace(netns);
    Link link = ns == null ? null : ns.link(ifindex);
    return link == null ? null : link.name();
  }

  @Override
  public OutputStream createFile(String path) throws IOException {
    files.writeBytes(path, new byte[0], false);
    return new AppendingFile(files, path);
  }

  @Override
  public InputStream openFile(String path) throws IOException {
    return new ByteArrayInputStream(files.readBytes(path));
  }

  @Override
  public void runWhile(BooleanSupplier waiting) {
    Scheduler scheduler = world.kernel().scheduler();
    scheduler.runUntil(() -> !waiting.getAsBoolean() || scheduler.idle(), scheduler.now() + FOREGROUND_LIMIT_NANOS);
  }

  /** A file of the script's that grows by what is written, each time the writer flushes or closes. */
  private static final class AppendingFile extends OutputStream {
    private final FileAccess files;
    private final String path;
    private byte[] pending = new byte[4096];
    private int size;

    AppendingFile(FileAccess files, String path) {
      this.files = files;
      this.path = path;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      if (size + length > pending.length) {
        pending = Arrays.copyOf(pending, Math.max(pending.length * 2, size + length));
      }
      System.arraycopy(bytes, offset, pending, size, length);
      size += length;
    }

    @Override
    public void flush() throws IOException {
      if (size > 0) {
        files.writeBytes(path, Arrays.copyOf(pending, size), true);
        size = 0;
      }
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
