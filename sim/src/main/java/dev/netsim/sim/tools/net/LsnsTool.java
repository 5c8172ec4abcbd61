package dev.netsim.sim.tools.net;

import dev.netsim.core.topo.Namespace;
import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.Tool;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lsns -t net} (util-linux 2.38): one row per network namespace in the real format. netsim runs no
 * processes, so each namespace shows one process with a made-up but stable PID and inode: the host's is the
 * initial namespace (inode 4026531840, PID 1, {@code /sbin/init}), the others a shell. The NETNSID column is
 * the id the current namespace gave each one.
 */
public final class LsnsTool implements Tool {
  private static final long FIRST_INODE = 4026532200L;

  @Override
  public int run(Invocation call) {
    List<String> argv = call.argv();
    for (int i = 1; i < argv.size(); i++) {
      String word = argv.get(i);
      if (word.equals("-t") || word.equals("--type")) {
        if (i + 1 >= argv.size() || !argv.get(i + 1).equals("net")) {
          call.err().print("netsim: not simulated: " + String.join(" ", argv) + "\n");
          return 127;
        }
        i++;
      } else if (!word.equals("-tnet") && !word.equals("--type=net")) {
        call.err().print("netsim: not simulated: " + String.join(" ", argv) + "\n");
        return 127;
      }
    }
    Namespace here = call.world().namespace(call.netns());
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"NS", "TYPE", "NPROCS", "PID", "USER", "NETNSID", "NSFS", "COMMAND"});
    for (Namespace ns : call.world().topology().namespaces()) {
      if (call.world().isOtherMachine(ns.name())) {
        continue;
      }
      long inode = ns.isHost() ? 4026531840L : FIRST_INODE + ns.instance();
      long pid = ns.isHost() ? 1 : 1000 + ns.instance();
      int id = here.nsidOf(ns);
      rows.add(new String[] {
          Long.toString(inode), "net", "1", Long.toString(pid), "root",
          id >= 0 ? Integer.toString(id) : "unassigned",
          ns.listed() ? "/run/netns/" + ns.name() : "",
          ns.isHost() ? "/sbin/init" : "bash"});
    }
    boolean[] right = {true, false, true, true, false, true, false, false};
    int[] widths = new int[8];
    for (String[] row : rows) {
      for (int c = 0; c < 8; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder text = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < 8; c++) {
        String cell = row[c];
        if (c == 7) {
          line.append(cell);
        } else {
          String pad = " ".repeat(widths[c] - cell.length());
          line.append(right[c] ? pad + cell : cell + pad).append(' ');
        }
      }
      text.append(line).append('\n');
    }
    call.out().print(text);
    return 0;
  }
}
