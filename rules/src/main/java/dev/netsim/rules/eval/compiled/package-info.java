/**
 * The compiled classifier: chains flattened into primitive arrays and, for large chains, a cutting tree that
 * narrows each packet to the few rules whose header fields can match it, walked in rule order so that the
 * outcome, every counter and every side effect are those of the {@link dev.netsim.rules.eval.ReferenceEvaluator}.
 */
package dev.netsim.rules.eval.compiled;
