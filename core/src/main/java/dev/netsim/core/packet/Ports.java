package dev.netsim.core.packet;

final class Ports {
  private Ports() {}

  static void check(int srcPort, int dstPort) {
    if ((srcPort | dstPort) >>> 16 != 0) {
      throw new IllegalArgumentException("port out of range: " + srcPort + " -> " + dstPort);
    }
  }
}
