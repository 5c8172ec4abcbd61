package dev.netsim.sim.shell;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The output streams commands write to: the terminal, pipes and captures, files, nowhere. */
final class Streams {
  private Streams() {}

  static PrintStream print(OutputStream out) {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }

  /** Discards everything ({@code /dev/null}). */
  static PrintStream discard() {
    return print(OutputStream.nullOutputStream());
  }

  /**
   * Writes through to {@code target} and flushes after every write, so that what commands write to
   * standard output and standard error reaches a terminal in the order it was written.
   */
  static PrintStream terminal(PrintStream target) {
    return print(new OutputStream() {
      @Override
      public void write(int b) {
        target.write(b);
        target.flush();
      }

      @Override
      public void write(byte[] bytes, int off, int len) {
        target.write(bytes, off, len);
        target.flush();
      }
    });
  }

  /** The most a pipe or a command substitution holds; what is written beyond it is dropped. */
  static final int MAX_CAPTURE_BYTES = 64 << 20;

  /** Collects what is written, for a pipe or a command substitution, up to {@link #MAX_CAPTURE_BYTES}. */
  static final class Capture {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean overflowed;
    private final PrintStream stream = print(new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] data, int off, int len) {
        int room = MAX_CAPTURE_BYTES - bytes.size();
        if (len > room) {
          overflowed = true;
        }
        bytes.write(data, off, Math.max(0, Math.min(len, room)));
      }
    });

    PrintStream stream() {
      return stream;
    }

    String text() {
      stream.flush();
      return bytes.toString(StandardCharsets.UTF_8);
    }

    boolean overflowed() {
      return overflowed;
    }
  }

  /**
   * Appends each write to a file through the script's {@link FileAccess}, and keeps the first error, which
   * a command reports as a write error once it is done.
   */
  static final class FileSink {
    private final PrintStream stream;
    private IOException error;

    FileSink(FileAccess files, String path) {
      stream = print(new OutputStream() {
        @Override
        public void write(int b) {
          write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int off, int len) {
          if (len == 0 || error != null) {
            return;
          }
          try {
            files.write(path, new String(bytes, off, len, StandardCharsets.UTF_8), true);
          } catch (IOException e) {
            error = e;
          }
        }
      });
    }

    PrintStream stream() {
      return stream;
    }

    IOException error() {
      return error;
    }
  }

  /**
   * A pipe from a background command: what it writes while starting is collected ({@link #drain()}); after
   * that, each line it writes is handed over as it is completed.
   */
  static final class LinePipe {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private java.util.function.Consumer<String> consumer;
    private final PrintStream stream = print(new OutputStream() {
      @Override
      public void write(int b) {
        pending.write(b);
        if (b == '\n' && consumer != null) {
          String line = pending.toString(StandardCharsets.UTF_8);
          pending.reset();
          consumer.accept(line);
        }
      }

      @Override
      public void write(byte[] bytes, int off, int len) {
        for (int i = off; i < off + len; i++) {
          write(bytes[i]);
        }
      }
    });

    PrintStream stream() {
      return stream;
    }

    /** What was written so far; empties the pipe. */
    String drain() {
      stream.flush();
      String text = pending.toString(StandardCharsets.UTF_8);
      pending.reset();
      return text;
    }

    /** From now on, hands each completed line (with its newline) to {@code lines}. */
    void onLine(java.util.function.Consumer<String> lines) {
      this.consumer = lines;
    }
  }
}
