package dev.netsim.rules.eval;

/** Receives the steps of an explained evaluation, in order. */
@FunctionalInterface
public interface EvalListener {
  void step(EvalStep step);
}
