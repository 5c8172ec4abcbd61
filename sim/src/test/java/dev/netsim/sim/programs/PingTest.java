package dev.netsim.sim.programs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.core.packet.Icmp;
import dev.netsim.core.packet.Ipv4Packet;
import dev.netsim.core.time.VirtualClock;
import dev.netsim.core.value.Ipv4;
import dev.netsim.sim.engine.Scheduler;
import dev.netsim.sim.stack.Errno;
import dev.netsim.sim.stack.IpOutput;
import dev.netsim.sim.stack.SocketError;
import dev.netsim.sim.stack.Stack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * ping's output against what iputils printed on the kernel (transcripts in FACTS: /tmp/ping*.sh runs,
 * recorded in sim/src/test/resources/kernel/ping.txt). The network is a stub: {@code answer} decides what
 * comes back for each echo request, and when.
 */
class PingTest {
  private static final int SELF = Ipv4.parse("192.0.2.2").bits();
  private static final long MS = 1_000_000L;

  private final Scheduler scheduler = new Scheduler(new VirtualClock());
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private Function<Ipv4Packet, Ipv4Packet> answer = request -> null;
  private long delay = MS / 4;
  private Stack stack;

  PingTest() {
    stack = new Stack(scheduler, new IpOutput() {
      @Override
      public int sourceAddressFor(int dst) throws SocketError {
        if ((dst >>> 24) == 203) {
          throw new SocketError(Errno.ENETUNREACH);
        }
        return SELF;
      }

      @Override
      public Errno send(Ipv4Packet packet) {
        Ipv4Packet response = answer.apply(packet);
        if (response != null) {
          scheduler.after(delay, () -> stack.deliver(response));
        }
        return null;
      }
    }, dst -> 1500, 5);
  }

  private int ping(String... args) {
    Host host = new Host() {
      @Override
      public Stack stack() {
        return stack;
      }

      @Override
      public Scheduler scheduler() {
        return scheduler;
      }

      @Override
      public long deviceAddress(String device) {
        return "a0".equals(device) ? Integer.toUnsignedLong(SELF) : -1;
      }

      @Override
      public boolean isLocalAddress(int address) {
        return address == SELF;
      }

      @Override
      public boolean isBroadcastAddress(int address) {
        return (address & 0xff) == 0xff;
      }

      @Override
      public int newPid() {
        return 4242;
      }
    };
    String[] argv = new String[args.length + 1];
    argv[0] = "ping";
    System.arraycopy(args, 0, argv, 1, args.length);
    return new Ping(host, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).run(Arrays.asList(argv));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private static Ipv4Packet echoReply(Ipv4Packet request, int ttl) {
    return Ipv4Packet.of(request.dstAddress(), request.srcAddress(), Icmp.echoReply((Icmp) request.l4())).withTtl(ttl);
  }

  @Test
  void answeredPingsPrintRepliesAndRtt() {
    answer = request -> echoReply(request, 63);
    assertThat(ping("-c", "3", "-i", "0.2", "198.51.100.2")).isZero();
    assertThat(out()).isEqualTo("""
        PING 198.51.100.2 (198.51.100.2) 56(84) bytes of data.
        64 bytes from 198.51.100.2: icmp_seq=1 ttl=63 time=0.250 ms
        64 bytes from 198.51.100.2: icmp_seq=2 ttl=63 time=0.250 ms
        64 bytes from 198.51.100.2: icmp_seq=3 ttl=63 time=0.250 ms

        --- 198.51.100.2 ping statistics ---
        3 packets transmitted, 3 received, 0% packet loss, time 400ms
        rtt min/avg/max/mdev = 0.250/0.250/0.250/0.000 ms
        """);
    assertThat(scheduler.now()).isEqualTo(400 * MS + MS / 4);
  }

  @Test
  void silenceEndsAfterTheReplyTimeoutWithExitOne() {
    assertThat(ping("-c", "2", "-W", "1", "-i", "0.2", "192.0.2.9")).isEqualTo(1);
    assertThat(out()).isEqualTo("""
        PING 192.0.2.9 (192.0.2.9) 56(84) bytes of data.

        --- 192.0.2.9 ping statistics ---
        2 packets transmitted, 0 received, 100% packet loss, time 200ms

        """);
  }

  @Test
  void withoutReplyTimeoutPingLingersTenSeconds() {
    ping("-c", "4", "192.0.2.9");
    assertThat(scheduler.now()).isEqualTo(13_000 * MS);
  }

  @Test
  void routerErrorsArePrintedAndCountedWithThePipeLine() {
    delay = 3000 * MS;
    answer = request -> Ipv4Packet.of(Ipv4.parse("192.0.2.1"), request.srcAddress(),
        Icmp.error(Icmp.DEST_UNREACHABLE, 1, request));
    assertThat(ping("-c", "2", "198.51.100.9")).isEqualTo(1);
    assertThat(out()).isEqualTo("""
        PING 198.51.100.9 (198.51.100.9) 56(84) bytes of data.
        From 192.0.2.1 icmp_seq=1 Destination Host Unreachable
        From 192.0.2.1 icmp_seq=2 Destination Host Unreachable

        --- 198.51.100.9 ping statistics ---
        2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 4000ms
        pipe 2
        """);
  }

  @Test
  void rejectTextsAreIputilsWords() {
    assertThat(Ping.describe(Icmp.error(3, 3, null))).isEqualTo("Destination Port Unreachable");
    assertThat(Ping.describe(Icmp.error(3, 10, null))).isEqualTo("Destination Host Prohibited");
    assertThat(Ping.describe(Icmp.error(3, 13, null))).isEqualTo("Packet filtered");
    assertThat(Ping.describe(Icmp.error(3, 0, null))).isEqualTo("Destination Net Unreachable");
    assertThat(Ping.describe(Icmp.error(11, 0, null))).isEqualTo("Time to live exceeded");
  }

  @Test
  void rttIsPrintedWithIputilsPrecision() {
    assertThat(Ping.formatRtt(239_000)).isEqualTo("0.239 ms");
    assertThat(Ping.formatRtt(1_234_000)).isEqualTo("1.23 ms");
    assertThat(Ping.formatRtt(12_340_000)).isEqualTo("12.3 ms");
    assertThat(Ping.formatRtt(123_400_000)).isEqualTo("123 ms");
  }

  @Test
  void noRouteFailsBeforeTheHeader() {
    assertThat(ping("-c", "1", "203.0.113.5")).isEqualTo(2);
    assertThat(out()).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("ping: connect: Network is unreachable\n");
  }

  @Test
  void optionsAndErrorsAsIputilsHasThem() {
    answer = request -> echoReply(request, 64);
    assertThat(ping("198.51.100.2", "-c", "1", "-s", "100")).isZero();
    assertThat(out()).startsWith("PING 198.51.100.2 (198.51.100.2) 100(128) bytes of data.\n"
        + "108 bytes from 198.51.100.2: icmp_seq=1 ttl=64 time=0.250 ms\n");
    out.reset();
    assertThat(ping("-c", "1", "-I", "a0", "198.51.100.2")).isZero();
    assertThat(out()).startsWith("PING 198.51.100.2 (198.51.100.2) from 192.0.2.2 a0: 56(84) bytes of data.\n");
    assertThat(ping("-c", "1", "-I", "nosuch", "198.51.100.2")).isEqualTo(2);
    assertThat(ping("-c", "abc", "198.51.100.2")).isEqualTo(1);
    assertThat(ping("-c", "0", "198.51.100.2")).isEqualTo(1);
    assertThat(ping("-t", "256", "198.51.100.2")).isEqualTo(1);
    assertThat(ping()).isEqualTo(1);
    assertThat(ping("-c", "1", "300.1.1.1")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("""
        ping: SO_BINDTODEVICE nosuch: No such device
        ping: invalid argument: 'abc'
        ping: invalid argument: '0': out of range: 1 <= value <= 9223372036854775807
        ping: invalid argument: '256': out of range: 0 <= value <= 255
        ping: usage error: Destination address required
        ping: 300.1.1.1: Temporary failure in name resolution
        """);
  }

  @Test
  void aDeadlineCutsTheCountShort() {
    answer = request -> echoReply(request, 64);
    assertThat(ping("-c", "2", "-w", "1", "127.0.0.1")).isEqualTo(1);
    assertThat(out()).contains("1 packets transmitted, 1 received, 0% packet loss");
  }

  @Test
  void localhostResolvesThroughHosts() {
    answer = request -> echoReply(request, 64);
    assertThat(ping("-c", "1", "localhost")).isZero();
    assertThat(out()).startsWith("PING localhost (127.0.0.1) 56(84) bytes of data.\n"
        + "64 bytes from localhost (127.0.0.1): icmp_seq=1 ttl=64 time=0.250 ms\n");
  }
}
