package dev.netsim.sim.tools.docker;

import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.NotSimulated;
import dev.netsim.sim.shell.Tool;
import java.util.List;

/**
 * {@code systemctl restart docker} (the seed's remedy for a bridge network without its gateway): the daemon
 * stops every running container, as a restart without live-restore does. The iptables rules are left as
 * they are: netsim does not re-create Docker chains a user deleted, as a real restart would.
 * {@code systemctl is-active docker} prints {@code active}. Every other use is not simulated.
 */
public final class Systemctl implements Tool {
  @Override
  public int run(Invocation call) {
    List<String> args = call.argv().subList(1, call.argv().size());
    if (args.size() == 2 && isDocker(args.get(1))) {
      switch (args.get(0)) {
        case "restart" -> {
          DockerDaemon daemon = DockerDaemon.of(call.world());
          for (Container container : daemon.containers()) {
            if (container.running()) {
              daemon.stop(container, container.image().webServer() ? 0 : 137);
            }
          }
          return 0;
        }
        case "is-active" -> {
          call.out().println("active");
          return 0;
        }
        default -> {
          // status, stop, start: their output is systemd's and the journal's, which netsim does not model
        }
      }
    }
    return NotSimulated.report(call);
  }

  private static boolean isDocker(String unit) {
    return unit.equals("docker") || unit.equals("docker.service");
  }
}
