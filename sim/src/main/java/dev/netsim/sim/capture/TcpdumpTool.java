package dev.netsim.sim.capture;

import dev.netsim.sim.shell.BackgroundJob;
import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.Tool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Function;

/**
 * The {@code tcpdump} program: live captures on a namespace's interface (or {@code any}) that print
 * tcpdump's lines or write a pcap file ({@code -w}), and reading pcap files back ({@code -r}).
 *
 * <p>In the background ({@code tcpdump -i br0 &}) the capture runs until the job is killed or reaches its
 * {@code -c} count, printing each frame as it crosses; then, as tcpdump does on SIGINT/SIGTERM, a blank
 * line (unless writing a file) and the statistics on standard error. In the foreground it runs while the host
 * lets the simulation proceed ({@link TcpdumpHost#runWhile}), then stops as if interrupted.
 */
public final class TcpdumpTool implements Tool {
  /** The signals tcpdump ends its capture on, printing its statistics and exiting 0. */
  private static final int SIGINT = 2;
  private static final int SIGTERM = 15;

  private final Function<Invocation, TcpdumpHost> hosts;

  /** {@code hosts} gives the machine the invocation runs on. */
  public TcpdumpTool(Function<Invocation, TcpdumpHost> hosts) {
    this.hosts = Objects.requireNonNull(hosts, "hosts");
  }

  @Override
  public int run(Invocation call) {
    Started started = begin(call);
    if (started.capture == null) {
      return started.status;
    }
    Capture capture = started.capture;
    hosts.apply(call).runWhile(capture::running);
    capture.stop();
    return 0;
  }

  @Override
  public BackgroundJob start(Invocation call) {
    Started started = begin(call);
    if (started.capture == null) {
      return BackgroundJob.finished(started.status);
    }
    Capture capture = started.capture;
    return new BackgroundJob() {
      @Override
      public boolean running() {
        return capture.running();
      }

      @Override
      public int exitStatus() {
        return 0;
      }

      @Override
      public int stop() {
        capture.stop();
        return 0;
      }

      @Override
      public void kill() {
        capture.kill();
      }

      @Override
      public boolean catches(int signal) {
        return signal == SIGINT || signal == SIGTERM;
      }
    };
  }

  /** A live capture started, or the exit status of a command that has already finished. */
  private record Started(Capture capture, int status) {
    static Started finished(int status) {
      return new Started(null, status);
    }
  }

  private Started begin(Invocation call) {
    PrintStream err = call.err();
    TcpdumpCommand command;
    try {
      command = TcpdumpCommand.parse(call.argv());
    } catch (TcpdumpCommand.Refusal refusal) {
      err.print(refusal.text());
      return Started.finished(refusal.status());
    }
    switch (command.action()) {
      case VERSION -> {
        call.out().print(TcpdumpCommand.versionText());
        return Started.finished(0);
      }
      case HELP -> {
        call.out().print(TcpdumpCommand.helpText());
        return Started.finished(0);
      }
      default -> { }
    }
    TcpdumpHost host = hosts.apply(call);
    if (command.readFile() != null) {
      return Started.finished(read(call, host, command));
    }
    String netns = call.netns();
    String device = command.device();
    LinkType link;
    if (device == null) {
      device = host.defaultDevice(netns);
      link = device == null ? LinkType.LINUX_SLL : LinkType.ETHERNET;
      device = device == null ? Captures.ANY : device;
    } else {
      link = device.equals(Captures.ANY) ? LinkType.LINUX_SLL2 : LinkType.ETHERNET;
      if (!device.equals(Captures.ANY) && !host.deviceExists(netns, device)) {
        err.print("tcpdump: " + device + ": No such device exists\n(No such device exists)\n");
        return Started.finished(1);
      }
    }
    CaptureFilter filter;
    try {
      filter = CaptureFilter.parse(command.expression());
    } catch (FilterSyntaxException e) {
      return Started.finished(refuseFilter(call, e));
    }
    CaptureSpec spec = new CaptureSpec(netns, device, link, filter, command.direction(), command.count(),
        command.promiscuous(), command.effectiveSnapshotLength());
    FrameSink sink;
    if (command.writeFile() != null) {
      try {
        OutputStream file = host.createFile(command.writeFile());
        sink = FrameSink.pcap(file, link, spec.snapshotLength());
      } catch (IOException e) {
        err.print("tcpdump: " + command.writeFile() + ": " + e.getMessage() + "\n");
        return Started.finished(1);
      }
    } else {
      sink = FrameSink.lines(call.out(), command.format(), link);
    }
    if (link == LinkType.LINUX_SLL2) {
      err.print("tcpdump: data link type LINUX_SLL2\n");
    }
    String listening = "listening on " + device + ", link-type " + link.text() + ", snapshot length "
        + spec.snapshotLength() + " bytes\n";
    if (command.writeFile() != null) {
      err.print("tcpdump: " + listening);
    } else {
      err.print("tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n" + listening);
    }
    err.flush();
    boolean printing = command.writeFile() == null;
    Capture capture = host.captures().start(spec, sink, ended -> finish(call, ended, printing));
    return new Started(capture, 0);
  }

  private static int refuseFilter(Invocation call, FilterSyntaxException e) {
    if (e.notSimulated()) {
      call.err().print("netsim: not simulated: " + e.getMessage() + "\n");
      return 127;
    }
    call.err().print("tcpdump: " + e.getMessage() + "\n");
    return 1;
  }

  /** What tcpdump prints when its capture loop ends. */
  private static void finish(Invocation call, Capture capture, boolean printing) {
    if (capture.end() == Capture.End.KILLED) {
      return;
    }
    if (printing && capture.end() != Capture.End.COUNT_REACHED) {
      // Interrupted: tcpdump ends a line it might have been printing.
      call.out().println();
      call.out().flush();
    }
    PrintStream err = call.err();
    if (capture.end() == Capture.End.FAILED && capture.failure() != null) {
      err.print("tcpdump: pcap_loop: " + capture.failure().getMessage() + "\n");
    }
    err.print(packets(capture.captured()) + " captured\n");
    err.print(packets(capture.receivedByFilter()) + " received by filter\n");
    err.print("0 packets dropped by kernel\n");
    err.flush();
  }

  private static String packets(long count) {
    return count + (count == 1 ? " packet" : " packets");
  }

  /** {@code tcpdump -r FILE}: the file's frames, filtered, as lines; no statistics. */
  private static int read(Invocation call, TcpdumpHost host, TcpdumpCommand command) {
    PrintStream err = call.err();
    if (command.writeFile() != null) {
      err.print(TcpdumpCommand.notSimulated(call.argv()).text());
      return 127;
    }
    try (InputStream in = host.openFile(command.readFile())) {
      PcapReader reader = new PcapReader(in, call.netns(), index -> host.deviceName(call.netns(), index));
      CaptureFilter filter;
      try {
        filter = CaptureFilter.parse(command.expression());
      } catch (FilterSyntaxException e) {
        return refuseFilter(call, e);
      }
      err.print("reading from file " + command.readFile() + ", link-type " + reader.link().text()
          + ", snapshot length " + reader.snapshotLength() + "\n");
      if (reader.link() == LinkType.LINUX_SLL2) {
        err.print("Warning: interface names might be incorrect\n");
      }
      TcpdumpFormatter formatter = new TcpdumpFormatter(command.format(), reader.link());
      long printed = 0;
      long record = 0;
      while (command.count() == 0 || printed < command.count()) {
        CapturedFrame frame;
        record++;
        try {
          frame = reader.next();
        } catch (FrameDecoder.UnsupportedFrameException e) {
          err.print("netsim: not simulated: frame " + record + " of " + command.readFile() + " ("
              + e.getMessage() + ")\n");
          continue;
        }
        if (frame == null) {
          break;
        }
        if (filter.matches(frame.frame())) {
          call.out().println(formatter.format(frame));
          printed++;
        }
      }
      call.out().flush();
      return 0;
    } catch (PcapReader.BadFileException e) {
      err.print("tcpdump: " + e.getMessage() + "\n");
      return 1;
    } catch (IOException e) {
      err.print("tcpdump: " + command.readFile() + ": " + e.getMessage() + "\n");
      return 1;
    }
  }
}
