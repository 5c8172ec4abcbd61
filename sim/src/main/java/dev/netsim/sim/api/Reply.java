package dev.netsim.sim.api;

/**
 * What came back to a probe's sender.
 *
 * @param from the address it came from
 * @param what in words: {@code echo reply}, {@code connected}, {@code connection refused}, {@code port unreachable},
 *     {@code datagram of 5 bytes}, ...
 */
public record Reply(String from, String what) {
  @Override
  public String toString() {
    return what + " from " + from;
  }
}
