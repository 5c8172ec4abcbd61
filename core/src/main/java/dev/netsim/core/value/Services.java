package dev.netsim.core.value;

import com.google.common.collect.ImmutableMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Service names for ports, as a Debian host's {@code /etc/services} (netbase) has them: what
 * {@code iptables -L} prints without {@code -n} ({@code dpt:http}) and what {@code --dport ssh} means.
 */
public final class Services {
  private static final ImmutableMap<String, Integer> PORTS;
  private static final ImmutableMap<String, String> NAMES;

  static {
    Map<String, Integer> ports = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        Services.class.getResourceAsStream("services.tsv"), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] fields = line.split("\t");
        int port = Integer.parseInt(fields[1]);
        String protocol = fields[2];
        names.putIfAbsent(port + "/" + protocol, fields[0]);
        for (int i = 0; i < fields.length; i++) {
          if (i == 0 || i >= 3) {
            ports.putIfAbsent(fields[i] + "/" + protocol, port);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PORTS = ImmutableMap.copyOf(ports);
    NAMES = ImmutableMap.copyOf(names);
  }

  private Services() {}

  /** The port a service name has for {@code protocol} ("tcp", "udp", ...), or -1. */
  public static int port(String name, String protocol) {
    Integer port = PORTS.get(name + "/" + protocol);
    return port == null ? -1 : port;
  }

  /** The service name of {@code port} for {@code protocol}, or {@code null}. */
  public static String name(int port, String protocol) {
    return NAMES.get(port + "/" + protocol);
  }
}
