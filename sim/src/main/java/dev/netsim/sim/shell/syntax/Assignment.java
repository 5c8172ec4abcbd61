package dev.netsim.sim.shell.syntax;

/** {@code NAME=value} or {@code NAME+=value}. */
public record Assignment(String name, boolean append, Word value) {}
