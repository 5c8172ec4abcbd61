package dev.netsim.sim.programs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The simulated host's {@code /etc/services} (Debian 12's netbase 6.3, kept as a resource), as
 * {@code getservbyport} reads it: the first name listed for a port and protocol.
 */
public final class Services {
  private static final Map<String, String> NAMES = load();

  private Services() {}

  /** The service name of {@code port} over {@code protocol} ("tcp" or "udp"), or null when there is none. */
  public static String name(int port, String protocol) {
    return NAMES.get(port + "/" + protocol);
  }

  private static Map<String, String> load() {
    Map<String, String> names = new HashMap<>();
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
          names.putIfAbsent(fields[1], fields[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(names);
  }
}
