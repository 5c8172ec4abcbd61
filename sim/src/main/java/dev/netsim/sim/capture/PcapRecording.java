package dev.netsim.sim.capture;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Pcap files being written, one per interface, by {@link Captures#recordPcaps}: {@link #stop()} ends the
 * captures and closes the files, which the real {@code tcpdump -r} and Wireshark then read.
 *
 * @param files each file, by the interface it records ("RED/reth0", "host/br0")
 * @param captures the running captures, one per file
 */
public record PcapRecording(Map<String, Path> files, List<Capture> captures) {
  public PcapRecording {
    files = Map.copyOf(files);
    captures = List.copyOf(captures);
  }

  /** Stops every capture and closes its file. */
  public void stop() {
    captures.forEach(Capture::stop);
  }

  /** The file of interface {@code device} in namespace {@code netns} ("" for the host's), or null. */
  public Path file(String netns, String device) {
    return files.get(Captures.label(netns, device));
  }
}
