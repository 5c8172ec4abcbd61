/**
 * Rule sets and packet headers to measure and cross-check the evaluators with: generated Docker-host,
 * kube-proxy and random rule sets, ClassBench filter sets and traces converted to iptables, and the
 * differential check that the reference evaluator and a compiled classifier agree on every packet.
 */
package dev.netsim.rules.workload;
