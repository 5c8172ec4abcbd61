# netsim: --preset docker-host
# Seed 1.1: RED <-> BLUE, two network namespaces joined by a veth pair.
# The seed works in three terminals; here they take turns: `nsenter --net=...` opens RED's or BLUE's
# terminal and `exit` returns to the host's.
sudo su -
whoami
# a veth pair: two ends, both DOWN; `ip link` shows each end's peer as @ifN
ip link add veth0 type veth peer name veth1
ip -c link
ip -c addr
ifconfig -a
ip netns add RED
ip netns add BLUE
ip netns list
# veth0 moves into RED: the host no longer lists it, and veth1's peer is now in another namespace
ip link set veth0 netns RED
ip netns list
ip -c link
ip netns exec RED ip -c a
ip link set veth1 netns BLUE
ip -c link
ip netns exec BLUE ip -c a
ip netns exec RED ip link set veth0 up
ip netns exec RED ip -c a
ip netns exec BLUE ip link set veth1 up
ip netns exec BLUE ip -c a
ip netns exec RED ip addr add 11.11.11.2/24 dev veth0
ip netns exec RED ip -c a
ip netns exec BLUE ip addr add 11.11.11.3/24 dev veth1
ip netns exec BLUE ip -c a
# terminal 1 (RED 11.11.11.2): a namespace has its own links, neighbours, routes and iptables
tree /var/run/netns
nsenter --net=/var/run/netns/RED
ip -c a
ip -c neigh
ip -c route
iptables -t filter -S
iptables -t nat -S
exit
# terminal 2 (the host): Docker's rules are here, not in RED
lsns -t net
ip -c a
ip -c neigh
ip -c route
iptables -t filter -S
iptables -t nat -S
# terminal 3 (BLUE 11.11.11.3)
nsenter --net=/var/run/netns/BLUE
ip -c a
ip -c neigh
ip -c route
iptables -t filter -S
iptables -t nat -S
exit
# the ping: RED resolves BLUE's MAC with ARP, then both neighbour tables hold the other; terminal 3
# watches BLUE's end of the pair
ip netns exec BLUE tcpdump -i veth1 &
nsenter --net=/var/run/netns/RED
ping 11.11.11.3 -c 1
ip -c neigh
exit
kill %1
ip netns exec BLUE ip -c neigh
ip netns delete RED
ip netns delete BLUE
