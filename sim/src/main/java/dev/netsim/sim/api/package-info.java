/**
 * netsim's Java API: build a simulated Linux machine ({@link dev.netsim.sim.api.Netsim}, one
 * {@link dev.netsim.sim.api.Netns} per network namespace), load {@code iptables-save} dumps into it, and probe it
 * with pings, TCP connections, UDP datagrams and hand-built {@link dev.netsim.sim.api.Packet}s. Each probe returns
 * an immutable {@link dev.netsim.sim.api.ProbeResult}: the outcome, the replies, and why, as data and as text.
 * {@link dev.netsim.sim.api.FlowTable} checks many flows at once; {@code dev.netsim.sim.api.assertions} holds the
 * AssertJ assertions.
 *
 * <p>This package and its {@code assertions} subpackage are the public surface; every other package of netsim is
 * internal and may change without notice. The outcome vocabulary ({@link dev.netsim.sim.trace.Disposition}) and the
 * trace data ({@link dev.netsim.sim.trace.Trace}, {@link dev.netsim.sim.trace.Step}) come from
 * {@code dev.netsim.sim.trace}, which results expose as they are.
 */
package dev.netsim.sim.api;
