package dev.netsim.rules.ext.target;

import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.ext.Target;
import java.util.Objects;

/** {@code -j CHAIN} (a call that RETURN comes back from) or {@code -g CHAIN} (a goto: no way back). */
public record ChainJump(String chain, boolean isGoto) implements Target {
  public ChainJump {
    Objects.requireNonNull(chain, "chain");
  }

  @Override
  public String name() {
    return chain;
  }

  @Override
  public String chainJumpedTo() {
    return chain;
  }

  @Override
  public void appendSave(StringBuilder out) {
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
  }

  @Override
  public Verdict apply(PacketContext packet) {
    throw new IllegalStateException("jumps are handled by the evaluator");
  }
}
