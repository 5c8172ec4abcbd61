package dev.netsim.core.topo;

/**
 * A namespace id one namespace assigned to another ({@code ip netns list} prints it as "(id: N)").
 *
 * @param peer the other namespace's name
 * @param peerInstance which incarnation of that name (a deleted and re-added namespace is a new one)
 * @param id the number, the lowest free one when it was assigned
 */
record NsidEntry(String peer, long peerInstance, int id) {}
