package dev.netsim.sim.shell;

/**
 * A background job that ends by itself at a known virtual time ({@code sleep 5 &}, {@code ping -c 3 &}).
 * {@code wait} lets time pass up to {@link #endsAtNanos()} instead of reporting a job that would never end.
 */
public interface TimedJob extends BackgroundJob {
  /** When the job ends, on the world's clock. */
  long endsAtNanos();
}
