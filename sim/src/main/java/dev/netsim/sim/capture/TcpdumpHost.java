package dev.netsim.sim.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.BooleanSupplier;

/**
 * What the {@code tcpdump} tool needs from the simulated machine it runs in; the script runner provides one
 * per invocation (see {@link TcpdumpTool}).
 */
public interface TcpdumpHost {
  /** The machine's captures (also its engine's {@link CaptureTap}). */
  Captures captures();

  /** Whether {@code device} exists in {@code netns}. */
  boolean deviceExists(String netns, String device);

  /**
   * The interface tcpdump captures on without {@code -i}: the first of libpcap's device list that is up and not
   * a loopback (running ones first, then the lowest number ending the name), or null when there is none
   * (tcpdump then falls back to {@code any} with cooked v1 headers).
   */
  String defaultDevice(String netns);

  /** The name of interface {@code ifindex} in {@code netns}, or null (for reading cooked pcap files). */
  String deviceName(String netns, int ifindex);

  /** Creates or truncates a file for {@code -w}; the exception message is what tcpdump prints after the path. */
  OutputStream createFile(String path) throws IOException;

  /** Opens a file for {@code -r}; the exception message is what tcpdump prints after the path. */
  InputStream openFile(String path) throws IOException;

  /**
   * Lets the simulation run (scheduled events, background jobs) while {@code waiting} holds, for a capture in
   * the foreground; returning at once is acceptable (the capture is then stopped as if by Ctrl-C).
   */
  void runWhile(BooleanSupplier waiting);
}
