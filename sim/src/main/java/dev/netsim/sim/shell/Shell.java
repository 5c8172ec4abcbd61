package dev.netsim.sim.shell;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One shell: the top-level one, one that {@code nsenter} started, or a subshell (a pipeline stage, a
 * command substitution, {@code sh -c}). Holds what bash keeps per shell: variables, {@code $$}, {@code $?},
 * {@code $!}, the namespace it runs in and its jobs.
 */
final class Shell {
  final int pid;
  final String netns;
  /** Whether this shell reads the script's lines (so {@code nsenter} can start a shell on top of it). */
  final boolean interactive;
  final Jobs jobs;
  private final Map<String, String> variables;
  private final Set<String> exported;
  int lastStatus;
  int lastBackgroundPid = -1;
  /** What ends with this shell ({@code docker run -it}: the container stops); runs when it exits. */
  Runnable onExit = () -> {};

  private Shell(int pid, String netns, boolean interactive, Jobs jobs, Map<String, String> variables,
      Set<String> exported) {
    this.pid = pid;
    this.netns = netns;
    this.interactive = interactive;
    this.jobs = jobs;
    this.variables = variables;
    this.exported = exported;
  }

  /** The first shell, with a root login's environment. */
  static Shell login(int pid, String hostname) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", "/root");
    env.put("HOSTNAME", hostname);
    env.put("LOGNAME", "root");
    env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    env.put("SHELL", "/bin/bash");
    env.put("USER", "root");
    return new Shell(pid, "", true, new Jobs(), env, new LinkedHashSet<>(env.keySet()));
  }

  /** A new shell process: it inherits exported variables only, and has no jobs. */
  Shell child(int childPid, String childNetns, boolean childInteractive) {
    Map<String, String> env = new LinkedHashMap<>();
    for (String name : exported) {
      if (variables.containsKey(name)) {
        env.put(name, variables.get(name));
      }
    }
    return new Shell(childPid, childNetns, childInteractive, new Jobs(), env, new LinkedHashSet<>(env.keySet()));
  }

  /** A subshell: a copy of this shell's variables, the same {@code $$}; changes do not come back. */
  Shell subshell() {
    Shell copy = new Shell(pid, netns, false, jobs, new LinkedHashMap<>(variables), new LinkedHashSet<>(exported));
    copy.lastStatus = lastStatus;
    copy.lastBackgroundPid = lastBackgroundPid;
    return copy;
  }

  String get(String name) {
    return variables.get(name);
  }

  void set(String name, String value) {
    variables.put(name, value);
  }

  void unset(String name) {
    variables.remove(name);
    exported.remove(name);
  }

  void export(String name) {
    exported.add(name);
  }

  void unexport(String name) {
    exported.remove(name);
  }

  /** Exported variables with a value, by name. */
  Map<String, String> environment() {
    Map<String, String> env = new TreeMap<>();
    for (String name : exported) {
      if (variables.containsKey(name)) {
        env.put(name, variables.get(name));
      }
    }
    return env;
  }
}
