package dev.netsim.rules.ext.target;

import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.ext.Target;

/** A rule without {@code -j}: it only counts the packets it matches, which go on to the next rule. */
public record NoTarget() implements Target {
  public static final NoTarget INSTANCE = new NoTarget();

  @Override
  public String name() {
    return "";
  }

  @Override
  public void appendSave(StringBuilder out) {
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
  }

  @Override
  public Verdict apply(PacketContext packet) {
    return Verdict.CONTINUE;
  }
}
