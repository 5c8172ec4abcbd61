package dev.netsim.sim.conform;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code netsim conform [--kernel] [--runs N] [--record] SCRIPT...}: compares netsim's transcript of each
 * script with the kernel's, block by block. The kernel's side is the recording next to the script, or with
 * {@code --kernel} a live run (N times, default 3; blocks that differ between runs, or that the recording
 * marks unstable, are not counted). {@code --record} runs the kernel side and writes the recording instead of comparing.
 */
public final class ConformCommand {
  static final String USAGE = """
      usage: netsim conform [--kernel] [--runs N] [--record] SCRIPT...

      Compares netsim's `run --echo` transcript of each script with the real kernel's, block by block.
        --kernel   run the kernel side live (as root, in throwaway namespaces) instead of reading the
                   recording NAME.kernel.txt next to NAME.sh
        --runs N   kernel runs per script (default 3); blocks that differ between them, or that the
                   recording marks unstable, are not counted
        --record   run the kernel side and write NAME.kernel.txt, marking unstable blocks; no comparison
      Exit status: 0 when every stable block agrees, 1 when one does not, 2 on a usage or setup error.
      """;

  private final NetsimTranscripts netsim;

  public ConformCommand(NetsimTranscripts netsim) {
    this.netsim = netsim;
  }

  /** Runs the command; returns its exit status. */
  public int run(List<String> args, PrintStream out, PrintStream err) {
    boolean kernel = false;
    boolean record = false;
    int runs = 3;
    List<Path> scripts = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--kernel" -> kernel = true;
        case "--record" -> record = true;
        case "--help", "-h" -> {
          out.print(USAGE);
          return 0;
        }
        case "--runs" -> {
          Integer n = i + 1 < args.size() ? positive(args.get(i + 1)) : null;
          if (n == null) {
            err.println("netsim conform: --runs needs a positive number");
            return 2;
          }
          runs = n;
          i++;
        }
        default -> {
          if (arg.startsWith("-")) {
            err.println("netsim conform: unknown option `" + arg + "'");
            err.print(USAGE);
            return 2;
          }
          scripts.add(Path.of(arg));
        }
      }
    }
    if (scripts.isEmpty()) {
      err.print(USAGE);
      return 2;
    }
    for (Path script : scripts) {
      if (!Files.isRegularFile(script)) {
        err.println("netsim conform: " + script + ": No such file");
        return 2;
      }
    }
    try {
      return (kernel || record) ? withKernel(scripts, runs, record, out, err) : recorded(scripts, out, err);
    } catch (IllegalStateException e) {
      err.println("netsim conform: " + e.getMessage());
      return 2;
    } catch (IOException e) {
      err.println("netsim conform: " + e.getMessage());
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      err.println("netsim conform: interrupted");
      return 2;
    }
  }

  private int recorded(List<Path> scripts, PrintStream out, PrintStream err) throws IOException {
    List<Comparison> comparisons = new ArrayList<>();
    for (Path script : scripts) {
      Path recording = KernelRecording.pathFor(script);
      if (!Files.isRegularFile(recording)) {
        err.println("netsim conform: " + recording + ": no recording (make one with --record, as root)");
        return 2;
      }
      comparisons.add(compare(script, Transcript.parse(Files.readString(recording)), netsim(script), out));
    }
    return finish(comparisons, out);
  }

  private int withKernel(List<Path> scripts, int runs, boolean record, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    List<String> missing = KernelRunner.missingPrerequisites();
    if (!missing.isEmpty()) {
      err.println("netsim conform: the kernel side cannot run; missing: " + String.join(", ", missing));
      return 2;
    }
    String before = KernelRunner.rootNamespaceSnapshot();
    KernelRunner runner = KernelRunner.create();
    List<Comparison> comparisons = new ArrayList<>();
    for (Path script : scripts) {
      // netsim first: when its side cannot run, the kernel runs are not wasted.
      Transcript netsimSide = record ? null : netsim(script);
      List<Transcript> transcripts = new ArrayList<>();
      for (int run = 0; run < runs; run++) {
        transcripts.add(Transcript.parse(runner.run(script)));
      }
      Transcript kernel = KernelRecording.of(transcripts);
      if (record) {
        Files.writeString(KernelRecording.pathFor(script), kernel.render(), StandardCharsets.UTF_8);
        long unstable = kernel.blocks().stream().filter(Block::unstable).count();
        out.printf("%s: recorded %d blocks, %d unstable%n", script, kernel.blocks().size(), unstable);
      } else {
        Path recording = KernelRecording.pathFor(script);
        if (Files.isRegularFile(recording)) {
          kernel = KernelRecording.withUnstableOf(kernel, Transcript.parse(Files.readString(recording)));
        }
        comparisons.add(compare(script, kernel, netsimSide, out));
      }
    }
    String after = KernelRunner.rootNamespaceSnapshot();
    if (!before.equals(after)) {
      err.println("netsim conform: the machine's own namespace changed during the run:");
      err.println("before:\n" + before + "\nafter:\n" + after);
      return 2;
    }
    return record ? 0 : finish(comparisons, out);
  }

  private Transcript netsim(Path script) throws IOException {
    return Transcript.parse(netsim.transcript(Files.readString(script), script.toAbsolutePath().getParent()));
  }

  private static Comparison compare(Path script, Transcript kernel, Transcript netsimSide, PrintStream out) {
    Comparison comparison = Comparison.of(script.toString(), kernel, netsimSide);
    out.print(comparison.report());
    return comparison;
  }

  private static int finish(List<Comparison> comparisons, PrintStream out) {
    out.println(Comparison.summary(comparisons));
    return comparisons.stream().allMatch(Comparison::agrees) ? 0 : 1;
  }

  private static Integer positive(String text) {
    try {
      int n = Integer.parseInt(text);
      return n > 0 ? n : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
