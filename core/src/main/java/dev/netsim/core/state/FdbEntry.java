package dev.netsim.core.state;

import dev.netsim.core.value.Mac;

/**
 * A learned bridge forwarding entry as listings show it.
 *
 * @param mac the station's address
 * @param port the ifindex of the bridge port it was last seen on
 * @param created when it was first learned (the kernel lists newer entries first)
 * @param updated when a frame from it last arrived (ageing counts from here)
 * @param used when a frame to it was last forwarded
 */
public record FdbEntry(Mac mac, int port, long created, long updated, long used) {}
