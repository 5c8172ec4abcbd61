package dev.netsim.core.topo;

/** RFC 2863 operational states as {@code ip link} prints them ({@code state UP}). */
public enum OperState {
  UNKNOWN,
  DOWN,
  LOWERLAYERDOWN,
  UP
}
