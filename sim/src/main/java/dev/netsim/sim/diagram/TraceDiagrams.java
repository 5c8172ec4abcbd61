package dev.netsim.sim.diagram;

import dev.netsim.sim.World;
import dev.netsim.sim.trace.Trace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes the {@link PathDiagram} of every packet a world's kernel walks, as the packet finishes, to a folder:
 * {@code 001-icmp-echo-request-11.11.11.2-11.11.11.3.svg}, numbered in the order packets finished. What
 * {@code netsim run --svg DIR} does; Java callers {@link #attach} one to their world.
 */
public final class TraceDiagrams implements Consumer<Trace> {
  /** Words of the packet's description kept in a file name, at most. */
  private static final int NAME_WORDS = 6;
  /** Where the packet's description moves on from what it is and where it goes to its header fields. */
  private static final Set<String> HEADER_FIELDS = Set.of("id", "seq", "ttl", "len", "length");

  private final World world;
  private final Path dir;
  private final List<Path> written = new ArrayList<>();
  private IOException failure;

  private TraceDiagrams(World world, Path dir) {
    this.world = Objects.requireNonNull(world, "world");
    this.dir = Objects.requireNonNull(dir, "dir");
  }

  /** Creates {@code dir} if needed and writes a diagram there for each packet {@code world}'s kernel finishes. */
  public static TraceDiagrams attach(World world, Path dir) throws IOException {
    Files.createDirectories(dir);
    TraceDiagrams diagrams = new TraceDiagrams(world, dir);
    world.kernel().addTraceObserver(diagrams);
    return diagrams;
  }

  @Override
  public void accept(Trace trace) {
    if (failure != null) {
      return;
    }
    Path file = dir.resolve(String.format(Locale.ROOT, "%03d-%s.svg", written.size() + 1, slug(trace.packet())));
    try {
      Files.writeString(file, PathDiagram.svg(trace, Topology.of(world.topology())), StandardCharsets.UTF_8);
      written.add(file);
    } catch (IOException e) {
      failure = new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** The files written so far, in order. */
  public List<Path> written() {
    return List.copyOf(written);
  }

  /** Why writing stopped (the first file that could not be written), or null. */
  public IOException failure() {
    return failure;
  }

  /** "ICMP echo request 11.11.11.2 > 11.11.11.3 id 2817 seq 1" → "icmp-echo-request-11.11.11.2-11.11.11.3" */
  static String slug(String packet) {
    List<String> words = new ArrayList<>();
    for (String word : packet.toLowerCase(Locale.ROOT).split("\\s+")) {
      String kept = word.replaceAll("[^a-z0-9.:]", "").replace(':', '.');
      if (HEADER_FIELDS.contains(kept)) {
        break;
      }
      if (!kept.isEmpty()) {
        words.add(kept);
      }
      if (words.size() == NAME_WORDS) {
        break;
      }
    }
    return words.isEmpty() ? "packet" : String.join("-", words);
  }
}
