package dev.netsim.rules.workload;

import dev.netsim.core.value.Ipv4;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Generated and converted rule sets, as iptables-save text. */
public final class RuleSets {
  private RuleSets() {}

  /**
   * A Docker host's filter table (the chains and rules Docker 24 installs) with {@code containers} published
   * container ports in the DOCKER chain: packets are classified at FORWARD.
   */
  public static String dockerHost(int containers) {
    StringBuilder out = new StringBuilder();
    out.append("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n")
        .append(":DOCKER - [0:0]\n:DOCKER-ISOLATION-STAGE-1 - [0:0]\n:DOCKER-ISOLATION-STAGE-2 - [0:0]\n")
        .append(":DOCKER-USER - [0:0]\n")
        .append("-A FORWARD -j DOCKER-USER\n")
        .append("-A FORWARD -j DOCKER-ISOLATION-STAGE-1\n")
        .append("-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n")
        .append("-A FORWARD -o docker0 -j DOCKER\n")
        .append("-A FORWARD -i docker0 ! -o docker0 -j ACCEPT\n")
        .append("-A FORWARD -i docker0 -o docker0 -j ACCEPT\n");
    for (int c = 0; c < containers; c++) {
      out.append("-A DOCKER -d ").append(Ipv4.format(containerAddress(c)))
          .append("/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport ").append(80 + c % 1000)
          .append(" -j ACCEPT\n");
    }
    out.append("-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2\n")
        .append("-A DOCKER-ISOLATION-STAGE-1 -j RETURN\n")
        .append("-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP\n")
        .append("-A DOCKER-ISOLATION-STAGE-2 -j RETURN\n")
        .append("-A DOCKER-USER -j RETURN\n")
        .append("COMMIT\n");
    return out.toString();
  }

  /** Container {@code c}'s address in 172.17.0.0/16 (from 172.17.0.2). */
  private static int containerAddress(int c) {
    return Ipv4.parse("172.17.0.2").bits() + c;
  }

  /**
   * kube-proxy's iptables-mode nat table for {@code services} ClusterIP Services with one endpoint each:
   * KUBE-SERVICES dispatches on {@code -d VIP/32 -p tcp --dport P} to KUBE-SVC-*, which marks traffic from
   * outside the pod network for masquerading and jumps to KUBE-SEP-*, which DNATs. Packets are classified at
   * PREROUTING. (The final NodePort rule, {@code -m addrtype --dst-type LOCAL}, is left out: it needs the host's
   * addresses.)
   */
  public static String kubeProxy(int services) {
    StringBuilder out = new StringBuilder(services * 600);
    out.append("*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n")
        .append(":POSTROUTING ACCEPT [0:0]\n:KUBE-MARK-MASQ - [0:0]\n:KUBE-POSTROUTING - [0:0]\n")
        .append(":KUBE-SERVICES - [0:0]\n");
    for (int s = 0; s < services; s++) {
      out.append(":KUBE-SVC-").append(chainSuffix(s)).append(" - [0:0]\n");
      out.append(":KUBE-SEP-").append(chainSuffix(s)).append(" - [0:0]\n");
    }
    out.append("-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\n")
        .append("-A OUTPUT -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\n")
        .append("-A POSTROUTING -m comment --comment \"kubernetes postrouting rules\" -j KUBE-POSTROUTING\n")
        .append("-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000\n")
        .append("-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN\n")
        .append("-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0\n")
        .append("-A KUBE-POSTROUTING -m comment --comment \"kubernetes service traffic requiring SNAT\"")
        .append(" -j MASQUERADE --random-fully\n");
    for (int s = 0; s < services; s++) {
      appendDispatch(out, s, "KUBE-SVC-" + chainSuffix(s));
    }
    for (int s = 0; s < services; s++) {
      String vip = Ipv4.format(serviceAddress(s));
      String endpoint = Ipv4.format(endpointAddress(s));
      int port = servicePort(s);
      String suffix = chainSuffix(s);
      out.append("-A KUBE-SVC-").append(suffix).append(" ! -s 10.244.0.0/16 -d ").append(vip)
          .append("/32 -p tcp -m tcp --dport ").append(port).append(" -j KUBE-MARK-MASQ\n");
      out.append("-A KUBE-SVC-").append(suffix).append(" -j KUBE-SEP-").append(suffix).append('\n');
      out.append("-A KUBE-SEP-").append(suffix).append(" -s ").append(endpoint)
          .append("/32 -j KUBE-MARK-MASQ\n");
      out.append("-A KUBE-SEP-").append(suffix).append(" -p tcp -m tcp -j DNAT --to-destination ")
          .append(endpoint).append(':').append(8080).append('\n');
    }
    out.append("COMMIT\n");
    return out.toString();
  }

  /**
   * kube-proxy's Service dispatch alone: {@link #kubeProxy}'s KUBE-SERVICES rules for {@code services} Services,
   * reached from nat PREROUTING, each accepting where kube-proxy's jumps on to KUBE-SVC-*, so that classifying
   * a packet measures the lookup among the Services and nothing after it.
   */
  public static String kubeServiceDispatch(int services) {
    StringBuilder out = new StringBuilder(services * 150);
    out.append("*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n")
        .append(":POSTROUTING ACCEPT [0:0]\n:KUBE-SERVICES - [0:0]\n")
        .append("-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\n");
    for (int s = 0; s < services; s++) {
      appendDispatch(out, s, "ACCEPT");
    }
    out.append("COMMIT\n");
    return out.toString();
  }

  /** KUBE-SERVICES' rule for Service {@code s}: its ClusterIP, tcp and its port, then {@code target}. */
  private static void appendDispatch(StringBuilder out, int s, String target) {
    out.append("-A KUBE-SERVICES -d ").append(Ipv4.format(serviceAddress(s))).append("/32 -p tcp -m comment")
        .append(" --comment \"ns").append(s % 97).append("/svc").append(s).append(":http cluster IP\" -m tcp")
        .append(" --dport ").append(servicePort(s)).append(" -j ").append(target).append('\n');
  }

  /** How many check chains {@link #interleaved} shares among its groups. */
  private static final int CHECK_CHAINS = 8;

  /**
   * A filter FORWARD chain (policy DROP) of {@code groups} groups of four rules whose effects depend on order:
   * LOG packets from the group's /24, MARK packets to its /28, jump on its tcp port to one of a few check chains
   * (RETURN when unmarked, DROP from source ports below 32768, else RETURN), and ACCEPT its tcp port from that
   * /24 to that /28. A packet passes LOG, MARK and jump rules of several groups before one decides.
   */
  public static String interleaved(int groups) {
    StringBuilder out = new StringBuilder(groups * 260);
    out.append("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n");
    for (int c = 0; c < CHECK_CHAINS; c++) {
      out.append(":CHECK-").append(c).append(" - [0:0]\n");
    }
    int sources = Ipv4.parse("10.0.0.0").bits();
    int destinations = Ipv4.parse("172.16.0.0").bits();
    for (int g = 0; g < groups; g++) {
      String source = Ipv4.format(sources + (g << 8)) + "/24";
      String destination = Ipv4.format(destinations + (g << 4)) + "/28";
      out.append("-A FORWARD -s ").append(source).append(" -j LOG --log-prefix \"group").append(g)
          .append(": \"\n");
      out.append("-A FORWARD -d ").append(destination).append(" -j MARK --set-xmark 0x")
          .append(Integer.toHexString(g % 0xffff + 1)).append("/0xffff\n");
      out.append("-A FORWARD -p tcp -m tcp --dport ").append(1024 + g % 5000).append(" -j CHECK-")
          .append(g % CHECK_CHAINS).append('\n');
      out.append("-A FORWARD -s ").append(source).append(" -d ").append(destination)
          .append(" -p tcp -m tcp --dport ").append(1024 + g % 5000).append(" -j ACCEPT\n");
    }
    for (int c = 0; c < CHECK_CHAINS; c++) {
      out.append("-A CHECK-").append(c).append(" -m mark --mark 0x0/0xffff -j RETURN\n")
          .append("-A CHECK-").append(c).append(" -p tcp -m tcp --sport 0:32767 -j DROP\n")
          .append("-A CHECK-").append(c).append(" -j RETURN\n");
    }
    out.append("COMMIT\n");
    return out.toString();
  }

  /** Service {@code s}'s ClusterIP, from 10.96.0.1. */
  private static int serviceAddress(int s) {
    return Ipv4.parse("10.96.0.1").bits() + s;
  }

  /** Service {@code s}'s port: a few well-known ones, as real clusters have. */
  private static int servicePort(int s) {
    int[] ports = {80, 443, 53, 8080, 9090, 6379};
    return ports[s % ports.length];
  }

  private static int endpointAddress(int s) {
    return Ipv4.parse("10.244.0.2").bits() + s;
  }

  /** kube-proxy's chain names end in 16 characters of a hash; a counter in base 32 stands in for it. */
  private static String chainSuffix(int s) {
    String digits = Long.toString(s, 32).toUpperCase();
    return "0".repeat(16 - digits.length()) + digits;
  }

  /**
   * A ClassBench filter set as one filter FORWARD chain (policy ACCEPT), a rule per filter in the same order:
   * {@code -s}, {@code -d}, {@code -p} and {@code --sport/--dport} where the filter constrains them; even
   * filters ACCEPT and odd ones DROP, so that which rule decides shows in the verdict. Throws
   * IllegalArgumentException naming the line for a line that is not a ClassBench filter.
   */
  public static String classBench(Path file) throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n");
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      String line;
      int number = 0;
      int filters = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        out.append(classBenchRule(file, number, line, filters++ % 2 == 0 ? "ACCEPT" : "DROP")).append('\n');
      }
    }
    out.append("COMMIT\n");
    return out.toString();
  }

  private static String classBenchRule(Path file, int number, String line, String action) {
    String[] fields = line.trim().split("\\s+");
    // @SRC/LEN DST/LEN SLO : SHI DLO : DHI PROTO/MASK [FLAGS/MASK]
    if (fields.length < 9 || !fields[0].startsWith("@") || !":".equals(fields[3]) || !":".equals(fields[6])) {
      throw new IllegalArgumentException(file + ": line " + number + ": not a ClassBench filter");
    }
    try {
      StringBuilder rule = new StringBuilder("-A FORWARD");
      String source = fields[0].substring(1);
      if (!source.endsWith("/0")) {
        rule.append(" -s ").append(source);
      }
      if (!fields[1].endsWith("/0")) {
        rule.append(" -d ").append(fields[1]);
      }
      String[] protocol = fields[8].split("/");
      int protocolValue = Integer.decode(protocol[0]);
      int protocolMask = Integer.decode(protocol[1]);
      int sportLow = Integer.parseInt(fields[2]);
      int sportHigh = Integer.parseInt(fields[4]);
      int dportLow = Integer.parseInt(fields[5]);
      int dportHigh = Integer.parseInt(fields[7]);
      boolean ports = protocolMask != 0 && (protocolValue == 6 || protocolValue == 17);
      if (protocolMask != 0) {
        String name = protocolValue == 6 ? "tcp" : protocolValue == 17 ? "udp" : Integer.toString(protocolValue);
        rule.append(" -p ").append(name);
        if (ports && !(sportLow == 0 && sportHigh == 65535 && dportLow == 0 && dportHigh == 65535)) {
          rule.append(" -m ").append(name);
          if (!(sportLow == 0 && sportHigh == 65535)) {
            rule.append(" --sport ").append(sportLow).append(':').append(sportHigh);
          }
          if (!(dportLow == 0 && dportHigh == 65535)) {
            rule.append(" --dport ").append(dportLow).append(':').append(dportHigh);
          }
        }
      }
      return rule.append(" -j ").append(action).toString();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(file + ": line " + number + ": not a ClassBench filter");
    }
  }
}
