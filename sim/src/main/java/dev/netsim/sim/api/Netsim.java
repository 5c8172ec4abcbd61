package dev.netsim.sim.api;

import dev.netsim.core.topo.Namespace;
import dev.netsim.sim.World;
import dev.netsim.sim.conntrack.Connection;
import dev.netsim.sim.engine.Kernel;
import dev.netsim.sim.engine.Scheduler;
import dev.netsim.sim.shell.RunOptions;
import dev.netsim.sim.shell.RunResult;
import dev.netsim.sim.shell.ScriptRunner;
import dev.netsim.sim.shell.ToolRegistry;
import dev.netsim.sim.tools.SimulatedHost;
import dev.netsim.sim.trace.Trace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A simulated Linux machine for Java programs and tests: the entry point of netsim's API.
 *
 * <p>Build the machine with the concepts of {@code ip} — namespaces ({@link #netns}), veth pairs ({@link #veth}),
 * and per namespace bridges, addresses, routes and sysctls ({@link Netns}) — or replay a shell session
 * ({@link #fromScript}, {@link #script}); load {@code iptables-save} dumps ({@link Netns#loadRules}); then probe:
 * {@link Netns#ping}, {@link Netns#connectTcp}, {@link Netns#sendUdp}, or a hand-built {@link Packet} sent from a
 * namespace ({@link Netns#send}) or arriving on an interface ({@link Netns#inject}). Each probe returns an
 * immutable {@link ProbeResult} with the outcome and its explanation.
 *
 * <pre>{@code
 * Netsim net = Netsim.create();
 * Netns red = net.netns("RED");
 * Netns blue = net.netns("BLUE");
 * net.veth(red, "reth0", blue, "beth0");
 * red.address("reth0", "11.11.11.2/24").up("reth0");
 * blue.address("beth0", "11.11.11.3/24").up("beth0");
 * ProbeResult result = red.ping("11.11.11.3");   // result.outcome() == Disposition.DELIVERED
 * }</pre>
 *
 * <p>Every setup method runs the real tools' simulation ({@code ip}, {@code sysctl}, {@code iptables-restore}) and
 * throws {@link NetsimException} with the tool's own message when it refuses. Virtual time only moves while a
 * probe or script runs. Not thread-safe: one thread drives one machine.
 */
public final class Netsim {
  /** The name of the host's own (initial) namespace: the empty string, shown as {@code host} in traces. */
  public static final String HOST = "";

  /** How long (virtual time) a probe waits for its answer. */
  static final long PROBE_NANOS = 5_000_000_000L;
  /** How long (virtual time) a probe lets packets still in flight arrive once it has its answer. */
  private static final long SETTLE_NANOS = 1_000_000L;

  private final World world = new World();
  private final SimulatedHost host = new SimulatedHost(world);
  private final ScriptRunner runner = new ScriptRunner(ToolRegistry.standard());
  private final List<ReachedSocket> reached = new ArrayList<>();

  private Netsim() {}

  /** A fresh machine: only the host's namespace, with its loopback up, as after boot. */
  public static Netsim create() {
    return new Netsim();
  }

  /**
   * A fresh machine set up by the shell session {@code script}, as {@code netsim run} runs it (a failing line does
   * not stop it). NetsimException when the script does not parse.
   */
  public static Netsim fromScript(String script) {
    Netsim net = new Netsim();
    net.script(script);
    return net;
  }

  /**
   * Runs {@code text} as {@code netsim run --echo} does, in the host's namespace ({@code ip netns exec},
   * {@code nsenter} and the other commands of netsim's scripts work), and returns the transcript: each line after
   * {@code $ }, its output, and {@code [exit N]} after a failing one. A failing line does not stop the script.
   * NetsimException when the script does not parse.
   */
  public String script(String text) {
    ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(transcript, true, StandardCharsets.UTF_8);
    RunResult result = runner.run(withFinalNewline(text), "script", null, host, RunOptions.defaults().withEcho(true),
        out, out);
    if (result.status() == 2) {
      throw new NetsimException(result.diagnostic());
    }
    return transcript.toString(StandardCharsets.UTF_8);
  }

  /** The host's own namespace. */
  public Netns host() {
    return new Netns(this, HOST);
  }

  /** Namespace {@code name}, created first ({@code ip netns add NAME}) when it does not exist. */
  public Netns netns(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      return host();
    }
    if (world.namespace(name) == null) {
      run(HOST, "ip netns add " + name);
    }
    return new Netns(this, name);
  }

  /**
   * A veth pair: device {@code nameA} in {@code a}, its peer {@code nameB} in {@code b} (both down, as
   * {@code ip link add} leaves them; {@link Netns#up} them).
   */
  public Netsim veth(Netns a, String nameA, Netns b, String nameB) {
    // Made in one namespace with its peer sent straight to the other, so that equal names (eth0 in each
    // namespace) never meet in the host.
    if (b.name().isEmpty() || b.name().equals(a.name())) {
      run(b.name(), "ip link add " + nameB + " type veth peer name " + nameA + netnsOption(a, b));
    } else {
      run(a.name(), "ip link add " + nameA + " type veth peer name " + nameB + " netns " + b.name());
    }
    return this;
  }

  private static String netnsOption(Netns a, Netns b) {
    return a.name().equals(b.name()) ? "" : " netns " + a.name();
  }

  /** The namespaces' names, the host's ({@link #HOST}) first. */
  public List<String> namespaces() {
    return world.topology().namespaces().stream().map(Namespace::name).toList();
  }

  /**
   * Checks many flows against this machine in one go, reporting every mismatch: see {@link FlowTable}.
   */
  public FlowTable flows() {
    return new FlowTable(this);
  }

  // --- for Netns and FlowTable

  World world() {
    return world;
  }

  Kernel kernel() {
    return world.kernel();
  }

  void reached(ReachedSocket socket) {
    reached.add(socket);
  }

  /**
   * Runs one command line in {@code netns} and returns its standard output; NetsimException with its standard
   * error (or the command line) when it fails.
   */
  String run(String netns, String commandLine) {
    String line = netns.isEmpty() ? commandLine : "ip netns exec " + netns + " " + commandLine;
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    RunResult result = runner.run(withFinalNewline(line), "netsim", null, host, RunOptions.defaults(),
        new PrintStream(output, true, StandardCharsets.UTF_8), new PrintStream(errors, true, StandardCharsets.UTF_8));
    if (result.status() != 0) {
      throw new NetsimException(result.diagnostic());
    }
    int status = result.blocks().isEmpty() ? 0 : result.blocks().get(result.blocks().size() - 1).status();
    if (status != 0) {
      String message = errors.toString(StandardCharsets.UTF_8).strip();
      throw new NetsimException((message.isEmpty() ? line : message) + " (exit status " + status + ")");
    }
    return output.toString(StandardCharsets.UTF_8);
  }

  /** The script runner repeats a last line that has no newline: give it one. */
  private static String withFinalNewline(String text) {
    return text.endsWith("\n") ? text : text + "\n";
  }

  /**
   * Runs one probe: {@code start} sends its first packet and says how to recognise that packet's trace (by its
   * one-line description); then virtual time runs until {@code done} or {@link #PROBE_NANOS}, and a little more
   * for packets in flight.
   */
  ProbeResult probe(String description, Supplier<Predicate<String>> start, BooleanSupplier done, List<Reply> replies) {
    Kernel kernel = kernel();
    Scheduler scheduler = kernel.scheduler();
    kernel.takeTraces();
    int reachedBefore = reached.size();
    Predicate<String> firstPacket = start.get();
    scheduler.runUntil(done, scheduler.now() + PROBE_NANOS);
    scheduler.runUntil(scheduler.now() + SETTLE_NANOS);
    List<Trace> traces = kernel.takeTraces();
    Trace first = traces.stream().filter(trace -> firstPacket.test(trace.packet())).findFirst()
        .orElseThrow(() -> new IllegalStateException("the packet of `" + description + "' did not finish within "
            + PROBE_NANOS / 1_000_000_000L + " s of virtual time"));
    List<Trace> others = new ArrayList<>(traces);
    others.remove(first);
    return new ProbeResult(description, first, others, replies,
        List.copyOf(reached.subList(reachedBefore, reached.size())), conntrack());
  }

  private List<ConntrackEntry> conntrack() {
    List<ConntrackEntry> entries = new ArrayList<>();
    long now = world.now();
    for (String netns : namespaces()) {
      for (Connection connection : kernel().runtime(netns).conntrackTable().entries(now)) {
        entries.add(new ConntrackEntry(netns, connection.format(now)));
      }
    }
    return entries;
  }
}
