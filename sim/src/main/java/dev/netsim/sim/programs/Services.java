package dev.netsim.sim.programs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated host's {@code /etc/services} (Debian 12's netbase 6.3, kept as a resource), as
 * {@code getservbyport} reads it: the first name listed for a port and protocol.
 */
public final class Services {
  private static final Map<String, String> NAMES = names();
  private static final Map<String, Integer> PORTS = ports();

  private Services() {}

  /** The service name of {@code port} over {@code protocol} ("tcp" or "udp"), or null when there is none. */
  public static String name(int port, String protocol) {
    return NAMES.get(port + "/" + protocol);
  }

  /** The port of service {@code name} (or one of its aliases) over {@code protocol}, or -1 when there is none. */
  public static int port(String name, String protocol) {
    return PORTS.getOrDefault(name + "/" + protocol, -1);
  }

  private static Map<String, Integer> ports() {
    Map<String, Integer> ports = new HashMap<>();
    for (String[] fields : entries()) {
      String[] portAndProtocol = fields[1].split("/");
      for (int i = 0; i < fields.length; i++) {
        if (i != 1) {
          ports.putIfAbsent(fields[i] + "/" + portAndProtocol[1], Integer.parseInt(portAndProtocol[0]));
        }
      }
    }
    return Map.copyOf(ports);
  }

  private static Map<String, String> names() {
    Map<String, String> names = new HashMap<>();
    for (String[] fields : entries()) {
      names.putIfAbsent(fields[1], fields[0]);
    }
    return Map.copyOf(names);
  }

  /** The lines of the services file as fields: name, port/protocol, aliases. */
  private static List<String[]> entries() {
    List<String[]> entries = new ArrayList<>();
    try (InputStream in = Services.class.getResourceAsStream("services")) {
      if (in == null) {
        throw new IllegalStateException("the services resource is missing from the build");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
      String line;
      while ((line = reader.readLine()) != null) {
        int comment = line.indexOf('#');
        String[] fields = (comment >= 0 ? line.substring(0, comment) : line).trim().split("\\s+");
        if (fields.length >= 2 && fields[1].contains("/")) {
          entries.add(fields);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }
}
