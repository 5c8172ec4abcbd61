package dev.netsim.sim.shell.syntax;

import com.google.common.base.Preconditions;

/**
 * A here-document. Its body is read after the line that holds the operator, so the parser fills it in
 * once; after parsing the object does not change.
 *
 * @see Redirect.Op#HERE_DOC
 */
public final class HereDoc {
  private final String delimiter;
  private final boolean expand;
  private final boolean stripTabs;
  private Word body;

  HereDoc(String delimiter, boolean expand, boolean stripTabs) {
    this.delimiter = delimiter;
    this.expand = expand;
    this.stripTabs = stripTabs;
  }

  /** The delimiter line, quotes removed. */
  public String delimiter() {
    return delimiter;
  }

  /** Whether {@code $}-expansions happen in the body (the delimiter was not quoted). */
  public boolean expand() {
    return expand;
  }

  /** Whether leading tabs are removed ({@code <<-}). */
  public boolean stripTabs() {
    return stripTabs;
  }

  /** The body, every line ending with a newline; all literal when {@link #expand()} is false. */
  public Word body() {
    return body;
  }

  void setBody(Word body) {
    Preconditions.checkState(this.body == null, "here-document body already read");
    this.body = body;
  }
}
