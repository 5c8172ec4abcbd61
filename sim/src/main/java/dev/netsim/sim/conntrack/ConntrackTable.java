package dev.netsim.sim.conntrack;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The confirmed connections of one network namespace, indexed under both their original and reply tuples
 * (so a reply finds its connection, and NAT clashes are visible). Entries expire lazily against the virtual
 * clock. Mutable simulation state.
 */
public final class ConntrackTable {
  /** The kernel's default {@code net.netfilter.nf_conntrack_max} on a machine of this size. */
  public static final int DEFAULT_MAX = 262144;

  private final Map<ConnTuple, Connection> byTuple = new HashMap<>();
  private final LinkedHashMap<Long, Connection> byId = new LinkedHashMap<>();
  private long nextId = 1;
  private int max = DEFAULT_MAX;

  /** A new, unconfirmed entry for a packet that opens a connection. */
  public Connection create(ConnTuple original, int zone, long nowNanos) {
    return new Connection(nextId++, original, zone, nowNanos);
  }

  /** The live connection with {@code tuple} in either direction, or null. */
  public Connection find(ConnTuple tuple, long nowNanos) {
    Connection connection = byTuple.get(tuple);
    if (connection != null && connection.isExpired(nowNanos)) {
      remove(connection);
      return null;
    }
    return connection;
  }

  /** Whether some live connection already uses {@code tuple} (in either direction). */
  public boolean inUse(ConnTuple tuple, long nowNanos) {
    return find(tuple, nowNanos) != null;
  }

  /**
   * Inserts an unconfirmed connection, as the kernel does when its first packet leaves the last hook.
   * Returns false (and inserts nothing) when the table is full and no unassured entry can be dropped to
   * make room, or when another connection already holds one of its tuples.
   */
  public boolean confirm(Connection connection, long nowNanos) {
    if (connection.isConfirmed()) {
      return true;
    }
    if (inUse(connection.original(), nowNanos) || inUse(connection.reply(), nowNanos)) {
      return false;
    }
    if (isFull()) {
      expire(nowNanos); // a full table first sheds what has timed out; the walk is paid only then
    }
    if (isFull() && !dropOneUnassured()) {
      return false;
    }
    connection.set(Connection.CONFIRMED);
    byTuple.put(connection.original(), connection);
    byTuple.put(connection.reply(), connection);
    byId.put(connection.id(), connection);
    return true;
  }

  private boolean dropOneUnassured() {
    for (Connection candidate : byId.values()) {
      if (!candidate.isAssured()) {
        remove(candidate);
        return true;
      }
    }
    return false;
  }

  public void remove(Connection connection) {
    if (byId.remove(connection.id()) != null) {
      byTuple.remove(connection.original(), connection);
      byTuple.remove(connection.reply(), connection);
    }
  }

  /** Drops every expired entry. */
  public void expire(long nowNanos) {
    for (Iterator<Connection> it = byId.values().iterator(); it.hasNext(); ) {
      Connection connection = it.next();
      if (connection.isExpired(nowNanos)) {
        it.remove();
        byTuple.remove(connection.original(), connection);
        byTuple.remove(connection.reply(), connection);
      }
    }
  }

  /** The live entries, oldest first. */
  public List<Connection> entries(long nowNanos) {
    expire(nowNanos);
    return new ArrayList<>(byId.values());
  }

  public int size(long nowNanos) {
    expire(nowNanos);
    return byId.size();
  }

  public void flush() {
    byId.clear();
    byTuple.clear();
  }

  public int max() {
    return max;
  }

  /**
   * Sets the limit from {@code net.netfilter.nf_conntrack_max}, which the kernel reads as an unsigned
   * count: 0 is no limit at all, and a negative value written to the sysctl is a count beyond any table.
   */
  public void setMax(int max) {
    this.max = max;
  }

  private boolean isFull() {
    return max != 0 && Integer.compareUnsigned(byId.size(), max) >= 0;
  }
}
