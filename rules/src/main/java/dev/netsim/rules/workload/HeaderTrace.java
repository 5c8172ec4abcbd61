package dev.netsim.rules.workload;

import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.match.TcpMatch;
import dev.netsim.rules.ext.match.UdpMatch;
import dev.netsim.rules.model.Chain;
import dev.netsim.rules.model.IpHeader;
import dev.netsim.rules.model.Rule;
import dev.netsim.rules.model.Table;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Packet headers as five parallel columns (source, destination, ports, protocol), the shape of a ClassBench
 * trace. A packet is routed: in on {@code eth0}, out of {@code eth1} unless the rules' interfaces say otherwise.
 */
public final class HeaderTrace implements PacketSource {
  private final int[] source;
  private final int[] destination;
  private final int[] sourcePort;
  private final int[] destinationPort;
  private final int[] protocol;
  private final String[] inInterface;
  private final String[] outInterface;

  private HeaderTrace(int[] source, int[] destination, int[] sourcePort, int[] destinationPort, int[] protocol,
      String[] inInterface, String[] outInterface) {
    this.source = source;
    this.destination = destination;
    this.sourcePort = sourcePort;
    this.destinationPort = destinationPort;
    this.protocol = protocol;
    this.inInterface = inInterface;
    this.outInterface = outInterface;
  }

  @Override
  public int size() {
    return source.length;
  }

  @Override
  public void fill(int index, PacketContext packet) {
    packet.reset();
    packet.src = source[index];
    packet.dst = destination[index];
    packet.protocol = protocol[index];
    packet.length = 100;
    packet.ttl = 64;
    packet.inInterface = inInterface[index];
    packet.outInterface = outInterface[index];
    if (packet.protocol == 6 || packet.protocol == 17) {
      packet.srcPort = sourcePort[index];
      packet.dstPort = destinationPort[index];
      packet.tcpFlags = packet.protocol == 6 ? 0x10 : 0;
    } else if (packet.protocol == 1) {
      packet.icmpType = 8;
      packet.icmpCode = 0;
    }
  }

  /** The first {@code count} headers (all of them when there are fewer). */
  public HeaderTrace first(int count) {
    int kept = Math.min(count, size());
    return new HeaderTrace(Arrays.copyOf(source, kept), Arrays.copyOf(destination, kept),
        Arrays.copyOf(sourcePort, kept), Arrays.copyOf(destinationPort, kept), Arrays.copyOf(protocol, kept),
        Arrays.copyOf(inInterface, kept), Arrays.copyOf(outInterface, kept));
  }

  /**
   * Reads a ClassBench trace: per line {@code SRC DST SPORT DPORT PROTO} as unsigned decimals, further columns
   * ignored. Throws IllegalArgumentException naming the line for anything else.
   */
  public static HeaderTrace readClassBench(Path file) throws IOException {
    List<long[]> rows = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        String[] fields = line.trim().split("\\s+");
        if (fields.length == 1 && fields[0].isEmpty()) {
          continue;
        }
        if (fields.length < 5) {
          throw new IllegalArgumentException(file + ": line " + number + ": expected SRC DST SPORT DPORT PROTO");
        }
        long[] row = new long[5];
        long[] limits = {0xffff_ffffL, 0xffff_ffffL, 65535, 65535, 255};
        for (int f = 0; f < 5; f++) {
          try {
            row[f] = Long.parseLong(fields[f]);
          } catch (NumberFormatException e) {
            row[f] = -1;
          }
          if (row[f] < 0 || row[f] > limits[f]) {
            throw new IllegalArgumentException(file + ": line " + number + ": `" + fields[f]
                + "' is not an unsigned number up to " + limits[f]);
          }
        }
        rows.add(row);
      }
    }
    int size = rows.size();
    HeaderTrace trace = blank(size);
    for (int i = 0; i < size; i++) {
      long[] row = rows.get(i);
      trace.source[i] = (int) row[0];
      trace.destination[i] = (int) row[1];
      trace.sourcePort[i] = (int) row[2];
      trace.destinationPort[i] = (int) row[3];
      trace.protocol[i] = (int) row[4];
    }
    return trace;
  }

  private static HeaderTrace blank(int size) {
    String[] in = new String[size];
    String[] out = new String[size];
    Arrays.fill(in, "eth0");
    Arrays.fill(out, "eth1");
    return new HeaderTrace(new int[size], new int[size], new int[size], new int[size], new int[size], in, out);
  }

  /**
   * {@code count} headers aimed at the rules of {@code table}: each picks a rule at random and takes values
   * inside, at the edges of, or just outside its addresses, ports, protocol and interfaces, so that the
   * packets exercise the boundaries where evaluators could disagree; one in eight is uniformly random.
   */
  public static HeaderTrace targeting(Table table, long seed, int count) {
    List<Rule> rules = new ArrayList<>();
    for (Chain chain : table.chains()) {
      rules.addAll(chain.rules());
    }
    SplittableRandom random = new SplittableRandom(seed);
    HeaderTrace trace = blank(count);
    for (int i = 0; i < count; i++) {
      trace.source[i] = random.nextInt();
      trace.destination[i] = random.nextInt();
      trace.sourcePort[i] = random.nextInt(65536);
      trace.destinationPort[i] = random.nextInt(65536);
      int[] protocols = {6, 17, 1, 47};
      trace.protocol[i] = protocols[random.nextInt(protocols.length)];
      if (rules.isEmpty() || random.nextInt(8) == 0) {
        continue;
      }
      Rule rule = rules.get(random.nextInt(rules.size()));
      IpHeader header = rule.spec().header();
      trace.source[i] = nearAddress(random, header.source().address(), header.source().mask());
      trace.destination[i] = nearAddress(random, header.destination().address(), header.destination().mask());
      if (header.protocol() != 0 && random.nextInt(8) != 0) {
        trace.protocol[i] = header.protocol();
      }
      if (!header.inInterface().isEmpty() && random.nextInt(4) != 0) {
        trace.inInterface[i] = concrete(header.inInterface());
      }
      if (!header.outInterface().isEmpty() && random.nextInt(4) != 0) {
        trace.outInterface[i] = concrete(header.outInterface());
      }
      for (Match match : rule.spec().matches()) {
        if (match instanceof TcpMatch tcp) {
          trace.sourcePort[i] = nearPort(random, tcp.sportLow(), tcp.sportHigh());
          trace.destinationPort[i] = nearPort(random, tcp.dportLow(), tcp.dportHigh());
        } else if (match instanceof UdpMatch udp) {
          trace.sourcePort[i] = nearPort(random, udp.sportLow(), udp.sportHigh());
          trace.destinationPort[i] = nearPort(random, udp.dportLow(), udp.dportHigh());
        }
      }
    }
    return trace;
  }

  /** An interface name a pattern matches ({@code veth+} gives {@code veth0}). */
  private static String concrete(String pattern) {
    return pattern.endsWith("+") ? pattern.substring(0, pattern.length() - 1) + "0" : pattern;
  }

  /** An address in the network, at its first or last address, or just outside it. */
  private static int nearAddress(SplittableRandom random, int address, int mask) {
    int first = address & mask;
    int last = first | ~mask;
    return switch (random.nextInt(6)) {
      case 0 -> first;
      case 1 -> last;
      case 2 -> first - 1;
      case 3 -> last + 1;
      default -> first | (random.nextInt() & ~mask);
    };
  }

  /** A port in the range, at its ends, or just outside it. */
  private static int nearPort(SplittableRandom random, int low, int high) {
    int port = switch (random.nextInt(6)) {
      case 0 -> low;
      case 1 -> high;
      case 2 -> low - 1;
      case 3 -> high + 1;
      default -> low + random.nextInt(Math.max(1, high - low + 1));
    };
    return Math.max(0, Math.min(65535, port));
  }
}
