package dev.netsim.sim;

import dev.netsim.core.topo.Link;
import dev.netsim.core.topo.LinkLocal;
import dev.netsim.core.topo.Namespace;
import dev.netsim.core.topo.Peer;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * The IPv6 packets Linux sends by itself once a device has its link-local address: MLD reports and duplicate
 * address detection at once, a router solicitation when DAD is done, and further solicitations at doubling
 * intervals (4 s, 8 s, ... up to an hour). netsim models IPv4, so this keeps only their visible effect: the
 * bridge the device is wired to learns its MAC, as {@code bridge fdb show} and {@code brctl showmacs} show on a
 * real host. A bridge learns only while the receiving port forwards; the check uses the topology at the time
 * the timers are run, which is close enough for listings.
 */
final class LinkLocalChatter {
  private static final long FIRST_SOLICITATION_INTERVAL = 4_000_000_000L;
  private static final long MAX_SOLICITATION_INTERVAL = 3_600_000_000_000L;

  /** A packet from device {@code ifindex} of {@code netns} at {@code at}; {@code next} is the following gap. */
  private record Send(long at, String netns, int ifindex, LinkLocal address, long next) {}

  private final PriorityQueue<Send> pending = new PriorityQueue<>(Comparator.comparingLong(Send::at));

  /** Device {@code ifindex} of {@code netns} just got {@code address}: schedules what Linux sends. */
  void started(String netns, int ifindex, LinkLocal address) {
    pending.add(new Send(address.since(), netns, ifindex, address, 0));
  }

  /** Delivers every packet due by {@code now}, in time order. */
  void run(World world, long now) {
    while (!pending.isEmpty() && pending.peek().at() <= now) {
      Send send = pending.poll();
      Namespace ns = world.topology().namespace(send.netns());
      Link link = ns == null ? null : ns.link(send.ifindex());
      if (link == null || !send.address().equals(link.linkLocal())) {
        continue;
      }
      deliver(world, link, send.at());
      long gap = send.next() == 0 ? Link.DAD_NANOS : send.next();
      long following = send.next() == 0 ? FIRST_SOLICITATION_INTERVAL
          : Math.min(send.next() * 2, MAX_SOLICITATION_INTERVAL);
      pending.add(new Send(send.at() + gap, send.netns(), send.ifindex(), send.address(), following));
    }
  }

  private static void deliver(World world, Link sender, long at) {
    Peer peer = sender.peer();
    if (peer == null || !sender.lowerUp()) {
      return;
    }
    Namespace peerNs = world.topology().namespace(peer.namespace());
    Link port = peerNs == null ? null : peerNs.link(peer.index());
    if (port == null || !port.isBridgePort()) {
      return;
    }
    Link bridge = peerNs.link(port.master());
    if (bridge.adminUp() && port.lowerUp()) {
      world.fdb(peerNs.name(), bridge.index()).learn(port.index(), sender.mac(), at);
    }
  }
}
