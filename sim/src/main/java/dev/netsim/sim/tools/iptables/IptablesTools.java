package dev.netsim.sim.tools.iptables;

import dev.netsim.rules.cli.IptablesCommand;
import dev.netsim.rules.cli.IptablesRestore;
import dev.netsim.rules.cli.IptablesSave;
import dev.netsim.rules.state.IptablesState;
import dev.netsim.sim.capture.SimulatedWallClock;
import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.Tool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * {@code iptables}, {@code iptables-save} and {@code iptables-restore} (and their {@code -nft} names) acting on
 * the iptables of the namespace the command runs in.
 */
public final class IptablesTools {
  private IptablesTools() {}

  /** The tools by the names a script calls them. */
  public static Map<String, Tool> all() {
    Tool iptables = call -> new IptablesCommand(state(call)).run(call.argv(), call.out(), call.err());
    Tool save = call -> new IptablesSave(state(call), () -> wallClock(call), path -> fileWriter(call, path))
        .run(call.argv(), call.out(), call.err());
    Tool restore = call -> new IptablesRestore(state(call), call.files()::read)
        .run(call.argv(), call.stdin(), call.out(), call.err());
    return Map.of(
        "iptables", iptables,
        "iptables-nft", iptables,
        "iptables-save", save,
        "iptables-nft-save", save,
        "iptables-restore", restore,
        "iptables-nft-restore", restore);
  }

  private static IptablesState state(Invocation call) {
    return call.world().kernel().runtime(call.netns()).iptables();
  }

  private static ZonedDateTime wallClock(Invocation call) {
    long micros = SimulatedWallClock.epochMicros(call.world().now());
    return Instant.ofEpochSecond(micros / 1_000_000L).atZone(ZoneOffset.UTC);
  }

  /** A stream whose text replaces the file {@code path} when flushed. */
  private static PrintStream fileWriter(Invocation call, String path) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    return new PrintStream(buffer, false, StandardCharsets.UTF_8) {
      @Override
      public void flush() {
        super.flush();
        try {
          call.files().write(path, buffer.toString(StandardCharsets.UTF_8), false);
        } catch (IOException e) {
          call.err().println("Failed to open file, error: " + e.getMessage());
        }
      }
    };
  }
}
