package dev.netsim.sim.engine;

import dev.netsim.core.time.VirtualClock;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * Timed events on the virtual clock: packet arrivals after their link delay, retransmissions, ARP probes,
 * socket timeouts. Events at the same time run in the order they were scheduled, so every run of a script
 * is identical. Single-threaded by design.
 */
public final class Scheduler {
  /** How many events one run may process before netsim calls it a runaway (a packet storm, a loop). */
  public static final int DEFAULT_EVENT_BUDGET = 1_000_000;

  private record Event(long atNanos, long order, Runnable action) {}

  private final VirtualClock clock;
  private final PriorityQueue<Event> queue = new PriorityQueue<>(
      (a, b) -> a.atNanos != b.atNanos ? Long.compare(a.atNanos, b.atNanos) : Long.compare(a.order, b.order));
  private long nextOrder;

  public Scheduler(VirtualClock clock) {
    this.clock = clock;
  }

  public VirtualClock clock() {
    return clock;
  }

  public long now() {
    return clock.nanos();
  }

  /** Runs {@code action} {@code delayNanos} from now. */
  public void after(long delayNanos, Runnable action) {
    if (delayNanos < 0) {
      throw new IllegalArgumentException("negative delay " + delayNanos);
    }
    queue.add(new Event(clock.nanos() + delayNanos, nextOrder++, action));
  }

  /** Runs every event due up to {@code atNanos}, then leaves the clock there. */
  public void runUntil(long atNanos) {
    while (!queue.isEmpty() && queue.peek().atNanos <= atNanos) {
      Event event = queue.poll();
      clock.advanceTo(event.atNanos);
      event.action.run();
    }
    clock.advanceTo(atNanos);
  }

  /**
   * Runs the events due within {@code windowNanos} from now, the clock following them: it stops at the last
   * one run, not at the window's end, so settling a quiet machine leaves its time alone.
   */
  public void settle(long windowNanos) {
    long end = clock.nanos() + windowNanos;
    while (!queue.isEmpty() && queue.peek().atNanos <= end) {
      Event event = queue.poll();
      clock.advanceTo(event.atNanos);
      event.action.run();
    }
  }

  /**
   * Runs events until {@code done} holds or {@code deadlineNanos} is reached, whichever comes first; the
   * clock stops at the event that made {@code done} true. Returns whether {@code done} holds.
   */
  public boolean runUntil(BooleanSupplier done, long deadlineNanos) {
    while (!done.getAsBoolean()) {
      Event next = queue.peek();
      if (next == null || next.atNanos > deadlineNanos) {
        clock.advanceTo(deadlineNanos);
        return done.getAsBoolean();
      }
      queue.poll();
      clock.advanceTo(next.atNanos);
      next.action.run();
    }
    return true;
  }

  /** Whether any event is waiting. */
  public boolean idle() {
    return queue.isEmpty();
  }
}
