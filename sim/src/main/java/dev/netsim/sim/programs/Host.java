package dev.netsim.sim.programs;

import dev.netsim.sim.engine.Scheduler;
import dev.netsim.sim.stack.Stack;

/** What a simulated program sees of the namespace it runs in. */
public interface Host {
  /** The namespace's sockets. */
  Stack stack();

  /** The virtual clock and its timers. */
  Scheduler scheduler();

  /** The primary IPv4 address of {@code device}, 0 when it has none, -1 when there is no such device. */
  long deviceAddress(String device);

  /** Whether {@code address} is one of the namespace's own addresses. */
  boolean isLocalAddress(int address);

  /** Whether {@code address} is a broadcast address here (limited, or a subnet's directed broadcast). */
  boolean isBroadcastAddress(int address);

  /** A fresh process id, for ids that Linux derives from the pid (ping's echo id). */
  int newPid();
}
