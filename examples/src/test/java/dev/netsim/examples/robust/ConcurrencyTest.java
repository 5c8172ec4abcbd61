package dev.netsim.examples.robust;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.core.topo.Topology;
import dev.netsim.sim.World;
import dev.netsim.sim.cli.EchoTranscripts;
import dev.netsim.sim.shell.RunOptions;
import dev.netsim.sim.shell.ScriptRunner;
import dev.netsim.sim.shell.ToolRegistry;
import dev.netsim.sim.tools.SimulatedHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * netsim's threading contract (see {@link World}): a world is confined to one thread at a time, separate
 * worlds share nothing mutable, and a {@link Topology} snapshot is immutable. So many threads, each with its
 * own world, get exactly what one thread gets: the conformance suite run on a bounded pool, each thread in
 * its own order, gives every script the same transcript as a run alone; and threads probing worlds started
 * from one shared snapshot agree with each other and leave the snapshot as it was.
 */
class ConcurrencyTest {
  private static final int THREADS = 4;
  private static final long SEED = 0x7468726561647321L;

  @Test
  void theSuiteRunInParallelGivesTheTranscriptsOfASingleRun() throws Exception {
    Map<String, String> scripts = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(Path.of("conformance"))) {
      for (Path script : files.filter(p -> p.toString().endsWith(".sh")).sorted().toList()) {
        scripts.put(script.getFileName().toString(), Files.readString(script));
      }
    }
    Path dir = Path.of("conformance").toAbsolutePath();
    Map<String, String> alone = new LinkedHashMap<>();
    scripts.forEach((name, text) -> alone.put(name, new EchoTranscripts().transcript(text, dir)));

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Map<String, String>>> runs = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        List<String> order = new ArrayList<>(scripts.keySet());
        Collections.shuffle(order, new Random(SEED + t));
        runs.add(pool.submit(() -> {
          Map<String, String> transcripts = new LinkedHashMap<>();
          for (String name : order) {
            transcripts.put(name, new EchoTranscripts().transcript(scripts.get(name), dir));
          }
          return transcripts;
        }));
      }
      for (Future<Map<String, String>> run : runs) {
        Map<String, String> transcripts = run.get(5, TimeUnit.MINUTES);
        for (String name : scripts.keySet()) {
          assertThat(transcripts.get(name)).as(name).isEqualTo(alone.get(name));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String run(World world, String script) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new ScriptRunner(ToolRegistry.standard()).run(script, "probe.sh", null, new SimulatedHost(world),
        RunOptions.defaults().withEcho(true), out, out);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void threadsProbingWorldsStartedFromOneSnapshotAgree() throws Exception {
    World builder = new World();
    run(builder, """
        ip netns add A
        ip netns add B
        ip link add a0 netns A type veth peer name b0 netns B
        ip netns exec A ip addr add 192.0.2.1/24 dev a0
        ip netns exec B ip addr add 192.0.2.2/24 dev b0
        ip netns exec A ip link set a0 up
        ip netns exec B ip link set b0 up
        """);
    Topology shared = builder.topology();
    String listing = run(new World(shared), "ip -all netns exec ip addr\n");
    String probes = """
        ip netns exec A ping -c 3 192.0.2.2
        ip netns exec A ip neigh
        ip netns exec B iptables -A INPUT -p icmp -j DROP
        ip netns exec A ping -c 2 -W 1 192.0.2.2
        ip netns exec B iptables -nvL INPUT
        ip netns exec B ip link set b0 down
        ip netns exec A ping -c 1 -W 1 192.0.2.2
        """;
    String expected = run(new World(shared), probes);
    assertThat(expected).contains("3 received", "2 packets transmitted, 0 received");

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<String>> runs = new ArrayList<>();
      for (int t = 0; t < THREADS * 4; t++) {
        runs.add(pool.submit(() -> run(new World(shared), probes)));
      }
      for (Future<String> probe : runs) {
        assertThat(probe.get(5, TimeUnit.MINUTES)).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(builder.topology()).isSameAs(shared);
    assertThat(run(new World(shared), "ip -all netns exec ip addr\n")).isEqualTo(listing);
  }
}
