package dev.netsim.core.topo;

/** What resolving a sysctl key needs from a namespace, finished or still being edited. */
interface SysctlContext {
  Sysctls sysctls();

  Link link(String name);

  Iterable<Link> links();

  boolean isHost();
}
