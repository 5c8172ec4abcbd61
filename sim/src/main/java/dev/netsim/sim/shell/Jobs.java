package dev.netsim.sim.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One shell's background jobs, numbered as bash numbers them. */
final class Jobs {
  /** A background job as {@code jobs} shows it. */
  static final class Job {
    final int number;
    final int pid;
    final String command;
    final BackgroundJob job;
    /** The status a {@code kill} gave it (128 + signal), or -1 while not killed. */
    int killedStatus = -1;

    Job(int number, int pid, String command, BackgroundJob job) {
      this.number = number;
      this.pid = pid;
      this.command = command;
      this.job = job;
    }

    boolean killed() {
      return killedStatus >= 0;
    }

    boolean running() {
      return !killed() && job.running();
    }

    int status() {
      return killed() ? killedStatus : job.exitStatus();
    }
  }

  private final List<Job> table = new ArrayList<>();
  /** Killed jobs {@code jobs} has forgotten, whose status {@code wait PID} still collects, as bash keeps it. */
  private final Map<Integer, Integer> killedStatusByPid = new HashMap<>();

  Job add(int pid, String command, BackgroundJob job) {
    int number = table.isEmpty() ? 1 : table.get(table.size() - 1).number + 1;
    Job entry = new Job(number, pid, command, job);
    table.add(entry);
    return entry;
  }

  /** The jobs, oldest first, killed ones included. */
  List<Job> all() {
    return List.copyOf(table);
  }

  void remove(Job job) {
    table.remove(job);
  }

  /** Forgets a killed job, keeping its status for {@code wait PID}. */
  void forgetKilled(Job job) {
    table.remove(job);
    killedStatusByPid.put(job.pid, job.killedStatus);
  }

  /** The status of a killed job {@code jobs} forgot; removes it. Null if there is none for the pid. */
  Integer collectForgotten(int pid) {
    return killedStatusByPid.remove(pid);
  }

  /** Jobs {@code jobs} shows: all but the killed ones. */
  List<Job> visible() {
    return table.stream().filter(j -> !j.killed()).toList();
  }

  /** '+' for the current job, '-' for the previous one, ' ' otherwise. */
  char marker(Job job) {
    List<Job> visible = visible();
    int index = visible.indexOf(job);
    if (index == visible.size() - 1) {
      return '+';
    }
    return index == visible.size() - 2 ? '-' : ' ';
  }

  /**
   * The job a spec such as {@code %1}, {@code %%}, {@code %+}, {@code %-}, {@code %sleep} names, or null;
   * a killed job only by number and when {@code withKilled} ({@code wait} still collects its status).
   */
  Job find(String spec, boolean withKilled) {
    List<Job> visible = visible();
    String body = spec.substring(1);
    if (body.isEmpty() || body.equals("%") || body.equals("+")) {
      return visible.isEmpty() ? null : visible.get(visible.size() - 1);
    }
    if (body.equals("-")) {
      return visible.size() < 2 ? null : visible.get(visible.size() - 2);
    }
    if (body.chars().allMatch(Character::isDigit) && body.length() < 9) {
      int number = Integer.parseInt(body);
      return table.stream().filter(j -> j.number == number && (withKilled || !j.killed())).findFirst().orElse(null);
    }
    List<Job> matches = visible.stream()
        .filter(j -> body.startsWith("?") ? j.command.contains(body.substring(1)) : j.command.startsWith(body))
        .toList();
    return matches.size() == 1 ? matches.get(0) : null;
  }

  Job byPid(int pid) {
    return table.stream().filter(j -> j.pid == pid).findFirst().orElse(null);
  }
}
