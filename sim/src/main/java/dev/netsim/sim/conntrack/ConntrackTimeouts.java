package dev.netsim.sim.conntrack;

import java.util.EnumMap;
import java.util.Map;

/**
 * Conntrack timeouts in seconds, with the kernel's defaults (the {@code net.netfilter.nf_conntrack_*_timeout*}
 * sysctls).
 */
public record ConntrackTimeouts(
    int icmp, int udp, int udpStream, int generic, int tcpUnacknowledged, int tcpMaxRetrans,
    Map<TcpState, Integer> tcp) {
  public static final ConntrackTimeouts DEFAULTS = new ConntrackTimeouts(30, 30, 120, 600, 300, 300, tcpDefaults());

  public ConntrackTimeouts {
    tcp = Map.copyOf(tcp);
  }

  private static Map<TcpState, Integer> tcpDefaults() {
    Map<TcpState, Integer> timeouts = new EnumMap<>(TcpState.class);
    timeouts.put(TcpState.NONE, 0);
    timeouts.put(TcpState.SYN_SENT, 120);
    timeouts.put(TcpState.SYN_RECV, 60);
    timeouts.put(TcpState.ESTABLISHED, 432000);
    timeouts.put(TcpState.FIN_WAIT, 120);
    timeouts.put(TcpState.CLOSE_WAIT, 60);
    timeouts.put(TcpState.LAST_ACK, 30);
    timeouts.put(TcpState.TIME_WAIT, 120);
    timeouts.put(TcpState.CLOSE, 10);
    timeouts.put(TcpState.SYN_SENT2, 120);
    return timeouts;
  }

  public int tcp(TcpState state) {
    return tcp.get(state);
  }
}
